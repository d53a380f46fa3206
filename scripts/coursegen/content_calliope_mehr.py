"""Course ``calliope``, notebooks 5-7: functions, the accelerometer tilt game, radio secret messages."""
# ruff: noqa: E501 - long lines are German notebook text and test cells, kept whole for readability

from __future__ import annotations

from calliope_common import board_cell, finish, header, program_answer
from common import Assignment
from nb import Notebook


def funktionen(nb: Notebook, a: Assignment) -> None:
    header(nb, a, """\
Manche Befehle brauchst du immer wieder. Statt sie jedes Mal neu zu schreiben, packst du sie in eine
**Funktion**, gibst ihr einen Namen – und rufst sie auf, so oft du willst.""")
    nb.md("""\
## Eine Funktion bauen

```python
def blinke(mal):
    for i in range(mal):
        display.show(Image.HEART)
        sleep(200)
        display.clear()
        sleep(200)

blinke(3)   # das Herz blinkt 3-mal
```

`def` heißt „definiere“. `mal` ist ein **Parameter**: eine Variable, die beim Aufruf ihren Wert bekommt.
Bei `blinke(3)` ist `mal` gleich 3.

In den Aufgaben schreibst du **nur die Funktion** (ohne sie aufzurufen). Die Prüf-Zelle ruft sie dann mit
verschiedenen Zahlen auf und schaut, was die LEDs zeigen. So sollen deine zwei Funktionen aussehen:

![zeige_balken(3): drei LEDs unten links; zeige_punkte(7): die oberste Reihe und zwei LEDs darunter](funktionen.svg)""")
    nb.play("""\
%%programm probier
from calliopemini import *
def blinke(mal):
    for i in range(mal):
        display.show(Image.HEART)
        sleep(200)
        display.clear()
        sleep(200)

blinke(3)""")
    nb.md("""\
## Aufgabe 1: Ein Balken

Schreibe die Funktion `zeige_balken(n)`. Sie löscht die Anzeige und schaltet dann in der **untersten
Reihe** (y = 4) die ersten `n` LEDs ein, von links: bei `zeige_balken(3)` leuchten
`(0, 4)`, `(1, 4)` und `(2, 4)`. `n` ist eine Zahl von 0 bis 5.""")
    program_answer(nb, "1_balken", "balken", """\
def zeige_balken(n):
    display.clear()
    for x in range(n):
        display.set_pixel(x, 4, 9)""")
    nb.test("1_balken", 2, """\
lauf = simuliere("balken", bis_ms=500, anhang="zeige_balken(3)\\nsleep(200)",
                 tipp="Die Funktion muss genau zeige_balken heißen und darf keine Endlos-Schleife haben.")
pruefe_pixel(lauf, 100, [(0, 4), (1, 4), (2, 4)], was="Nach zeige_balken(3)",
             tipp="range(n) zählt 0, 1, …, n-1 – genau n LEDs. Die unterste Reihe ist y = 4.")""", """\
lauf = simuliere("balken", bis_ms=500, anhang="zeige_balken(5)\\nsleep(100)\\nzeige_balken(0)\\nsleep(100)")
pruefe_pixel(lauf, 50, [(x, 4) for x in range(5)], was="Nach zeige_balken(5)")
pruefe_pixel(lauf, 150, [], was="Nach zeige_balken(0)", tipp="Lösch zuerst die Anzeige: display.clear().")
lauf = simuliere("balken", bis_ms=500, anhang="zeige_balken(4)\\nsleep(100)\\nzeige_balken(1)\\nsleep(100)")
pruefe_pixel(lauf, 150, [(0, 4)], was="Nach zeige_balken(4) und dann zeige_balken(1)",
             tipp="Lösch zuerst die Anzeige: display.clear().")""")
    nb.md("So kannst du deine Funktion benutzen – zum Beispiel als Lautstärke-Anzeige:")
    nb.play("""\
%%programm balken_demo
from calliopemini import *
def zeige_balken(n):
    display.clear()
    for x in range(n):
        display.set_pixel(x, 4, 9)

for n in [0, 1, 2, 3, 4, 5, 4, 3, 2, 1]:
    zeige_balken(n)
    sleep(200)""")
    board_cell(nb, "balken_demo")
    nb.md("""\
## Aufgabe 2: Punkte zählen

Schreibe `zeige_punkte(n)` für `n` von 0 bis 25: Die Funktion löscht die Anzeige und schaltet `n` LEDs
ein – **wie beim Lesen**: erst die oberste Reihe von links nach rechts, dann die nächste Reihe und so
weiter. Bei `zeige_punkte(7)` leuchtet die ganze oberste Reihe und in der zweiten Reihe die ersten zwei.

*Tipp:* Die LED Nummer `i` (ab 0 gezählt) steht bei `x = i % 5` und `y = i // 5`.
`%` ist der Rest beim Teilen, `//` teilt ohne Rest: `7 % 5` ist 2, `7 // 5` ist 1.""")
    program_answer(nb, "2_punkte", "punkte", """\
def zeige_punkte(n):
    display.clear()
    for i in range(n):
        display.set_pixel(i % 5, i // 5, 9)""")
    nb.test("2_punkte", 2, """\
lauf = simuliere("punkte", bis_ms=500, anhang="zeige_punkte(7)\\nsleep(200)",
                 tipp="Die Funktion muss genau zeige_punkte heißen.")
pruefe_pixel(lauf, 100, [(0, 0), (1, 0), (2, 0), (3, 0), (4, 0), (0, 1), (1, 1)], was="Nach zeige_punkte(7)",
             tipp="x = i % 5 (die Spalte), y = i // 5 (die Reihe).")""", """\
lauf = simuliere("punkte", bis_ms=500, anhang="zeige_punkte(25)\\nsleep(100)\\nzeige_punkte(12)\\nsleep(100)")
pruefe_pixel(lauf, 50, [(x, y) for y in range(5) for x in range(5)], was="Nach zeige_punkte(25)")
pruefe_pixel(lauf, 150, [(i % 5, i // 5) for i in range(12)], was="Nach zeige_punkte(12)")
lauf = simuliere("punkte", bis_ms=300, anhang="zeige_punkte(1)\\nsleep(100)")
pruefe_pixel(lauf, 50, [(0, 0)], was="Nach zeige_punkte(1)", tipp="range(n) zählt genau n Zahlen: 0 bis n-1.")""",
            "Damit kannst du Punkte in einem Spiel anzeigen.")
    nb.md("""\
## Aufgabe 3: Eine Funktion, die etwas zurückgibt

Eine Funktion kann auch ein **Ergebnis** liefern – mit `return`. Diese Aufgabe ist normales Python (du
kannst die Funktion später in dein Calliope-Programm kopieren).

Die LEDs kennen 10 Helligkeiten: 0 (aus) bis 9 (ganz hell). Schreibe `stufe(prozent)`, die aus einer
Prozentzahl (0 bis 100) die passende Helligkeit macht: `prozent * 9 / 100`, **gerundet** auf eine ganze
Zahl mit `round(...)`. Also `stufe(0)` ist 0 und `stufe(100)` ist 9.""")
    nb.answer("3_stufe", '''\
def stufe(prozent):
    """Macht aus 0 bis 100 Prozent eine Helligkeit von 0 bis 9."""
    ### BEGIN SOLUTION
    return round(prozent * 9 / 100)
    ### END SOLUTION''')
    nb.test("3_stufe", 2, """\
stufe_ = funktion("stufe")
pruefe_gleich(stufe_(0), 0, was="stufe(0)")
pruefe_gleich(stufe_(100), 9, was="stufe(100)", tipp="Die hellste Stufe ist 9, nicht 10: rechne prozent * 9 / 100.")
pruefe_typ(stufe_(100), int, was="stufe(100)", tipp="Runde mit round(...) – Helligkeiten sind ganze Zahlen.")""", """\
pruefe_gleich(stufe_(60), 5, was="stufe(60)")
pruefe_gleich(stufe_(30), 3, was="stufe(30)", tipp="2,7 wird auf 3 gerundet: round(...).")
pruefe_gleich(stufe_(11), 1, was="stufe(11)")""")
    nb.md("Und so sieht das auf dem Calliope aus: Die Mitte wird immer heller.")
    nb.play("""\
%%programm hell
from calliopemini import *
def stufe(prozent):
    return round(prozent * 9 / 100)

for prozent in range(0, 101, 10):
    display.set_pixel(2, 2, stufe(prozent))
    sleep(200)""")
    finish(nb, """\
Mit `def` baust du eigene Befehle, Parameter machen sie flexibel und `return` gibt ein Ergebnis zurück.
Große Programme bestehen aus vielen kleinen Funktionen.""")


def kippspiel(nb: Notebook, a: Assignment) -> None:
    header(nb, a, """\
Im Calliope steckt ein **Beschleunigungssensor**. Er spürt, wie du den Calliope hältst und bewegst.
Heute baust du daraus eine Wasserwaage und ein Spiel, das du durch **Kippen** steuerst.""")
    nb.md("""\
## Wie der Sensor misst

`accelerometer.get_x()` liefert eine Zahl: Liegt der Calliope flach, ist sie ungefähr **0**. Kippst du
ihn nach **rechts**, wird sie positiv (bis etwa **+1000**), nach **links** negativ (bis etwa **-1000**).

![Drei Calliopes: nach links gekippt x ≈ -1000, flach x ≈ 0, nach rechts gekippt x ≈ +1000](kippen.svg)

Im Simulator stellst du die Neigung mit `sensoren` ein: `sensoren={"acc_x": [(0, 0), (1000, 800)]}`
heißt: am Anfang flach, ab 1000 ms nach rechts gekippt (x = 800).""")
    nb.play("""\
%%programm probier
from calliopemini import *
while True:
    print(accelerometer.get_x())
    sleep(500)""")
    nb.play('probiere("probier", bis_ms=3000, sensoren={"acc_x": [(0, 0), (1000, 800), (2000, -600)]})')
    nb.md("""\
## Aufgabe 1: Wohin gekippt?

Ein kleines bisschen schief ist noch nicht gekippt – der Sensor wackelt immer etwas. Schreibe (in
normalem Python) `richtung(x)`, die zurückgibt:

* `"links"`, wenn x **kleiner als -300** ist,
* `"rechts"`, wenn x **größer als 300** ist,
* sonst `"gerade"`.""")
    nb.answer("1_richtung", '''\
def richtung(x):
    """Sagt, wohin der Calliope gekippt ist: "links", "rechts" oder "gerade"."""
    ### BEGIN SOLUTION
    if x < -300:
        return "links"
    elif x > 300:
        return "rechts"
    else:
        return "gerade"
    ### END SOLUTION''')
    nb.test("1_richtung", 2, """\
richtung_ = funktion("richtung")
pruefe_gleich(richtung_(-800), "links", was="richtung(-800)", tipp="Nach links gekippt ist x negativ (kleiner als -300).")
pruefe_gleich(richtung_(900), "rechts", was="richtung(900)")
pruefe_gleich(richtung_(0), "gerade", was="richtung(0)")""", """\
pruefe_gleich(richtung_(300), "gerade", was="richtung(300)", tipp="Genau 300 ist noch nicht größer als 300: benutze >.")
pruefe_gleich(richtung_(-300), "gerade", was="richtung(-300)", tipp="Genau -300 ist noch nicht kleiner als -300: benutze <.")
pruefe_gleich(richtung_(301), "rechts", was="richtung(301)")""")
    nb.md("""\
## Aufgabe 2: Eine Wasserwaage

Jetzt auf dem Calliope: Zeig immer wieder (alle 50 ms),

* nach links gekippt (x < -300): `Image.ARROW_W`,
* nach rechts gekippt (x > 300): `Image.ARROW_E`,
* sonst – alles gerade: einen Haken `Image.YES`.

Du darfst deine Funktion `richtung` aus Aufgabe 1 in das Programm kopieren und benutzen!""")
    program_answer(nb, "2_waage", "waage", """\
while True:
    x = accelerometer.get_x()
    if x < -300:
        display.show(Image.ARROW_W)
    elif x > 300:
        display.show(Image.ARROW_E)
    else:
        display.show(Image.YES)
    sleep(50)""")
    nb.test("2_waage", 2, """\
lauf = simuliere("waage", bis_ms=4000, sensoren={"acc_x": [(0, 0), (1000, -800), (2000, 0), (3000, 800)]})
pruefe_bild(lauf, 500, "YES", was="Flach (nach 0,5 s)")
pruefe_bild(lauf, 1500, "ARROW_W", was="Nach links gekippt (nach 1,5 s)",
            tipp="Links/rechts misst accelerometer.get_x().")
pruefe_bild(lauf, 3500, "ARROW_E", was="Nach rechts gekippt (nach 3,5 s)")""", """\
pruefe_bild(lauf, 2500, "YES", was="Wieder flach (nach 2,5 s)")
lauf = simuliere("waage", bis_ms=2000, sensoren={"acc_x": [(0, 250), (1000, -250)]})
pruefe_bild(lauf, 500, "YES", was="Nur ein bisschen schief (x = 250, nach 0,5 s)",
            tipp="Erst ab mehr als 300 zählt es als gekippt.")
pruefe_bild(lauf, 1500, "YES", was="Nur ein bisschen schief (x = -250, nach 1,5 s)")""")
    board_cell(nb, "waage")
    nb.md("""\
## Aufgabe 3: Das Kippspiel

Ein Punkt in der **untersten Reihe** (y = 4) rollt, wenn du den Calliope kippst:

![Kippspiel: Der Punkt startet in der Mitte, rollt beim Kippen nach rechts und bleibt am Rand stehen](kippspiel.svg)

* Der Punkt startet in der Mitte: `x = 2`.
* Alle **200 ms**: nach rechts gekippt (get_x() > 300) → x eins größer, nach links gekippt (< -300) →
  x eins kleiner. Aber **nie über den Rand**: x bleibt zwischen 0 und 4!
* Dann Anzeige löschen und den Punkt bei `(x, 4)` zeichnen.

*Tipp:* `if neigung > 300 and x < 4:` prüft beides auf einmal.""")
    program_answer(nb, "3_kippspiel", "kippspiel", """\
x = 2
while True:
    neigung = accelerometer.get_x()
    if neigung > 300 and x < 4:
        x += 1
    elif neigung < -300 and x > 0:
        x -= 1
    display.clear()
    display.set_pixel(x, 4, 9)
    sleep(200)""")
    nb.test("3_kippspiel", 3, """\
lauf = simuliere("kippspiel", bis_ms=5000, sensoren={"acc_x": [(0, 0), (1000, 800), (2500, 0), (3000, -800)]},
                 tipp="Der Punkt darf nicht über den Rand: x muss zwischen 0 und 4 bleiben.")
pruefe_pixel(lauf, 500, [(2, 4)], was="Am Anfang (nach 0,5 s)", tipp="Start in der Mitte der untersten Reihe: x = 2, y = 4.")
pruefe_pixel(lauf, 2000, [(4, 4)], was="Lange nach rechts gekippt (nach 2 s)",
             tipp="Lösch vor dem Zeichnen die Anzeige, und bleib am Rand stehen.")""", """\
pruefe_pixel(lauf, 2800, [(4, 4)], was="Wieder flach (nach 2,8 s)")
pruefe_pixel(lauf, 4500, [(0, 4)], was="Lange nach links gekippt (nach 4,5 s)")
lauf = simuliere("kippspiel", bis_ms=1500, sensoren={"acc_x": [(0, 0), (500, 800)]})
pruefe_pixel(lauf, 750, [(3, 4)], was="Kurz nach rechts gekippt (nach 0,75 s)",
             tipp="Pro Schritt (alle 200 ms) nur einen Platz weiter.")""", "Dein erstes Spiel!")
    nb.play("""\
# Probier mal: erst nach rechts kippen, dann nach links. Wo landet der Punkt?
probiere("kippspiel", bis_ms=3000, sensoren={"acc_x": [(0, 0), (200, 800), (1000, -800)]})""")
    board_cell(nb, "kippspiel")
    nb.md("""\
> **Probier mal:** Mach ein Spiel daraus! Zum Beispiel fällt von oben ein zweiter Punkt herunter, den du
> fangen musst. Oder der Punkt wird schneller, je stärker du kippst.""")
    finish(nb, """\
Der Beschleunigungssensor misst, wie der Calliope liegt: `accelerometer.get_x()` für links und rechts
(und `get_y()` für vorne und hinten). Mit einer Variablen für die Position und ein paar `if` hast du ein
echtes Spiel gebaut.""")


CAESAR_SOLUTION = '''\
    ergebnis = ""
    for zeichen in text:
        if "A" <= zeichen <= "Z":
            nummer = (ord(zeichen) - ord("A") + schluessel) % 26
            ergebnis += chr(ord("A") + nummer)
        else:
            ergebnis += zeichen
    return ergebnis'''


def funk(nb: Notebook, a: Assignment) -> None:
    header(nb, a, """\
Calliopes können sich per **Funk** Nachrichten schicken. Aber Vorsicht: Jeder Calliope in der Nähe
kann mithören! Deshalb verschlüsselst du heute deine Nachrichten – wie schon Julius Cäsar vor 2000 Jahren.""")
    nb.md("""\
## Die Cäsar-Verschlüsselung

Jeder Buchstabe wird um eine feste Zahl im Alphabet weitergeschoben – das ist der **Schlüssel**. Mit dem
Schlüssel 3 wird aus A ein D, aus B ein E … und nach Z geht es wieder bei A los:

![Das Alphabet und darunter das um 3 verschobene Alphabet: A wird D, X wird A](caesar.svg)

Aus `HALLO` wird so `KDOOR`. Zeichen, die keine Großbuchstaben sind (Leerzeichen, Ziffern), bleiben wie
sie sind.

Im Computer hat jeder Buchstabe eine Nummer: `ord("A")` ist 65, `ord("B")` ist 66 … und `chr(66)` macht
aus der Nummer wieder den Buchstaben `"B"`. Mit `% 26` (Rest beim Teilen durch 26) geht es nach Z wieder
bei A los.""")
    nb.play("""\
# Probier mal:
print(ord("A"), ord("Z"))
print(chr(72), chr(ord("H") + 3))
print((25 + 3) % 26)""")
    nb.md("""\
## Aufgabe 1: Verschlüsseln

Schreibe (in normalem Python) `verschluessele(text, schluessel)`: Jeder Großbuchstabe von A bis Z wird
um `schluessel` Buchstaben weitergeschoben, alle anderen Zeichen bleiben gleich.

*Bauplan:* ein leerer Text `ergebnis = ""`, dann für jedes `zeichen` im `text`: Wenn es ein
Großbuchstabe ist (`"A" <= zeichen <= "Z"`), rechne seine Nummer im Alphabet aus
(`ord(zeichen) - ord("A")`, also 0 bis 25), zähle den Schlüssel dazu, nimm `% 26` und mach mit `chr`
wieder einen Buchstaben daraus. Sonst hänge das Zeichen einfach an.""")
    nb.answer("1_verschluesseln", f'''\
def verschluessele(text, schluessel):
    """Verschiebt jeden Großbuchstaben um schluessel Stellen im Alphabet."""
    ### BEGIN SOLUTION
{CAESAR_SOLUTION}
    ### END SOLUTION''')
    nb.test("1_verschluesseln", 2, """\
verschluessele_ = funktion("verschluessele")
pruefe_gleich(verschluessele_("HALLO", 3), "KDOOR", was='verschluessele("HALLO", 3)')
pruefe_gleich(verschluessele_("ABC", 1), "BCD", was='verschluessele("ABC", 1)')""", """\
pruefe_gleich(verschluessele_("XYZ", 3), "ABC", was='verschluessele("XYZ", 3)',
              tipp="Nach Z geht es wieder bei A los: % 26.")
pruefe_gleich(verschluessele_("TREFFEN UM 3", 5), "YWJKKJS ZR 3", was='verschluessele("TREFFEN UM 3", 5)',
              tipp="Leerzeichen und Ziffern bleiben, wie sie sind.")""", "Top secret!")
    nb.md("""\
## Aufgabe 2: Entschlüsseln

Wer den Schlüssel kennt, kann zurückrechnen: Jetzt wird jeder Großbuchstabe um `schluessel` Stellen
**zurück** geschoben. Schreibe `entschluessele(text, schluessel)`.

*Tipp:* Zurückschieben heißt minus. `% 26` hilft auch hier: `(0 - 3) % 26` ist 23 – aus A wird X.""")
    nb.answer("2_entschluesseln", f'''\
def entschluessele(text, schluessel):
    """Schiebt jeden Großbuchstaben um schluessel Stellen zurück."""
    ### BEGIN SOLUTION
{CAESAR_SOLUTION.replace("+ schluessel", "- schluessel")}
    ### END SOLUTION''')
    nb.test("2_entschluesseln", 2, """\
entschluessele_ = funktion("entschluessele")
pruefe_gleich(entschluessele_("KDOOR", 3), "HALLO", was='entschluessele("KDOOR", 3)',
              tipp="Zum Entschlüsseln schiebst du zurück: minus schluessel.")""", """\
pruefe_gleich(entschluessele_("ABC", 3), "XYZ", was='entschluessele("ABC", 3)',
              tipp="Vor A kommt wieder Z: % 26.")
pruefe_gleich(entschluessele_("YWJKKJS ZR 3", 5), "TREFFEN UM 3", was='entschluessele("YWJKKJS ZR 3", 5)')""")
    nb.md("""\
## Funken mit dem Calliope

```python
import radio
radio.on()                 # Funk einschalten
radio.config(group=7)      # Gruppe 7: nur Calliopes in Gruppe 7 hören mit
radio.send("HALLO")        # eine Nachricht senden
nachricht = radio.receive()  # eine empfangene Nachricht holen (None, wenn keine da ist)
```

Verabredet euch auf eine Gruppe (0 bis 255) – wir nehmen **7**. Dein Calliope-Programm kennt deine
Python-Funktionen von oben nicht: **Kopiere** `verschluessele` bzw. `entschluessele` in das Programm.""")
    nb.md("""\
## Aufgabe 3: Der Sender

Schreibe das Programm (`import radio` steht schon da): Funk an, Gruppe 7. Bei jedem Drücken von
Knopf **A** sendet der Calliope die Nachricht `HALLO` – **verschlüsselt** mit dem Schlüssel 3.""")
    program_answer(nb, "3_sender", "sender", f"""\
def verschluessele(text, schluessel):
{CAESAR_SOLUTION}

radio.on()
radio.config(group=7)
while True:
    if button_a.was_pressed():
        radio.send(verschluessele("HALLO", 3))
    sleep(20)""", before="import radio")
    nb.test("3_sender", 3, """\
lauf = simuliere("sender", bis_ms=2000, druecke=[("a", 1000)])
pruefe_funk(lauf, ["KDOOR"], was="Einmal A gedrückt",
            tipp="Sende verschluessele(\\"HALLO\\", 3) – und nur, wenn A gedrückt wurde (was_pressed).")
pruefe_gruppe(lauf, 7, tipp="radio.config(group=7) nach radio.on().")""", """\
lauf = simuliere("sender", bis_ms=3000, druecke=[("a", 1000), ("a", 2000)])
pruefe_funk(lauf, ["KDOOR", "KDOOR"], was="Zweimal A gedrückt")
lauf = simuliere("sender", bis_ms=1500)
pruefe_funk(lauf, [], was="Ohne Knopfdruck", tipp="Nur senden, wenn A gedrückt wurde.")""")
    board_cell(nb, "sender")
    nb.md("""\
## Aufgabe 4: Der Empfänger

Jetzt die andere Seite: Funk an, Gruppe 7. Immer wieder (alle 20 ms) schaut der Calliope, ob eine
Nachricht angekommen ist (`radio.receive()`). Wenn ja (`if nachricht:`), **entschlüsselt** er sie mit
dem Schlüssel 3 und lässt sie über die Anzeige laufen (`display.scroll(...)`).""")
    program_answer(nb, "4_empfaenger", "empfaenger", f"""\
def entschluessele(text, schluessel):
{CAESAR_SOLUTION.replace("+ schluessel", "- schluessel")}

radio.on()
radio.config(group=7)
while True:
    nachricht = radio.receive()
    if nachricht:
        display.scroll(entschluessele(nachricht, 3))
    sleep(20)""", before="import radio")
    nb.test("4_empfaenger", 3, """\
lauf = simuliere("empfaenger", bis_ms=6000, funk=[(500, "KDOOR", 7)], tipp="Schalte den Funk mit radio.on() ein.")
pruefe_lauftext(lauf, "HALLO", was="Nachricht KDOOR empfangen",
                tipp="Entschlüssele die Nachricht, bevor du sie zeigst: entschluessele(nachricht, 3).")""", """\
lauf = simuliere("empfaenger", bis_ms=8000, funk=[(500, "FDOOL", 7), (500, "GEHEIM", 3)])
pruefe_lauftext(lauf, "CALLI", was="Nachricht FDOOL empfangen")
pruefe_bild(lauf, 7900, "aus", was="Nach der Nachricht (nach 7,9 s)",
            tipp="Nachrichten aus anderen Gruppen hört dein Calliope nicht: radio.config(group=7).")""",
            "Geheimbotschaft entschlüsselt!")
    nb.play("""\
# Probier mal: Schick deinem Empfänger nach 0,5 Sekunden eine eigene Geheimbotschaft in Gruppe 7.
# (Verschlüssele sie vorher mit deiner Funktion verschluessele – sonst kommt Kauderwelsch heraus.)
geheim = verschluessele("PIZZA", 3)
print("Gesendet wird:", geheim)
probiere("empfaenger", bis_ms=5000, funk=[(500, geheim, 7)])""")
    board_cell(nb, "empfaenger")
    nb.md("""\
> **Mit zwei echten Calliopes:** Spiel den Sender auf den einen und den Empfänger auf den anderen.
> Drückst du A am Sender, läuft am Empfänger `HALLO` durch. Und wer mit einem dritten Calliope in
> Gruppe 7 mithört, sieht nur `KDOOR`!""")
    finish(nb, """\
Du kannst jetzt Nachrichten verschlüsseln, entschlüsseln, per Funk senden und empfangen. Die
Cäsar-Verschlüsselung ist allerdings leicht zu knacken – es gibt ja nur 25 Schlüssel. Wie würdest du es
anstellen?""")
