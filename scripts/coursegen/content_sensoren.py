"""Course ``sensoren`` (Sensoren bauen): six notebooks, three autograded exercises each."""
# ruff: noqa: E501 - long lines are German notebook text and test cells, kept whole for readability

from __future__ import annotations

from common import Assignment, Course, calliope_cell, finish, header
from nb import Notebook

BASE = ["Calliope mini", "USB-Kabel", "Krokodilkabel"]


def spannung(nb: Notebook, a: Assignment) -> None:
    header(nb, COURSE, a, """\
Ein Sensor verwandelt etwas aus der Welt – Licht, Wärme, Feuchtigkeit – in eine **elektrische Spannung**.
Der Calliope misst diese Spannung und macht daraus eine Zahl. Heute findest du heraus, wie das geht.""")
    nb.md("""\
## Was misst der Calliope eigentlich?

Die Pins des Calliope können Spannungen von **0 Volt bis 3,3 Volt** messen. Heraus kommt aber keine
Kommazahl, sondern eine **ganze Zahl von 0 bis 1023**:

| Spannung am Pin | Zahl, die der Calliope liefert |
|---|---|
| 0 V | 0 |
| 1,65 V (die Hälfte) | etwa 512 |
| 3,3 V | 1023 |

Baue diese Schaltung mit einem Drehregler (Potentiometer). Die Enden kommen an **3V** und **GND**,
der mittlere Anschluss an **P1**:

![Schaltplan: Drehregler zwischen 3,3 V und GND, Mitte an P1](schaltplan_poti.svg)

Dieses Programm auf dem Calliope schickt jede Zehntelsekunde einen Messwert an den Computer:

```python
from calliopemini import *
print("t_ms,wert")
while True:
    print("{},{}".format(running_time(), pin1.read_analog()))
    sleep(100)
```""")
    nb.md("""\
Hier sind **simulierte Messwerte**: Jemand hat den Drehregler langsam ganz auf- und wieder zugedreht.
`t_ms` ist die Zeit in Millisekunden, `wert` die Zahl vom Calliope.""")
    nb.code('daten = lade_beispiel("poti.csv")  # simulierte Messwerte\ndaten.head()')
    calliope_cell(nb, "poti.csv", ["wert"])
    nb.code("""\
plt.plot(daten["t_ms"] / 1000, daten["wert"])
plt.xlabel("Zeit (s)")
plt.ylabel("Messwert (0 bis 1023)")
plt.title("Drehregler auf und zu")
plt.show()""")
    nb.md("""\
## Aufgabe 1: Aus der Zahl wird eine Spannung

Schreibe eine Funktion `spannung(wert)`, die einen Messwert (0 bis 1023) in Volt umrechnet.

*Idee:* 1023 ist der größte Wert und gehört zu 3,3 V. Teile also durch 1023 – dann hast du den Anteil
(zwischen 0 und 1) – und nimm das mal 3,3.""")
    nb.answer("1_spannung", '''\
def spannung(wert):
    """Rechnet einen Messwert (0 bis 1023) in Volt um."""
    ### BEGIN SOLUTION
    return wert / 1023 * 3.3
    ### END SOLUTION''')
    nb.test("1_spannung", 2, """\
spannung_ = funktion("spannung")
pruefe_zahl(spannung_(0), 0.0, was="spannung(0)", einheit="V", tipp="Der Wert 0 gehört zu 0 Volt.")
pruefe_zahl(spannung_(1023), 3.3, was="spannung(1023)", einheit="V", toleranz=0.001,
            tipp="Der größte Wert 1023 gehört zu 3,3 V. Hast du durch 1023 geteilt und mal 3.3 gerechnet?")""",
            """\
pruefe_zahl(spannung_(512), 1.6516, was="spannung(512)", einheit="V", toleranz=0.001,
            tipp="Die Hälfte von 1023 sollte ungefähr die Hälfte von 3,3 V sein.")
pruefe_zahl(spannung_(100), 0.3226, was="spannung(100)", einheit="V", toleranz=0.001,
            tipp="Rechne wert / 1023 * 3.3.")""", "Aus Zahlen werden Volt.")
    nb.md("Jetzt kannst du die ganze Messung in Volt zeichnen:")
    nb.code("""\
plt.plot(daten["t_ms"] / 1000, spannung(daten["wert"]), color="tab:orange")
plt.xlabel("Zeit (s)")
plt.ylabel("Spannung (V)")
plt.title("Drehregler – jetzt in Volt")
plt.show()""")
    nb.md("""\
## Aufgabe 2: Und zurück

Manchmal weißt du die Spannung und willst wissen, welche Zahl der Calliope anzeigen wird. Schreibe
`rohwert(volt)`. Der Calliope kennt nur **ganze Zahlen** – runde dein Ergebnis also mit `round(...)`.""")
    nb.answer("2_rohwert", '''\
def rohwert(volt):
    """Welche Zahl zeigt der Calliope bei dieser Spannung?"""
    ### BEGIN SOLUTION
    return round(volt / 3.3 * 1023)
    ### END SOLUTION''')
    nb.test("2_rohwert", 2, """\
rohwert_ = funktion("rohwert")
pruefe_typ(rohwert_(3.3), int, was="rohwert(3.3)",
           tipp="Der Calliope kennt nur ganze Zahlen. Runde mit round(...).")
pruefe_gleich(rohwert_(3.3), 1023, was="rohwert(3.3)", tipp="3,3 V ist der größte Wert: 1023.")
pruefe_gleich(rohwert_(0), 0, was="rohwert(0)", tipp="0 V ergibt 0.")""", """\
pruefe_gleich(rohwert_(1.0), 310, was="rohwert(1.0)", tipp="Rechne volt / 3.3 * 1023 und runde.")
pruefe_gleich(rohwert_(2.5), 775, was="rohwert(2.5)", tipp="Rechne volt / 3.3 * 1023 und runde.")""")
    nb.play("# Probier mal: Welche Zahl zeigt der Calliope bei 1,5 Volt?\n")
    nb.md("""\
## Aufgabe 3: Ist die Batterie noch gut?

Der Calliope läuft auch mit zwei AA-Batterien. Neue Batterien liefern etwa 3 Volt, leere deutlich weniger.
Schreibe `zustand(volt)`, die einen Text zurückgibt:

* `"voll"` ab **2,8 V** (also 2,8 V oder mehr),
* `"halb"` ab **2,2 V**,
* sonst `"leer"`.

*Tipp:* `if`, `elif`, `else` und der Vergleich `>=` (größer oder gleich).""")
    nb.answer("3_zustand", '''\
def zustand(volt):
    """Sagt, wie voll die Batterie ist: "voll", "halb" oder "leer"."""
    ### BEGIN SOLUTION
    if volt >= 2.8:
        return "voll"
    elif volt >= 2.2:
        return "halb"
    else:
        return "leer"
    ### END SOLUTION''')
    nb.test("3_zustand", 2, """\
zustand_ = funktion("zustand")
pruefe_gleich(zustand_(3.0), "voll", was="zustand(3.0)", tipp="Prüfe zuerst, ob volt >= 2.8 ist.")
pruefe_gleich(zustand_(2.5), "halb", was="zustand(2.5)")
pruefe_gleich(zustand_(1.9), "leer", was="zustand(1.9)")""", """\
pruefe_gleich(zustand_(2.8), "voll", was="zustand(2.8)", tipp="Genau 2,8 V zählt schon als voll: benutze >=.")
pruefe_gleich(zustand_(2.2), "halb", was="zustand(2.2)", tipp="Genau 2,2 V zählt noch als halb: benutze >=.")""")
    finish(nb, """\
Du weißt jetzt: Der Calliope misst Spannung und liefert eine Zahl von 0 bis 1023. Mit `spannung(wert)`
wird daraus wieder Volt. Das brauchst du für jeden Sensor, den du in diesem Kurs baust!""")


def spannungsteiler(nb: Notebook, a: Assignment) -> None:
    header(nb, COURSE, a, """\
Fast jeder einfache Sensor ist ein **Spannungsteiler**: zwei Widerstände hintereinander. In der Mitte
misst der Calliope. Wenn du verstehst, wie die Spannung aufgeteilt wird, kannst du jeden Sensor selbst
bauen.""")
    nb.md("""\
## Zwei Widerstände teilen sich die Spannung

![Schaltplan: 3,3 V, R1, Messpunkt P1, R2, GND](schaltplan_teiler.svg)

Der Strom fließt von 3,3 V durch **R1** und **R2** nach GND. Jeder Widerstand „bekommt“ einen Teil der
Spannung – der größere Widerstand den größeren Teil. Am Pin P1 misst du die Spannung über **R2**:

$$U_{aus} = U_{ein} \\cdot \\frac{R_2}{R_1 + R_2}$$

Sind beide gleich groß, liegt genau die Hälfte an: 1,65 V.""")
    nb.md("""\
Für die **simulierten Messwerte** unten war R1 = 10 kΩ. Alle 5 Sekunden wurde R2 getauscht:
1 kΩ, 4,7 kΩ, 10 kΩ und 22 kΩ. Das Programm auf dem Calliope ist dasselbe wie im ersten Notebook.""")
    nb.code('daten = lade_beispiel("teiler.csv")  # simulierte Messwerte\ndaten.head()')
    calliope_cell(nb, "teiler.csv", ["wert"], pause_ms=100)
    nb.code("""\
plt.plot(daten["t_ms"] / 1000, daten["wert"] / 1023 * 3.3)
plt.xlabel("Zeit (s)")
plt.ylabel("Spannung an P1 (V)")
plt.title("Vier verschiedene Widerstände R2")
plt.show()""")
    nb.md("""\
## Aufgabe 1: Die Teiler-Formel

Schreibe `teiler(u_ein, r1, r2)`, die die Spannung an P1 ausrechnet (Formel oben).""")
    nb.answer("1_teiler", '''\
def teiler(u_ein, r1, r2):
    """Spannung über R2 in einem Spannungsteiler."""
    ### BEGIN SOLUTION
    return u_ein * r2 / (r1 + r2)
    ### END SOLUTION''')
    nb.test("1_teiler", 2, """\
teiler_ = funktion("teiler")
pruefe_zahl(teiler_(3.3, 10000, 10000), 1.65, was="teiler(3.3, 10000, 10000)", einheit="V",
            tipp="Zwei gleiche Widerstände teilen die Spannung genau in der Mitte.")
pruefe_zahl(teiler_(3.3, 10000, 20000), 2.2, was="teiler(3.3, 10000, 20000)", einheit="V",
            tipp="Oben im Bruch steht R2, unten R1 + R2.")""", """\
pruefe_zahl(teiler_(3.3, 4700, 10000), 2.2449, was="teiler(3.3, 4700, 10000)", einheit="V", toleranz=0.001,
            tipp="u_ein * r2 / (r1 + r2)")
pruefe_zahl(teiler_(5, 1000, 4000), 4.0, was="teiler(5, 1000, 4000)", einheit="V",
            tipp="u_ein * r2 / (r1 + r2)")""")
    nb.md("Vergleiche mit den Messwerten: Passt die Formel?")
    nb.code("""\
for r2 in [1000, 4700, 10000, 22000]:
    print(f"R2 = {r2:>5} Ω  →  {teiler(3.3, 10000, r2):.2f} V")""")
    nb.md("""\
## Aufgabe 2: Wie viel Strom fließt?

Der Strom ist überall im Teiler gleich groß: $I = \\frac{U_{ein}}{R_1 + R_2}$. Mit Volt und Ohm kommt
Ampere heraus. Das ist eine sehr große Einheit – schreibe `strom_ma(u_ein, r1, r2)`, die den Strom in
**Milliampere** (mA) zurückgibt. 1 A = 1000 mA.""")
    nb.answer("2_strom", '''\
def strom_ma(u_ein, r1, r2):
    """Strom durch den Spannungsteiler in Milliampere."""
    ### BEGIN SOLUTION
    return u_ein / (r1 + r2) * 1000
    ### END SOLUTION''')
    nb.test("2_strom", 2, """\
strom_ = funktion("strom_ma")
pruefe_zahl(strom_(3.3, 1000, 2300), 1.0, was="strom_ma(3.3, 1000, 2300)", einheit="mA", toleranz=0.001,
            tipp="Teile durch r1 + r2 und nimm mal 1000 (von Ampere zu Milliampere).")""", """\
pruefe_zahl(strom_(3.3, 10000, 10000), 0.165, was="strom_ma(3.3, 10000, 10000)", einheit="mA",
            toleranz=0.0005, tipp="Beide Widerstände zählen: r1 + r2.")
pruefe_zahl(strom_(5, 100, 400), 10.0, was="strom_ma(5, 100, 400)", einheit="mA", toleranz=0.001)""")
    nb.md("""\
## Aufgabe 3: Den passenden Widerstand finden

Du hast R1 = 10 kΩ und eine Kiste mit Widerständen. Welcher R2 bringt dich am nächsten an eine
Wunschspannung? Schreibe `bester_r2(ziel, r1, auswahl)`: Sie probiert jeden Widerstand aus `auswahl`
(bei 3,3 V) und gibt den zurück, dessen Spannung am wenigsten von `ziel` abweicht.

*Tipp:* `abs(x)` macht aus einer Abweichung eine positive Zahl. Merke dir den bisher besten Widerstand
in einer Variablen.""")
    nb.answer("3_bester", '''\
def bester_r2(ziel, r1, auswahl):
    """Der Widerstand aus auswahl, mit dem die Spannung am nächsten an ziel liegt."""
    ### BEGIN SOLUTION
    bester = auswahl[0]
    for r2 in auswahl:
        if abs(3.3 * r2 / (r1 + r2) - ziel) < abs(3.3 * bester / (r1 + bester) - ziel):
            bester = r2
    return bester
    ### END SOLUTION''')
    nb.test("3_bester", 3, """\
bester_ = funktion("bester_r2")
pruefe_gleich(bester_(1.65, 10000, [1000, 4700, 10000, 22000]), 10000,
              was="bester_r2(1.65, 10000, [1000, 4700, 10000, 22000])",
              tipp="1,65 V ist die Hälfte von 3,3 V – dafür muss R2 so groß sein wie R1.")""", """\
kiste = [1000, 2200, 4700, 10000, 22000, 47000]
pruefe_gleich(bester_(1.0, 10000, kiste), 4700, was="bester_r2(1.0, 10000, kiste)",
              tipp="Rechne für jeden R2 die Spannung 3.3 * r2 / (r1 + r2) aus und vergleiche mit ziel.")
pruefe_gleich(bester_(3.0, 10000, kiste), 47000, was="bester_r2(3.0, 10000, kiste)")
pruefe_gleich(bester_(2.0, 4700, kiste), 10000, was="bester_r2(2.0, 4700, kiste)")""")
    finish(nb, """\
Der Spannungsteiler ist das Herz der nächsten Sensoren: Ersetzt du einen der Widerstände durch einen
Fotowiderstand oder zwei Nägel in der Erde, wird daraus ein Licht- oder Feuchtesensor.""")


def lichtsensor(nb: Notebook, a: Assignment) -> None:
    header(nb, COURSE, a, """\
Ein **Fotowiderstand** (LDR) ändert seinen Widerstand mit dem Licht: Im Hellen ist er klein, im Dunkeln
groß. Im Spannungsteiler wird daraus ein Lichtsensor.""")
    nb.md("""\
## Die Schaltung

![Schaltplan: Fotowiderstand oben, 10 kΩ unten, Mitte an P1](schaltplan_ldr.svg)

Scheint viel Licht auf den Fotowiderstand, wird sein Widerstand klein – dann liegt mehr Spannung am
unteren Widerstand und der Messwert an P1 steigt. **Hell = große Zahl, dunkel = kleine Zahl.**

Das Programm für den Calliope:

```python
from calliopemini import *
print("t_ms,licht")
while True:
    print("{},{}".format(running_time(), pin1.read_analog()))
    sleep(1000)
```

Die **simulierten Messwerte** unten zeigen einen Schultag im Klassenzimmer von 7:30 bis 14:00 Uhr,
ein Wert pro Minute. Findest du, wann das Licht an war und wann eine Wolke kam?""")
    nb.code('daten = lade_beispiel("licht_klassenzimmer.csv")  # simulierte Messwerte\ndaten.head()')
    calliope_cell(nb, "licht_klassenzimmer.csv", ["licht"])
    nb.code("""\
uhrzeit = 7.5 + daten["t_ms"] / 3_600_000
plt.plot(uhrzeit, daten["licht"], color="goldenrod")
plt.xlabel("Uhrzeit (Stunden)")
plt.ylabel("Licht (0 bis 1023)")
plt.title("Ein Schultag im Klassenzimmer")
plt.show()""")
    nb.md("""\
## Aufgabe 1: Ist es dunkel?

Schreibe `ist_dunkel(wert, schwelle=300)`: Sie gibt `True` zurück, wenn der Wert **kleiner** als die
Schwelle ist, sonst `False`. (`schwelle=300` heißt: Wenn niemand eine Schwelle angibt, nimm 300.)""")
    nb.answer("1_dunkel", '''\
def ist_dunkel(wert, schwelle=300):
    """True, wenn es dunkel ist (wert kleiner als schwelle)."""
    ### BEGIN SOLUTION
    return wert < schwelle
    ### END SOLUTION''')
    nb.test("1_dunkel", 2, """\
dunkel_ = funktion("ist_dunkel")
pruefe_gleich(dunkel_(100), True, was="ist_dunkel(100)",
              tipp="Kleine Zahl = wenig Licht. Gib True oder False zurück, keinen Text.")
pruefe_gleich(dunkel_(800), False, was="ist_dunkel(800)", tipp="800 ist hell.")""", """\
pruefe_gleich(dunkel_(300), False, was="ist_dunkel(300)", tipp="Nur Werte kleiner als die Schwelle sind dunkel.")
pruefe_gleich(dunkel_(299), True, was="ist_dunkel(299)")
pruefe_gleich(dunkel_(500, schwelle=600), True, was="ist_dunkel(500, schwelle=600)",
              tipp="Benutze den Parameter schwelle, nicht die feste Zahl 300.")""")
    nb.md("""\
## Aufgabe 2: Helligkeit in Prozent

Menschen verstehen „42 % hell“ besser als „430“. Schreibe `prozent(wert)`, die einen Messwert in
ganze Prozent umrechnet: 0 → 0 %, 1023 → 100 %. Runde mit `round(...)`.""")
    nb.answer("2_prozent", '''\
def prozent(wert):
    """Messwert (0 bis 1023) in ganze Prozent."""
    ### BEGIN SOLUTION
    return round(wert / 1023 * 100)
    ### END SOLUTION''')
    nb.test("2_prozent", 2, """\
prozent_ = funktion("prozent")
pruefe_zahl(prozent_(1023), 100, was="prozent(1023)", tipp="Teile durch 1023 und nimm mal 100.")
pruefe_zahl(prozent_(0), 0, was="prozent(0)")""", """\
pruefe_zahl(prozent_(512), 50, was="prozent(512)", toleranz=0, tipp="Runde auf eine ganze Zahl.")
pruefe_zahl(prozent_(300), 29, was="prozent(300)", toleranz=0, tipp="Runde mit round(...).")""")
    nb.md("""\
## Aufgabe 3: Wie lange war es dunkel?

Schreibe `dunkel_anteil(werte, schwelle)`: Wie viel **Prozent** der Werte in der Liste sind kleiner als
die Schwelle? Beispiel: Von 4 Werten ist einer dunkel → 25.0 Prozent.""")
    nb.answer("3_anteil", '''\
def dunkel_anteil(werte, schwelle):
    """Anteil der dunklen Werte in Prozent."""
    ### BEGIN SOLUTION
    dunkel = 0
    for wert in werte:
        if wert < schwelle:
            dunkel = dunkel + 1
    return dunkel / len(werte) * 100
    ### END SOLUTION''')
    nb.test("3_anteil", 3, """\
anteil_ = funktion("dunkel_anteil")
pruefe_zahl(anteil_([100, 900, 950, 990], 300), 25.0, was="dunkel_anteil([100, 900, 950, 990], 300)",
            tipp="Zähle die Werte unter der Schwelle, teile durch die Anzahl aller Werte, mal 100.")""", """\
pruefe_zahl(anteil_([10, 10, 10, 500], 300), 75.0, was="dunkel_anteil([10, 10, 10, 500], 300)")
tag = list(lade_beispiel("licht_klassenzimmer.csv")["licht"])
soll = sum(1 for w in tag if w < 400) / len(tag) * 100
pruefe_zahl(anteil_(tag, 400), soll, was="dunkel_anteil(ganzer Schultag, 400)", tipp="Prozent, nicht Anzahl.")""")
    nb.code("""\
schwelle = 400
plt.plot(uhrzeit, daten["licht"], color="goldenrod")
plt.axhline(schwelle, color="gray", linestyle="--", label="Schwelle")
plt.xlabel("Uhrzeit (Stunden)")
plt.ylabel("Licht (0 bis 1023)")
plt.legend()
plt.show()
print(f"Dunkel war es {dunkel_anteil(list(daten['licht']), schwelle):.0f} % der Zeit.")""")
    finish(nb, """\
Dein Lichtsensor kann jetzt „hell“ und „dunkel“ unterscheiden. Idee für zu Hause: Lass den Calliope
ein Nachtlicht einschalten, wenn `ist_dunkel` wahr ist.""")


def bodenfeuchte(nb: Notebook, a: Assignment) -> None:
    header(nb, COURSE, a, """\
Braucht die Pflanze Wasser? Zwei Nägel in der Blumenerde verraten es: Nasse Erde leitet Strom gut,
trockene Erde schlecht.""")
    nb.md("""\
## Die Schaltung

![Schaltplan: Erde zwischen zwei Nägeln oben, 10 kΩ unten, Mitte an P1](schaltplan_naegel.svg)

Stecke zwei Nägel etwa 3 cm auseinander in die Erde. Ein Krokodilkabel verbindet einen Nagel mit **3V**,
der andere Nagel geht an **P1** und über einen 10-kΩ-Widerstand an **GND**. Die Erde zwischen den Nägeln
ist der obere Widerstand: **nass = kleiner Widerstand = großer Messwert.**

⚠️ Nur mit dem Calliope und seinen 3,3 V – niemals mit der Steckdose!

Die **simulierten Messwerte** zeigen 10 Tage, ein Wert pro Stunde. Es wurde zweimal gegossen.""")
    nb.code('daten = lade_beispiel("bodenfeuchte.csv")  # simulierte Messwerte\ndaten.head()')
    calliope_cell(nb, "bodenfeuchte.csv", ["feuchte"], pause_ms=1000)
    nb.code("""\
plt.plot(daten["t_ms"] / 86_400_000, daten["feuchte"], color="sienna")
plt.xlabel("Zeit (Tage)")
plt.ylabel("Messwert (0 bis 1023)")
plt.title("Die Erde trocknet aus")
plt.show()""")
    nb.md("""\
## Aufgabe 1: Feuchte in Prozent

In ganz trockener Erde misst du etwa 200, in klatschnasser etwa 800. Schreibe
`feuchte_prozent(wert, trocken=200, nass=800)`: trocken → 0 %, nass → 100 %, dazwischen gleichmäßig.

Werte unter `trocken` sollen 0 ergeben und Werte über `nass` 100 – mehr als 100 % gibt es nicht!
*Tipp:* `(wert - trocken) / (nass - trocken) * 100`, danach mit `min(...)` und `max(...)` begrenzen.""")
    nb.answer("1_prozent", '''\
def feuchte_prozent(wert, trocken=200, nass=800):
    """Bodenfeuchte in Prozent (0 bis 100)."""
    ### BEGIN SOLUTION
    prozent = (wert - trocken) / (nass - trocken) * 100
    return max(0, min(100, prozent))
    ### END SOLUTION''')
    nb.test("1_prozent", 3, """\
feuchte_ = funktion("feuchte_prozent")
pruefe_zahl(feuchte_(800), 100, was="feuchte_prozent(800)", tipp="nass (800) soll 100 % sein.")
pruefe_zahl(feuchte_(200), 0, was="feuchte_prozent(200)", tipp="trocken (200) soll 0 % sein.")
pruefe_zahl(feuchte_(500), 50, was="feuchte_prozent(500)", tipp="Ziehe zuerst trocken ab.")""", """\
pruefe_zahl(feuchte_(900), 100, was="feuchte_prozent(900)", tipp="Begrenze mit min(100, ...) auf 100 %.")
pruefe_zahl(feuchte_(100), 0, was="feuchte_prozent(100)", tipp="Begrenze mit max(0, ...) auf 0 %.")
pruefe_zahl(feuchte_(350, trocken=300, nass=400), 50, was="feuchte_prozent(350, trocken=300, nass=400)",
            tipp="Benutze die Parameter trocken und nass, nicht feste Zahlen.")""")
    nb.md("""\
## Aufgabe 2: Wann muss ich gießen?

Die Erde verliert jeden Tag etwa gleich viel Feuchte. Unter **30 %** braucht die Pflanze Wasser.
Schreibe `tage_bis_trocken(jetzt, verlust_pro_tag, grenze=30)`: Nach wie vielen **ganzen Tagen** ist
die Feuchte bei oder unter der Grenze? Ist sie schon dort, ist die Antwort 0.

*Tipp:* `math.ceil(4.2)` rundet **auf** (ergibt 5). Dafür brauchst du `import math`.""")
    nb.answer("2_tage", '''\
import math


def tage_bis_trocken(jetzt, verlust_pro_tag, grenze=30):
    """Ganze Tage, bis die Feuchte die Grenze erreicht."""
    ### BEGIN SOLUTION
    if jetzt <= grenze:
        return 0
    return math.ceil((jetzt - grenze) / verlust_pro_tag)
    ### END SOLUTION''')
    nb.test("2_tage", 3, """\
tage_ = funktion("tage_bis_trocken")
pruefe_zahl(tage_(80, 10), 5, was="tage_bis_trocken(80, 10)", toleranz=0,
            tipp="Von 80 % bis zur Grenze 30 % sind es 50 Prozentpunkte.")
pruefe_zahl(tage_(30, 5), 0, was="tage_bis_trocken(30, 5)", toleranz=0,
            tipp="Ist die Feuchte schon an der Grenze, sind es 0 Tage.")""", """\
pruefe_zahl(tage_(75, 10), 5, was="tage_bis_trocken(75, 10)", toleranz=0,
            tipp="Nach 4 Tagen sind es noch 35 % – erst am 5. Tag ist die Grenze erreicht. Runde auf!")
pruefe_zahl(tage_(20, 5), 0, was="tage_bis_trocken(20, 5)", toleranz=0,
            tipp="Unter der Grenze ist die Antwort 0, nicht negativ.")
pruefe_zahl(tage_(90, 7, grenze=20), 10, was="tage_bis_trocken(90, 7, grenze=20)", toleranz=0,
            tipp="Benutze den Parameter grenze.")""")
    nb.md("""\
## Aufgabe 3: Wann wurde gegossen?

Nach dem Gießen springt der Messwert von einer Stunde zur nächsten nach oben. Schreibe
`giess_zeitpunkte(werte)`: Sie gibt eine Liste mit den **Positionen** (Indizes) zurück, an denen der
Wert um **mehr als 100** größer ist als der Wert davor.

Beispiel: `[300, 290, 280, 700, 690]` → `[3]`, denn an Position 3 ist der Wert von 280 auf 700 gesprungen.""")
    nb.answer("3_giessen", '''\
def giess_zeitpunkte(werte):
    """Positionen, an denen der Wert um mehr als 100 gestiegen ist."""
    ### BEGIN SOLUTION
    positionen = []
    for i in range(1, len(werte)):
        if werte[i] - werte[i - 1] > 100:
            positionen.append(i)
    return positionen
    ### END SOLUTION''')
    nb.test("3_giessen", 3, """\
giessen_ = funktion("giess_zeitpunkte")
pruefe_gleich(giessen_([300, 290, 280, 700, 690]), [3], was="giess_zeitpunkte([300, 290, 280, 700, 690])",
              tipp="Gesucht sind die Positionen (Indizes), nicht die Werte – und nur Sprünge nach oben.")""", """\
pruefe_gleich(giessen_([800, 700, 600, 500]), [], was="giess_zeitpunkte([800, 700, 600, 500])",
              tipp="Wenn der Wert fällt, wurde nicht gegossen.")
pruefe_gleich(giessen_([200, 650, 640, 630, 900]), [1, 4], was="giess_zeitpunkte([200, 650, 640, 630, 900])")
zehn_tage = list(lade_beispiel("bodenfeuchte.csv")["feuchte"])
pruefe_gleich(giessen_(zehn_tage), [153], was="giess_zeitpunkte(zehn Tage)")""")
    nb.code("""\
for i in giess_zeitpunkte(list(daten["feuchte"])):
    stunde = daten["t_ms"][i] / 3_600_000
    print(f"Gegossen nach {stunde:.0f} Stunden, also am Tag {int(stunde // 24) + 1}.")""")
    finish(nb, """\
Mit zwei Nägeln hast du einen echten Feuchtesensor gebaut. Tipp für später: Nägel rosten. Profis
nehmen Edelstahl oder messen nur kurz und schalten den Strom dazwischen ab.""")


def thermometer(nb: Notebook, a: Assignment) -> None:
    header(nb, COURSE, a, """\
Der Calliope hat ein eingebautes Thermometer – es sitzt im Prozessor und misst meist ein paar Grad zu
viel, weil der Chip selbst warm wird. Heute **kalibrierst** du es: Du vergleichst mit einem richtigen
Thermometer und rechnest den Fehler heraus.""")
    nb.md("""\
## Der Vergleich

Leg den Calliope und ein Vergleichsthermometer nebeneinander – in Eiswasser (in einer Tüte!), in den
Kühlschrank, ins Zimmer, auf die Heizung. Schreibe jedes Mal beide Werte auf. Hier sind
**simulierte Messwerte** von so einem Versuch: `referenz` ist das gute Thermometer, `calliope` der
Calliope (er zeigt nur ganze Grad).

```python
from calliopemini import *
print("t_ms,temp")
while True:
    print("{},{}".format(running_time(), temperature()))
    sleep(1000)
```""")
    nb.code('vergleich = lade_beispiel("vergleich.csv")  # simulierte Messwerte\nvergleich')
    nb.code("""\
plt.scatter(vergleich["referenz"], vergleich["calliope"], label="Messungen")
plt.plot([0, 40], [0, 40], color="gray", linestyle="--", label="perfektes Thermometer")
plt.xlabel("Vergleichsthermometer (°C)")
plt.ylabel("Calliope (°C)")
plt.legend()
plt.show()""")
    nb.md("""\
## Aufgabe 1: Wie weit liegt der Calliope daneben?

Schreibe `mittlere_abweichung(calliope, referenz)`. Beide sind Listen gleicher Länge. Rechne für jedes
Paar `calliope - referenz` aus und gib den **Mittelwert** dieser Unterschiede zurück.
Positiv heißt: Der Calliope misst zu viel.""")
    nb.answer("1_abweichung", '''\
def mittlere_abweichung(calliope, referenz):
    """Mittelwert von calliope - referenz."""
    ### BEGIN SOLUTION
    summe = 0
    for c, r in zip(calliope, referenz):
        summe = summe + (c - r)
    return summe / len(calliope)
    ### END SOLUTION''')
    nb.test("1_abweichung", 2, """\
abw_ = funktion("mittlere_abweichung")
pruefe_zahl(abw_([22, 24], [20, 21]), 2.5, was="mittlere_abweichung([22, 24], [20, 21])", einheit="°C",
            tipp="Unterschiede 2 und 3, Mittelwert 2,5. Rechne calliope minus referenz.")""", """\
pruefe_zahl(abw_([10], [12]), -2.0, was="mittlere_abweichung([10], [12])", einheit="°C",
            tipp="Misst der Calliope zu wenig, ist die Abweichung negativ.")
v = lade_beispiel("vergleich.csv")
soll = (v["calliope"] - v["referenz"]).mean()
pruefe_zahl(abw_(list(v["calliope"]), list(v["referenz"])), soll, was="mittlere_abweichung(vergleich)",
            einheit="°C", tipp="Nimm alle Paare, nicht nur das erste.")""")
    nb.md("""\
## Aufgabe 2: Zwei-Punkt-Kalibrierung

Ein fester Abzug reicht oft nicht: Der Fehler wird bei Wärme größer. Besser ist eine **Gerade**
$echt = m \\cdot roh + b$ durch zwei Messpunkte (roh1, echt1) und (roh2, echt2):

* Steigung: $m = \\frac{echt_2 - echt_1}{roh_2 - roh_1}$
* Achsenabschnitt: $b = echt_1 - m \\cdot roh_1$

Schreibe `kalibrierung(roh1, echt1, roh2, echt2)`, die das Paar `(m, b)` zurückgibt: `return m, b`.""")
    nb.answer("2_kalibrierung", '''\
def kalibrierung(roh1, echt1, roh2, echt2):
    """Steigung m und Achsenabschnitt b der Kalibriergeraden."""
    ### BEGIN SOLUTION
    m = (echt2 - echt1) / (roh2 - roh1)
    b = echt1 - m * roh1
    return m, b
    ### END SOLUTION''')
    nb.test("2_kalibrierung", 3, """\
kal_ = funktion("kalibrierung")
ergebnis = kal_(3, 0, 33, 30)
pruefe_wahr(isinstance(ergebnis, tuple) and len(ergebnis) == 2,
            f"kalibrierung(3, 0, 33, 30) soll zwei Zahlen (m, b) zurückgeben, nicht {ergebnis!r}.",
            tipp="Schreibe am Ende: return m, b")
pruefe_zahl(ergebnis[0], 1.0, was="m bei kalibrierung(3, 0, 33, 30)",
            tipp="m = (echt2 - echt1) / (roh2 - roh1)")
pruefe_zahl(ergebnis[1], -3.0, was="b bei kalibrierung(3, 0, 33, 30)",
            tipp="b = echt1 - m * roh1")""", """\
m, b = kal_(3, 0, 27, 20)
pruefe_zahl(m, 0.8333, was="m bei kalibrierung(3, 0, 27, 20)", toleranz=0.001,
            tipp="Oben im Bruch stehen die echten Werte, unten die rohen.")
pruefe_zahl(b, -2.5, was="b bei kalibrierung(3, 0, 27, 20)", toleranz=0.001, tipp="b = echt1 - m * roh1")""")
    nb.md("""\
## Aufgabe 3: Die ganze Messung korrigieren

Schreibe `kalibriere_liste(werte, m, b)`: Sie gibt eine neue Liste zurück, in der jeder Wert mit
`m * wert + b` korrigiert und auf eine Nachkommastelle gerundet ist (`round(x, 1)`).""")
    nb.answer("3_liste", '''\
def kalibriere_liste(werte, m, b):
    """Jeden Rohwert mit der Kalibriergeraden korrigieren."""
    ### BEGIN SOLUTION
    return [round(m * wert + b, 1) for wert in werte]
    ### END SOLUTION''')
    nb.test("3_liste", 2, """\
liste_ = funktion("kalibriere_liste")
pruefe_liste(liste_([20, 25], 1.0, -3.0), [17.0, 22.0], was="kalibriere_liste([20, 25], 1.0, -3.0)",
             tipp="Für jeden Wert: m * wert + b.")""", """\
pruefe_liste(liste_([23, 24, 30], 0.94, -2.5), [19.1, 20.1, 25.7], was="kalibriere_liste([23, 24, 30], 0.94, -2.5)",
             toleranz=0.051, tipp="Vergiss b nicht und runde mit round(x, 1).")
pruefe_liste(liste_([], 1.0, 0.0), [], was="kalibriere_liste([], 1.0, 0.0)")""")
    nb.md("Jetzt kalibrieren wir einen ganzen Tag Calliope-Messungen mit zwei Punkten aus dem Vergleich:")
    nb.code('daten = lade_beispiel("calliope_tag.csv")  # simulierte Messwerte\ndaten.head()')
    calliope_cell(nb, "calliope_tag.csv", ["temp"])
    nb.code("""\
erster, letzter = vergleich.iloc[0], vergleich.iloc[-1]
m, b = kalibrierung(erster["calliope"], erster["referenz"], letzter["calliope"], letzter["referenz"])
stunden = daten["t_ms"] / 3_600_000
plt.plot(stunden, daten["temp"], label="Calliope roh")
plt.plot(stunden, kalibriere_liste(list(daten["temp"]), m, b), label="kalibriert")
plt.xlabel("Zeit (Stunden)")
plt.ylabel("Temperatur (°C)")
plt.legend()
plt.show()
print(f"Kalibrierung: echt = {m:.3f} · roh + {b:.2f}")""")
    finish(nb, """\
**Profi-Idee:** Ein NTC-Widerstand ist ein Thermometer zum Selberbauen – sein Widerstand sinkt, wenn es
wärmer wird. Im Spannungsteiler sieht das so aus:

![Schaltplan: 10 kΩ oben, NTC unten, Mitte an P1](schaltplan_ntc.svg)

Auch den musst du kalibrieren – genau so, wie du es heute gelernt hast.""")


def rauschen(nb: Notebook, a: Assignment) -> None:
    header(nb, COURSE, a, """\
Miss zehnmal dasselbe – und du bekommst zehn verschiedene Zahlen. Das nennt man **Messrauschen**.
Mit dem Mittelwert machst du daraus wieder eine ruhige, verlässliche Zahl.""")
    nb.md("""\
## Eine Lampe, die flackert?

Die **simulierten Messwerte** kommen von einem Lichtsensor (Schaltung wie im Notebook
„Lichtsensor“), 20 Messungen pro Sekunde. Nach 7,5 Sekunden wird eine Lampe eingeschaltet.
Die Lampe flackert nicht – das Zittern kommt von der Messung selbst.

```python
from calliopemini import *
print("t_ms,licht")
while True:
    print("{},{}".format(running_time(), pin1.read_analog()))
    sleep(50)
```""")
    nb.code('daten = lade_beispiel("rauschen.csv")  # simulierte Messwerte\ndaten.head()')
    calliope_cell(nb, "rauschen.csv", ["licht"])
    nb.code("""\
plt.plot(daten["t_ms"] / 1000, daten["licht"], ".", markersize=3)
plt.xlabel("Zeit (s)")
plt.ylabel("Licht (0 bis 1023)")
plt.title("Verrauschte Messwerte")
plt.show()""")
    nb.md("""\
## Aufgabe 1: Mittelwert selbst programmiert

Schreibe `mittelwert(werte)`: Summe aller Werte geteilt durch ihre Anzahl. Benutze `sum(...)` und
`len(...)` – aber kein fertiges `mean()`.""")
    nb.answer("1_mittelwert", '''\
def mittelwert(werte):
    """Der Durchschnitt der Werte."""
    ### BEGIN SOLUTION
    return sum(werte) / len(werte)
    ### END SOLUTION''')
    nb.test("1_mittelwert", 2, """\
mittel_ = funktion("mittelwert")
pruefe_zahl(mittel_([1, 2, 3, 4]), 2.5, was="mittelwert([1, 2, 3, 4])",
            tipp="Summe 10 geteilt durch Anzahl 4.")""", """\
pruefe_zahl(mittel_([512] * 5), 512, was="mittelwert([512, 512, 512, 512, 512])",
            tipp="Teile durch len(werte), die Anzahl aller Werte.")
pruefe_zahl(mittel_([-1, 1]), 0, was="mittelwert([-1, 1])")
licht = list(lade_beispiel("rauschen.csv")["licht"])
pruefe_zahl(mittel_(licht), sum(licht) / len(licht), was="mittelwert(alle Lichtwerte)")""")
    nb.md("""\
## Aufgabe 2: Wie stark rauscht es?

Die **Spannweite** sagt, wie weit die Werte auseinander liegen: größter Wert minus kleinster Wert.
Schreibe `spannweite(werte)` mit `max(...)` und `min(...)`.""")
    nb.answer("2_spannweite", '''\
def spannweite(werte):
    """Größter minus kleinster Wert."""
    ### BEGIN SOLUTION
    return max(werte) - min(werte)
    ### END SOLUTION''')
    nb.test("2_spannweite", 2, """\
weite_ = funktion("spannweite")
pruefe_zahl(weite_([3, 9, 4]), 6, was="spannweite([3, 9, 4])", tipp="Größter Wert 9 minus kleinster Wert 3.")""",
            """\
pruefe_zahl(weite_([5]), 0, was="spannweite([5])")
pruefe_zahl(weite_([-2, 2]), 4, was="spannweite([-2, 2])", tipp="max(werte) - min(werte), nicht umgekehrt.")""")
    nb.code("""\
vorher = list(daten["licht"][:150])
nachher = list(daten["licht"][150:])
print(f"Lampe aus: Mittelwert {mittelwert(vorher):.0f}, Spannweite {spannweite(vorher)}")
print(f"Lampe an:  Mittelwert {mittelwert(nachher):.0f}, Spannweite {spannweite(nachher)}")""")
    nb.md("""\
## Aufgabe 3: Der gleitende Mittelwert

Ein Mittelwert über *alle* Werte verwischt, wann die Lampe anging. Besser: ein **gleitender
Mittelwert**. Du schiebst ein Fenster aus `n` Werten über die Liste und bildest in jedem Fenster den
Mittelwert.

Beispiel mit `n = 2`: `[1, 2, 3, 4, 5]` → Fenster `[1, 2]`, `[2, 3]`, `[3, 4]`, `[4, 5]` →
`[1.5, 2.5, 3.5, 4.5]`. Es gibt also `len(werte) - n + 1` Fenster.

*Tipp:* `werte[i:i + n]` schneidet ein Fenster aus.""")
    nb.answer("3_gleitend", '''\
def gleitender_mittelwert(werte, n):
    """Liste der Mittelwerte aller Fenster aus n Werten."""
    ### BEGIN SOLUTION
    ergebnis = []
    for i in range(len(werte) - n + 1):
        fenster = werte[i:i + n]
        ergebnis.append(sum(fenster) / n)
    return ergebnis
    ### END SOLUTION''')
    nb.test("3_gleitend", 3, """\
gleit_ = funktion("gleitender_mittelwert")
pruefe_liste(gleit_([1, 2, 3, 4, 5], 2), [1.5, 2.5, 3.5, 4.5], was="gleitender_mittelwert([1, 2, 3, 4, 5], 2)",
             tipp="Es gibt len(werte) - n + 1 Fenster. Jedes Fenster ist werte[i:i + n].")""", """\
pruefe_liste(gleit_([10, 20, 30], 3), [20.0], was="gleitender_mittelwert([10, 20, 30], 3)")
pruefe_liste(gleit_([4, 4, 4, 4], 1), [4, 4, 4, 4], was="gleitender_mittelwert([4, 4, 4, 4], 1)")""")
    nb.code("""\
glatt = gleitender_mittelwert(list(daten["licht"]), 10)
plt.plot(daten["t_ms"] / 1000, daten["licht"], ".", markersize=3, label="Messwerte")
plt.plot(daten["t_ms"][9:] / 1000, glatt, color="red", label="gleitender Mittelwert (10)")
plt.xlabel("Zeit (s)")
plt.ylabel("Licht (0 bis 1023)")
plt.legend()
plt.show()""")
    nb.play("# Probier mal: Wie sieht die rote Linie mit n = 3 oder n = 40 aus?\n")
    nb.md("""\
## Aufgabe 4: Wann ging die Lampe an?

Jetzt soll der Computer selbst herausfinden, **wann** die Lampe angeht. Schreibe
`einschaltpunkt(werte, schwelle)`: Sie gibt die **Position** (den Index) des ersten Wertes zurück, der
**größer als** `schwelle` ist. Gibt es keinen solchen Wert, gibt sie `None` zurück.

Beispiel: `einschaltpunkt([100, 110, 105, 400, 410], 300)` → **3** (denn `werte[3]` ist 400).

*Tipp:* `for i in range(len(werte)):` und `return i`, sobald du den ersten passenden Wert findest.""")
    nb.answer("4_einschalten", '''\
def einschaltpunkt(werte, schwelle):
    """Position des ersten Wertes über der Schwelle (oder None)."""
    ### BEGIN SOLUTION
    for i in range(len(werte)):
        if werte[i] > schwelle:
            return i
    return None
    ### END SOLUTION''')
    nb.test("4_einschalten", 2, """\
ein_ = funktion("einschaltpunkt")
pruefe_gleich(ein_([100, 110, 105, 400, 410], 300), 3, was="einschaltpunkt([100, 110, 105, 400, 410], 300)",
              tipp="Gesucht ist die Position (der Index), nicht der Wert selbst.")""", """\
pruefe_gleich(ein_([50, 350, 40, 400], 300), 1, was="einschaltpunkt([50, 350, 40, 400], 300)",
              tipp="Gesucht ist der erste passende Wert: Hör mit return auf, sobald du ihn gefunden hast.")
pruefe_gleich(ein_([300, 301], 300), 1, was="einschaltpunkt([300, 301], 300)",
              tipp="Gesucht ist ein Wert größer als die Schwelle: > und nicht >=.")
pruefe_gleich(ein_([1, 2, 3], 10), None, was="einschaltpunkt([1, 2, 3], 10)",
              tipp="Wenn kein Wert passt, gib nach der Schleife None zurück.")""")
    nb.code("""\
roh = list(daten["licht"])
i_roh = einschaltpunkt(roh, 400)
i_glatt = einschaltpunkt(glatt, 400) + 9  # der gleitende Mittelwert beginnt erst beim 10. Messwert
print(f"Messwerte:            Lampe an nach {daten['t_ms'][i_roh] / 1000:.2f} s")
print(f"Gleitender Mittelwert: Lampe an nach {daten['t_ms'][i_glatt] / 1000:.2f} s")""")
    finish(nb, """\
Je größer das Fenster, desto ruhiger die Linie – aber desto später merkt sie, dass die Lampe anging.
Diesen Kompromiss machen alle Messgeräte, vom Fitness-Armband bis zur Wetterstation.""")


COURSE = Course(
    id="sensoren",
    title="Sensoren bauen",
    order=2,
    age="11-15",
    description=("Aus Widerständen, einem Fotowiderstand und zwei Nägeln werden echte Sensoren: "
                 "Spannung messen, Spannungsteiler verstehen, Licht und Bodenfeuchte erfassen, "
                 "ein Thermometer kalibrieren und Messrauschen glätten."),
    materials=["Calliope mini", "USB-Kabel", "Krokodilkabel", "Drehregler (Potentiometer 10 kΩ)",
               "Widerstände 1 kΩ, 4,7 kΩ, 10 kΩ, 22 kΩ", "Fotowiderstand (LDR)", "2 Nägel",
               "Blumentopf mit Erde", "Vergleichsthermometer"],
    assignments=[
        Assignment("01_spannung", "Analoge Werte und Spannung", 35, "11-13",
                   [*BASE, "Drehregler (10 kΩ)"], spannung),
        Assignment("02_spannungsteiler", "Der Spannungsteiler", 40, "12-15",
                   [*BASE, "Widerstände 1 kΩ, 4,7 kΩ, 10 kΩ, 22 kΩ"], spannungsteiler),
        Assignment("03_lichtsensor", "Lichtsensor mit Fotowiderstand", 40, "11-14",
                   [*BASE, "Fotowiderstand (LDR)", "Widerstand 10 kΩ"], lichtsensor),
        Assignment("04_bodenfeuchte", "Bodenfeuchte mit zwei Nägeln", 45, "11-15",
                   [*BASE, "2 Nägel", "Widerstand 10 kΩ", "Blumentopf mit Erde"], bodenfeuchte),
        Assignment("05_thermometer", "Thermometer kalibrieren", 45, "12-15",
                   ["Calliope mini", "USB-Kabel", "Vergleichsthermometer", "Eiswasser in einer Tüte"],
                   thermometer),
        Assignment("06_rauschen", "Messrauschen und Mittelwert", 45, "12-15",
                   [*BASE, "Fotowiderstand (LDR)", "Widerstand 10 kΩ"], rauschen),
    ],
)
