"""Course ``calliope`` (Calliope mini programmieren), notebooks 1-4: pictures, buttons, loops, counters.

Device exercises are MicroPython programs in ``%%programm NAME`` cells, graded on simulator traces
(``calliope_pruefen.py``); notebooks 5-7 are in ``content_calliope_mehr.py``.
"""
# ruff: noqa: E501 - long lines are German notebook text and test cells, kept whole for readability

from __future__ import annotations

import content_calliope_mehr as mehr
from calliope_common import COURSE_TITLE, board_cell, finish, header, program_answer
from common import Assignment, Course
from nb import Notebook

BOARD = ["Calliope mini (freiwillig)", "USB-Kabel (freiwillig)"]


def bilder(nb: Notebook, a: Assignment) -> None:
    header(nb, a, """\
Der Calliope mini ist ein kleiner Computer. Vorne hat er **25 LEDs** in 5 Reihen zu je 5 – damit zeigt er
Bilder, Buchstaben und Zahlen. Heute bringst du ihn zum Leuchten!

![Der Calliope mini von vorne: 25 LEDs in der Mitte, Knopf A links, Knopf B rechts](calliope.svg)""")
    nb.md("""\
## Dein erstes Programm

Ein Programm für den Calliope beginnt immer mit der Zeile `from calliopemini import *`. Damit holst du dir
alles, was der Calliope kann. Danach sagst du ihm, was er tun soll:

```python
from calliopemini import *
display.show(Image.HAPPY)
```

`display` ist die LED-Anzeige, `show` heißt „zeige“ und `Image.HAPPY` ist ein fertiges Bild: ein
fröhliches Gesicht. Führe die nächste Zelle aus und schau, was der Simulator zeigt!""")
    nb.play("""\
%%programm probier
from calliopemini import *
display.show(Image.HAPPY)""")
    nb.md("""\
> **Probier mal:** Ändere `HAPPY` in `SAD`, `SURPRISED`, `DUCK`, `GIRAFFE` oder `SKULL` und führe die Zelle
> wieder aus. Groß- und Kleinschreibung ist wichtig!

## Aufgabe 1: Ein Herz

Schreibe ein Programm, das ein **Herz** zeigt. Das fertige Bild dafür heißt `Image.HEART`.""")
    program_answer(nb, "1_herz", "herz", "display.show(Image.HEART)")
    nb.test("1_herz", 2, """\
lauf = simuliere("herz", bis_ms=2000)
pruefe_bild(lauf, 100, "HEART", was="Gleich nach dem Start",
            tipp="Schreibe display.show(Image.HEART) – mit großem HEART.")""", """\
pruefe_bild(lauf, 1900, "HEART", was="Nach 1,9 Sekunden",
            tipp="Das Herz soll stehen bleiben. Lösche die Anzeige nicht.")""", "Dein Calliope zeigt ein Herz.")
    board_cell(nb, "herz")
    nb.md("""\
## Aufgabe 2: Ein Lauftext

Ein Wort passt nicht auf 25 LEDs. Deshalb kann der Calliope Text **durchlaufen** lassen, Buchstabe für
Buchstabe von rechts nach links: `display.scroll("Hallo")`.

Schreibe ein Programm, das den Namen **`Calli`** durchlaufen lässt (großes C!) und danach ein
**fröhliches Gesicht** zeigt (`Image.HAPPY`). Der Calliope macht die Befehle nacheinander, von oben nach
unten.""")
    program_answer(nb, "2_lauftext", "lauftext", """\
display.scroll("Calli")
display.show(Image.HAPPY)""")
    nb.test("2_lauftext", 2, """\
lauf = simuliere("lauftext", bis_ms=6000)
pruefe_lauftext(lauf, "Calli", was="Dein Programm",
                tipp="Schreibe display.scroll(\\"Calli\\") – genau so, mit großem C.")""", """\
pruefe_bild(lauf, 5900, "HAPPY", was="Nach dem Lauftext (nach 5,9 s)",
            tipp="Nach display.scroll(...) kommt in die nächste Zeile display.show(Image.HAPPY).")""")
    nb.md("""\
## Eigene Bilder malen

Jede LED hat einen Platz: **x** zählt von links nach rechts, **y** von oben nach unten – beide fangen bei
**0** an!

![Die LED-Anzeige mit x von 0 bis 4 (nach rechts) und y von 0 bis 4 (nach unten)](koordinaten.svg)

Ein eigenes Bild schreibst du als Text mit 5 Reihen. Jede Reihe hat 5 Ziffern: `0` ist aus, `9` ist ganz
hell (dazwischen geht auch). Die Reihen trennst du mit einem Doppelpunkt:

```python
display.show(Image("09090:99999:99999:09990:00900"))
```

Das ist wieder ein Herz – findest du es in den Ziffern? Eine einzelne LED schaltest du mit
`display.set_pixel(x, y, 9)` ein.""")
    nb.play("""\
%%programm probier2
from calliopemini import *
display.show(Image("90009:09090:00900:09090:90009"))""")
    nb.md("""\
## Aufgabe 3: Ein Haus

Male dieses Haus mit einem eigenen `Image("…")`:

![Ein Haus aus LEDs: Dach oben, Tür unten in der Mitte](haus.svg)

*Tipp:* Schreib für jede Reihe von oben nach unten auf, welche LEDs an (9) und aus (0) sind.""")
    program_answer(nb, "3_haus", "haus", 'display.show(Image("00900:09990:99999:09090:09990"))')
    nb.test("3_haus", 2, """\
HAUS = ["00900", "09990", "99999", "09090", "09990"]
lauf = simuliere("haus", bis_ms=3000)
pruefe_bild(lauf, 500, HAUS, was="Nach 0,5 s", name="dein Haus")""", """\
pruefe_bild(lauf, 2900, HAUS, was="Nach 2,9 Sekunden", name="dein Haus", tipp="Das Haus soll stehen bleiben.")""",
            "Schönes Haus!")
    board_cell(nb, "haus")
    finish(nb, """\
Du kannst jetzt fertige Bilder zeigen (`display.show(Image.HEART)`), Text durchlaufen lassen
(`display.scroll(...)`) und eigene Bilder malen (`Image("…")`). Im nächsten Notebook reagiert der Calliope
auf seine Knöpfe!""")


def knoepfe(nb: Notebook, a: Assignment) -> None:
    header(nb, a, """\
Der Calliope hat zwei Knöpfe: **A** links und **B** rechts. Heute lernst du, wie dein Programm
**entscheidet**, was passieren soll, wenn jemand drückt.

![Der Calliope mini: Knopf A links, Knopf B rechts](calliope.svg)""")
    nb.md("""\
## Immer wieder nachschauen: `while True`

`button_a.is_pressed()` fragt: „Ist Knopf A **gerade jetzt** gedrückt?“ Die Antwort ist `True` (ja)
oder `False` (nein). Weil der Calliope das immer wieder fragen soll, steht die Frage in einer
**Endlos-Schleife** `while True:`. Alles, was eingerückt darunter steht, wiederholt er für immer.
`sleep(20)` ist eine kleine Pause von 20 Millisekunden.

Mit `if` (wenn) und `else` (sonst) entscheidet das Programm:

```python
from calliopemini import *
while True:
    if button_a.is_pressed():
        display.show("A")
    else:
        display.show("-")
    sleep(20)
```

Im Simulator kannst du Knöpfe „drücken“: `druecke=[("a", 1000, 500)]` heißt: Knopf A nach 1000 ms
(1 Sekunde) drücken und 500 ms lang festhalten.""")
    nb.play("""\
%%programm probier
from calliopemini import *
while True:
    if button_a.is_pressed():
        display.show("A")
    else:
        display.show("-")
    sleep(20)""")
    nb.play('probiere("probier", bis_ms=3000, druecke=[("a", 1000, 500)])')
    nb.md("""\
## Aufgabe 1: Fröhlich oder traurig?

Solange Knopf A gedrückt ist, soll der Calliope **fröhlich** schauen (`Image.HAPPY`), sonst **traurig**
(`Image.SAD`).""")
    program_answer(nb, "1_gesicht", "gesicht", """\
while True:
    if button_a.is_pressed():
        display.show(Image.HAPPY)
    else:
        display.show(Image.SAD)
    sleep(20)""")
    nb.test("1_gesicht", 2, """\
lauf = simuliere("gesicht", bis_ms=3000, druecke=[("a", 1000, 1000)])
pruefe_bild(lauf, 500, "SAD", was="Ohne Knopfdruck (nach 0,5 s)")
pruefe_bild(lauf, 1500, "HAPPY", was="Während A gedrückt ist (nach 1,5 s),",
            tipp="Frag immer wieder nach: while True: und darin if button_a.is_pressed():")""", """\
pruefe_bild(lauf, 2500, "SAD", was="Nach dem Loslassen von A (nach 2,5 s)",
            tipp="Im else-Teil muss wieder das traurige Gesicht kommen.")
lauf = simuliere("gesicht", bis_ms=3000, druecke=[("a", 300, 200), ("a", 2000, 500)])
pruefe_bild(lauf, 2200, "HAPPY", was="Beim zweiten Drücken von A (nach 2,2 s)")""")
    board_cell(nb, "gesicht")
    nb.md("""\
## Aufgabe 2: Links oder rechts?

Zwei Knöpfe, drei Fälle – dafür gibt es `elif` („sonst wenn“):

![A gedrückt: Pfeil nach links; nichts gedrückt: aus; B gedrückt: Pfeil nach rechts](pfeile.svg)

* Knopf **A** gedrückt: Pfeil nach **links** (`Image.ARROW_W`, W wie Westen),
* sonst, wenn Knopf **B** gedrückt: Pfeil nach **rechts** (`Image.ARROW_E`, E wie East = Osten),
* sonst: Anzeige aus mit `display.clear()`.""")
    program_answer(nb, "2_pfeile", "pfeile", """\
while True:
    if button_a.is_pressed():
        display.show(Image.ARROW_W)
    elif button_b.is_pressed():
        display.show(Image.ARROW_E)
    else:
        display.clear()
    sleep(20)""")
    nb.test("2_pfeile", 2, """\
lauf = simuliere("pfeile", bis_ms=3000, druecke=[("a", 1000, 500), ("b", 2000, 500)])
pruefe_bild(lauf, 1200, "ARROW_W", was="Während A gedrückt ist (nach 1,2 s),",
            tipp="Bei Knopf A zeigt der Pfeil nach links: Image.ARROW_W.")
pruefe_bild(lauf, 2200, "ARROW_E", was="Während B gedrückt ist (nach 2,2 s),",
            tipp="Bei Knopf B zeigt der Pfeil nach rechts: Image.ARROW_E.")""", """\
pruefe_bild(lauf, 500, "aus", was="Bevor jemand drückt (nach 0,5 s),")
pruefe_bild(lauf, 1800, "aus", was="Nach dem Loslassen von A (nach 1,8 s)",
            tipp="Wenn kein Knopf gedrückt ist: else: display.clear()")
pruefe_bild(lauf, 2800, "aus", was="Nach dem Loslassen von B (nach 2,8 s)")""")
    nb.md("""\
## Aufgabe 3: Beide zusammen

Jetzt wird es knifflig. Der Calliope soll zeigen, was gedrückt ist:

* nur **A**: den Buchstaben `"A"`, nur **B**: den Buchstaben `"B"`,
* **A und B zusammen**: ein Herz (`Image.HEART`),
* nichts: Anzeige aus.

Zwei Bedingungen verbindest du mit `and`: `if button_a.is_pressed() and button_b.is_pressed():`.
*Denk nach:* In welcher Reihenfolge musst du fragen? Das Programm nimmt immer den **ersten** Fall, der
passt.""")
    program_answer(nb, "3_beide", "beide", """\
while True:
    if button_a.is_pressed() and button_b.is_pressed():
        display.show(Image.HEART)
    elif button_a.is_pressed():
        display.show("A")
    elif button_b.is_pressed():
        display.show("B")
    else:
        display.clear()
    sleep(20)""")
    nb.test("3_beide", 3, """\
lauf = simuliere("beide", bis_ms=4000, druecke=[("a", 1000, 500), ("b", 2000, 500), ("a", 3000, 500), ("b", 3000, 500)])
pruefe_bild(lauf, 1200, "A", was="Wenn nur A gedrückt ist (nach 1,2 s),")
pruefe_bild(lauf, 2200, "B", was="Wenn nur B gedrückt ist (nach 2,2 s),")
pruefe_bild(lauf, 3200, "HEART", was="Wenn A und B zusammen gedrückt sind (nach 3,2 s),",
            tipp="Frag zuerst, ob beide gedrückt sind – sonst passt schon der Fall „nur A“.")""", """\
pruefe_bild(lauf, 500, "aus", was="Bevor jemand drückt (nach 0,5 s),")
pruefe_bild(lauf, 3800, "aus", was="Nach dem Loslassen beider Knöpfe (nach 3,8 s)")""",
            "Du hast an die Reihenfolge gedacht!")
    board_cell(nb, "beide")
    finish(nb, """\
Mit `while True:` fragt dein Programm immer wieder nach, mit `if`, `elif` und `else` entscheidet es.
Die Reihenfolge der Fragen ist wichtig: Der erste passende Fall gewinnt.""")


def schleifen(nb: Notebook, a: Assignment) -> None:
    header(nb, a, """\
Ein Film ist eine Folge von Bildern, die schnell nacheinander kommen. Mit **Schleifen** und **Pausen**
machst du aus dem Calliope ein kleines Kino.""")
    nb.md("""\
## Bilder mit Pausen

`sleep(500)` heißt: 500 Millisekunden warten, also eine halbe Sekunde (1000 ms = 1 s). Zwischen zwei
Bildern brauchst du eine Pause – sonst ist das erste Bild sofort wieder weg.

![Ein blinkendes Herz: an, aus, an, aus – alle halbe Sekunde](blinken.svg)""")
    nb.play("""\
%%programm probier
from calliopemini import *
while True:
    display.show(Image.HEART)
    sleep(300)
    display.show(Image.HEART_SMALL)
    sleep(300)""")
    nb.md("""\
## Aufgabe 1: Blinkendes Herz

Lass ein Herz **für immer** blinken: eine halbe Sekunde an, eine halbe Sekunde aus
(`display.clear()` macht alle LEDs aus).""")
    program_answer(nb, "1_blinken", "blinken", """\
while True:
    display.show(Image.HEART)
    sleep(500)
    display.clear()
    sleep(500)""")
    nb.test("1_blinken", 2, """\
lauf = simuliere("blinken", bis_ms=5000)
pruefe_bild(lauf, 250, "HEART", was="Nach 0,25 s")
pruefe_bild(lauf, 750, "aus", was="Nach 0,75 s", tipp="Nach der ersten Pause: display.clear() und wieder sleep(500).")""", """\
pruefe_bild(lauf, 1250, "HEART", was="Nach 1,25 s", tipp="Das Blinken soll nie aufhören: while True:")
pruefe_bild(lauf, 3750, "aus", was="Nach 3,75 s")
pruefe_bild(lauf, 4250, "HEART", was="Nach 4,25 s")""", "Es blinkt!")
    board_cell(nb, "blinken")
    nb.md("""\
## Zählen mit `for`

Eine `for`-Schleife wiederholt etwas **eine bestimmte Anzahl** Male. `range(5)` zählt `0, 1, 2, 3, 4`.
Mit `range(start, ende, schritt)` geht mehr: `range(3, 0, -1)` zählt `3, 2, 1` – rückwärts! Die Zahl
`ende` ist nie dabei.

```python
for zahl in range(3, 0, -1):
    display.show(zahl)
    sleep(1000)
```""")
    nb.play("""\
# Probier mal: Was zählt range? (Das ist normales Python, kein Calliope-Programm.)
print(list(range(5)))
print(list(range(3, 0, -1)))""")
    nb.md("""\
## Aufgabe 2: Countdown

Zähle von **5 bis 1** herunter – jede Zahl eine Sekunde lang. Danach zeigt der Calliope einen Haken
(`Image.YES`): Start!""")
    program_answer(nb, "2_countdown", "countdown", """\
for zahl in range(5, 0, -1):
    display.show(zahl)
    sleep(1000)
display.show(Image.YES)""")
    nb.test("2_countdown", 2, """\
lauf = simuliere("countdown", bis_ms=6000)
pruefe_bild(lauf, 500, 5, was="Nach 0,5 s", tipp="Fang bei 5 an: range(5, 0, -1).")
pruefe_bild(lauf, 1500, 4, was="Nach 1,5 s", tipp="Jede Zahl bleibt eine Sekunde: sleep(1000) in der Schleife.")
pruefe_bild(lauf, 4500, 1, was="Nach 4,5 s")""", """\
pruefe_bild(lauf, 2500, 3, was="Nach 2,5 s")
pruefe_bild(lauf, 5500, "YES", was="Nach dem Countdown (nach 5,5 s)",
            tipp="Nach der Schleife (nicht eingerückt): display.show(Image.YES).")""")
    nb.md("""\
## Aufgabe 3: Lauflicht

Ein Lichtpunkt wandert in der **obersten Reihe** (y = 0) von links nach rechts, immer wieder:

![Lauflicht: die LED wandert alle 0,2 Sekunden einen Platz weiter nach rechts](lauflicht.svg)

Mach für jedes x von 0 bis 4: Anzeige löschen, die LED `(x, 0)` einschalten mit
`display.set_pixel(x, 0, 9)`, 200 ms warten. Und das für immer.""")
    program_answer(nb, "3_lauflicht", "lauflicht", """\
while True:
    for x in range(5):
        display.clear()
        display.set_pixel(x, 0, 9)
        sleep(200)""")
    nb.test("3_lauflicht", 3, """\
lauf = simuliere("lauflicht", bis_ms=2000)
pruefe_pixel(lauf, 100, [(0, 0)], was="Nach 0,1 s")
pruefe_pixel(lauf, 300, [(1, 0)], was="Nach 0,3 s",
             tipp="display.set_pixel(x, y, 9): zuerst kommt x (nach rechts), dann y (nach unten).")
pruefe_pixel(lauf, 900, [(4, 0)], was="Nach 0,9 s")""", """\
pruefe_pixel(lauf, 1100, [(0, 0)], was="Nach 1,1 s (zweite Runde)", tipp="Das Lauflicht soll immer weiterlaufen: while True:")
pruefe_pixel(lauf, 1500, [(2, 0)], was="Nach 1,5 s")""", "Ein echtes Lauflicht!")
    board_cell(nb, "lauflicht")
    finish(nb, """\
`while True:` wiederholt für immer, `for … in range(…)` eine bestimmte Anzahl Male, und `sleep(...)`
sorgt für die Pausen zwischen den Bildern. Damit kannst du jede Animation bauen!""")


def zaehler(nb: Notebook, a: Assignment) -> None:
    header(nb, a, """\
Ein Programm kann sich Dinge **merken**: in einer **Variablen**. Heute baust du Zähler – für Tore,
Runden oder Schritte.""")
    nb.md("""\
## Eine Variable ist eine Schachtel mit Namen

```python
zahl = 0          # eine Schachtel namens zahl, darin liegt 0
zahl = zahl + 1   # nimm, was drin ist, zähle 1 dazu, leg es zurück: jetzt 1
zahl += 1         # dasselbe, kürzer: jetzt 2
```

**Wichtig beim Zählen von Knopfdrücken:** `button_a.is_pressed()` ist die ganze Zeit `True`, solange
der Finger drauf ist – dein Zähler würde in der Schleife mehrmals zählen. `button_a.was_pressed()` sagt
dagegen genau **einmal** `True` für jedes Drücken. Zum Zählen nimmst du also `was_pressed()`.""")
    nb.play("""\
%%programm probier
from calliopemini import *
zahl = 0
while True:
    if button_a.is_pressed():
        zahl += 1
        print(zahl)
    sleep(20)""")
    nb.play('# Probier mal: Wie oft zählt is_pressed() bei einem einzigen Drücken (200 ms lang)?\nprobiere("probier", bis_ms=2000, druecke=[("a", 1000, 200)])')
    nb.md("""\
## Aufgabe 1: Ein Zähler

Der Calliope zeigt am Anfang `0`. Bei jedem Drücken von Knopf A zählt er 1 dazu und zeigt die neue Zahl
(`display.show(zahl)`).

![Der Zähler: 0 am Start, nach jedem Drücken von A eins mehr: 1, 2, 3](zaehler.svg)""")
    program_answer(nb, "1_zaehler", "zaehler", """\
zahl = 0
display.show(zahl)
while True:
    if button_a.was_pressed():
        zahl += 1
        display.show(zahl)
    sleep(20)""")
    nb.test("1_zaehler", 2, """\
lauf = simuliere("zaehler", bis_ms=4000, druecke=[("a", 1000), ("a", 2000), ("a", 3000)])
pruefe_bild(lauf, 500, 0, was="Am Anfang (nach 0,5 s)", tipp="Zeig die 0 schon vor der Schleife.")
pruefe_bild(lauf, 1500, 1, was="Nach einmal Drücken (nach 1,5 s)",
            tipp="Zähle mit button_a.was_pressed() – das ist nur einmal pro Drücken True.")
pruefe_bild(lauf, 3500, 3, was="Nach dreimal Drücken (nach 3,5 s)",
            tipp="Setze zahl = 0 nur einmal vor der Schleife, nicht darin.")""", """\
lauf = simuliere("zaehler", bis_ms=3000, druecke=[("a", 500), ("a", 1000), ("a", 1500), ("a", 2000), ("a", 2500)])
pruefe_bild(lauf, 2900, 5, was="Nach fünfmal Drücken (nach 2,9 s)")""")
    board_cell(nb, "zaehler")
    nb.md("""\
## Aufgabe 2: Hoch und runter

Jetzt zählt Knopf **A** eins **hoch** und Knopf **B** eins **runter**. Aber: unter **0** geht es nicht!
Wenn die Zahl schon 0 ist, bleibt sie bei B einfach 0. Am Anfang zeigt der Calliope `0`, nach jeder
Änderung die neue Zahl.

*Tipp:* `if zahl > 0:` fragt, ob noch Platz nach unten ist.""")
    program_answer(nb, "2_hochrunter", "hochrunter", """\
zahl = 0
display.show(zahl)
while True:
    if button_a.was_pressed():
        zahl += 1
        display.show(zahl)
    if button_b.was_pressed():
        if zahl > 0:
            zahl -= 1
        display.show(zahl)
    sleep(20)""")
    nb.test("2_hochrunter", 2, """\
lauf = simuliere("hochrunter", bis_ms=3000, druecke=[("a", 1000), ("a", 1500), ("b", 2000)])
pruefe_bild(lauf, 1200, 1, was="Nach A (nach 1,2 s)")
pruefe_bild(lauf, 1700, 2, was="Nach A, A (nach 1,7 s)")
pruefe_bild(lauf, 2200, 1, was="Nach A, A, B (nach 2,2 s)", tipp="Knopf B zählt eins runter: zahl -= 1.")""", """\
lauf = simuliere("hochrunter", bis_ms=2000, druecke=[("b", 500), ("b", 900), ("a", 1300)])
pruefe_bild(lauf, 1200, 0, was="Nach zweimal B ganz am Anfang (nach 1,2 s)",
            tipp="Die Zahl darf nicht unter 0 fallen: if zahl > 0:")
pruefe_bild(lauf, 1700, 1, was="Danach einmal A (nach 1,7 s)")""")
    nb.md("""\
## Aufgabe 3: Ziel erreicht!

Ein Spiel: Wer zuerst **5-mal** Knopf A drückt, hat gewonnen. Der Calliope zählt die Drücke wie in
Aufgabe 1 und zeigt die Zahl – aber sobald die Zahl **5 oder mehr** ist, zeigt er ein Herz
(`Image.HEART`) statt der Zahl.

*Tipp:* `if zahl >= 5:` heißt „wenn zahl größer oder gleich 5 ist“.""")
    program_answer(nb, "3_ziel", "ziel", """\
zahl = 0
display.show(zahl)
while True:
    if button_a.was_pressed():
        zahl += 1
        if zahl >= 5:
            display.show(Image.HEART)
        else:
            display.show(zahl)
    sleep(20)""")
    nb.test("3_ziel", 3, """\
lauf = simuliere("ziel", bis_ms=3500, druecke=[("a", 500), ("a", 1000), ("a", 1500), ("a", 2000), ("a", 2500), ("a", 3000)])
pruefe_bild(lauf, 2200, 4, was="Nach viermal Drücken (nach 2,2 s)", tipp="Erst bei 5 kommt das Herz.")
pruefe_bild(lauf, 2700, "HEART", was="Nach fünfmal Drücken (nach 2,7 s)", tipp="Bei genau 5 soll schon das Herz kommen: >= 5.")""", """\
pruefe_bild(lauf, 3400, "HEART", was="Nach sechsmal Drücken (nach 3,4 s)", tipp="Auch über 5 bleibt das Herz.")
lauf = simuliere("ziel", bis_ms=2000, druecke=[("a", 500), ("a", 1000), ("a", 1500)])
pruefe_bild(lauf, 1900, 3, was="Nach dreimal Drücken (nach 1,9 s)")""", "Gewonnen!")
    board_cell(nb, "ziel")
    finish(nb, """\
Variablen merken sich Zahlen, `+= 1` und `-= 1` zählen, `was_pressed()` zählt jedes Drücken genau
einmal. Mit `if zahl >= 5:` prüfst du, ob ein Ziel erreicht ist.""")


COURSE = Course(
    id="calliope",
    title=COURSE_TITLE,
    age="10-14",
    order=1,
    description=("Programmieren mit dem Calliope mini in MicroPython: Bilder und Lauftext auf der LED-Anzeige, "
                 "Knöpfe und Entscheidungen, Schleifen und Animationen, Variablen und Zähler, eigene "
                 "Funktionen, ein Kippspiel mit dem Beschleunigungssensor und Geheimbotschaften per Funk. "
                 "Jedes Programm läuft im Simulator und – wenn einer angeschlossen ist – auf dem echten Calliope."),
    materials=["Computer mit Browser", "Calliope mini (freiwillig)", "USB-Kabel (freiwillig)",
               "ein zweiter Calliope für Funk (freiwillig)"],
    assignments=[
        Assignment("01_bilder", "LED-Matrix und Bilder", 30, "10-12", BOARD, bilder),
        Assignment("02_knoepfe", "Knöpfe und Entscheidungen", 35, "10-13", BOARD, knoepfe),
        Assignment("03_schleifen", "Schleifen und Animationen", 40, "11-13", BOARD, schleifen),
        Assignment("04_zaehler", "Variablen und Zähler", 40, "11-13", BOARD, zaehler),
        Assignment("05_funktionen", "Funktionen", 40, "12-14", BOARD, mehr.funktionen),
        Assignment("06_kippspiel", "Beschleunigung und ein Kippspiel", 45, "12-14", BOARD, mehr.kippspiel),
        Assignment("07_funk", "Funk und Geheimbotschaften", 45, "12-14",
                   [*BOARD, "ein zweiter Calliope (freiwillig)"], mehr.funk),
    ],
)
