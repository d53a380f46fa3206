"""Course ``daten`` (Daten loggen und auswerten): six notebooks, three autograded exercises each."""
# ruff: noqa: E501 - long lines are German notebook text and test cells, kept whole for readability

from __future__ import annotations

from common import Assignment, Course, calliope_cell, finish, header
from nb import Notebook

BASE = ["Calliope mini", "USB-Kabel"]
PRINT_CSV = """\
```python
from calliopemini import *
print("t_ms,temp,light")
while True:
    print("{},{},{}".format(running_time(), temperature(), display.read_light_level()))
    sleep(200)
```"""


def live(nb: Notebook, a: Assignment) -> None:
    header(nb, COURSE, a, """\
Der Calliope misst ständig: Temperatur, Licht, Bewegung. Schickt er seine Werte über das USB-Kabel,
kann dein Notebook sie lesen und zeichnen. Heute baust du die Brücke vom Sensor bis zum Diagramm.""")
    nb.md(f"""\
## Der Weg der Daten

![Sensor, USB-Kabel, Python, Diagramm](weg_der_daten.svg)

Der Calliope schickt **Text**, eine Zeile pro Messung. Das ist unsere Abmachung für alle Kurse: zuerst
eine Kopfzeile mit den Namen, dann nur Zahlen mit Kommas dazwischen:

```
t_ms,temp,light
1200,21.5,128
1400,21.5,131
```

`t_ms` ist die Zeit seit dem Start in Millisekunden. Dieses Programm auf dem Calliope erzeugt genau das:

{PRINT_CSV}

Im Terminal zeigt der Befehl `schuelerlab stream` die Werte sogar live an.""")
    nb.md("""\
Die **simulierten Messwerte** unten dauern 30 Sekunden: Nach 8 Sekunden hält jemand die Hand über den
Sensor, nach 18 Sekunden haucht jemand den Calliope an.""")
    nb.code('daten = lade_beispiel("live_temp_licht.csv")  # simulierte Messwerte\ndaten.head()')
    calliope_cell(nb, "live_temp_licht.csv", ["temp", "light"])
    nb.code("""\
fig, (oben, unten) = plt.subplots(2, 1, sharex=True)
oben.plot(daten["t_ms"] / 1000, daten["temp"], color="tab:red")
oben.set_ylabel("Temperatur (°C)")
unten.plot(daten["t_ms"] / 1000, daten["light"], color="goldenrod")
unten.set_ylabel("Licht (0 bis 255)")
unten.set_xlabel("Zeit (s)")
plt.show()""")
    nb.md("""\
So sieht es live aus: Die Werte kommen nach und nach dazu (hier eine schnelle Wiedergabe der simulierten
Messwerte). Mit einem echten Calliope geht es wirklich live – führe dazu in einer neuen Zelle aus:

```python
%matplotlib widget
from schuelerlab.hardware import live_plot
live_plot(seconds=30)
```""")
    nb.code("""\
import time
from IPython.display import clear_output

for ende in range(30, len(daten) + 1, 30):
    stueck = daten.iloc[:ende]
    clear_output(wait=True)
    plt.figure(figsize=(7, 3))
    plt.plot(stueck["t_ms"] / 1000, stueck["light"], color="goldenrod")
    plt.xlim(0, daten["t_ms"].max() / 1000)
    plt.ylim(0, 260)
    plt.xlabel("Zeit (s)")
    plt.ylabel("Licht (0 bis 255)")
    plt.title(f"Live: {ende} Messwerte")
    plt.show()
    time.sleep(0.2)""")
    nb.md("""\
## Aufgabe 1: Eine Zeile lesen

Vom Kabel kommt eine Zeile Text wie `"1234,21.5,128"`. Schreibe `zeile_lesen(zeile)`, die daraus ein
Tupel aus drei **Zahlen** macht: `(1234, 21.5, 128)` – die Zeit und das Licht als ganze Zahl (`int`),
die Temperatur als Kommazahl (`float`).

*Tipp:* `"a,b,c".split(",")` ergibt `["a", "b", "c"]`. Mit `int("128")` und `float("21.5")` wird aus
Text eine Zahl.""")
    nb.answer("1_zeile", '''\
def zeile_lesen(zeile):
    """Aus "t_ms,temp,light" wird (int, float, int)."""
    ### BEGIN SOLUTION
    t_ms, temp, licht = zeile.split(",")
    return int(t_ms), float(temp), int(licht)
    ### END SOLUTION''')
    nb.test("1_zeile", 2, """\
zeile_ = funktion("zeile_lesen", tipp="Die Temperatur hat ein Komma: float(...) statt int(...).")
pruefe_gleich(zeile_("1234,21.5,128"), (1234, 21.5, 128), was='zeile_lesen("1234,21.5,128")',
              tipp="Das Ergebnis sollen Zahlen sein, keine Texte: benutze int(...) und float(...).")""", """\
ergebnis = zeile_("200,-3.0,0\\r\\n")
pruefe_gleich(ergebnis, (200, -3.0, 0), was='zeile_lesen("200,-3.0,0\\\\r\\\\n")')
pruefe_typ(ergebnis[0], int, was="die Zeit", tipp="t_ms ist eine ganze Zahl.")
pruefe_typ(ergebnis[1], float, was="die Temperatur", tipp="Die Temperatur ist eine Kommazahl.")""")
    nb.md("""\
## Aufgabe 2: Die Zeit in Sekunden

`t_ms` zählt ab dem Einschalten des Calliope. Für ein Diagramm ist es schöner, wenn die Messung bei
0 Sekunden beginnt. Schreibe `sekunden(zeiten_ms)`: Sie bekommt eine Liste von Millisekunden und gibt
eine Liste von Sekunden zurück, **gezählt ab der ersten Messung**.

Beispiel: `[5000, 5200, 6000]` → `[0.0, 0.2, 1.0]`""")
    nb.answer("2_sekunden", '''\
def sekunden(zeiten_ms):
    """Millisekunden seit dem Start → Sekunden seit der ersten Messung."""
    ### BEGIN SOLUTION
    start = zeiten_ms[0]
    return [(t - start) / 1000 for t in zeiten_ms]
    ### END SOLUTION''')
    nb.test("2_sekunden", 2, """\
sek_ = funktion("sekunden")
pruefe_liste(sek_([5000, 5200, 6000]), [0.0, 0.2, 1.0], was="sekunden([5000, 5200, 6000])",
             tipp="Ziehe von jeder Zeit die erste Zeit ab und teile durch 1000.")""", """\
pruefe_liste(sek_([0, 1000]), [0.0, 1.0], was="sekunden([0, 1000])", tipp="1000 ms sind 1 s.")
zeiten = list(lade_beispiel("live_temp_licht.csv")["t_ms"] + 73000)
pruefe_liste(sek_(zeiten)[-2:], [29.6, 29.8], was="sekunden(Messung ab 73 s)[-2:]",
             tipp="Die erste Messung ist 0 Sekunden.")""")
    nb.md("""\
## Aufgabe 3: Kaputte Zeilen erkennen

Wenn du dich mitten in eine Übertragung einschaltest, ist die erste Zeile oft nur halb da, zum Beispiel
`"34,128"`. Manchmal kommt auch Text wie `"Hallo"`. Schreibe `ist_gueltig(zeile)`: `True` nur, wenn die
Zeile **genau drei** Teile hat und **jeder** Teil eine Zahl ist.

*Tipp:* So prüfst du, ob ein Text eine Zahl ist:
```python
try:
    float(teil)
except ValueError:
    return False   # war keine Zahl
```""")
    nb.answer("3_gueltig", '''\
def ist_gueltig(zeile):
    """True, wenn die Zeile aus genau drei Zahlen besteht."""
    ### BEGIN SOLUTION
    teile = zeile.split(",")
    if len(teile) != 3:
        return False
    for teil in teile:
        try:
            float(teil)
        except ValueError:
            return False
    return True
    ### END SOLUTION''')
    nb.test("3_gueltig", 3, """\
gueltig_ = funktion("ist_gueltig")
pruefe_gleich(gueltig_("1234,21.5,128"), True, was='ist_gueltig("1234,21.5,128")')
pruefe_gleich(gueltig_("34,128"), False, was='ist_gueltig("34,128")', tipp="Es müssen genau drei Teile sein.")
pruefe_gleich(gueltig_("Hallo"), False, was='ist_gueltig("Hallo")')""", """\
pruefe_gleich(gueltig_("1,2,3,4"), False, was='ist_gueltig("1,2,3,4")', tipp="Vier Teile sind zu viele.")
pruefe_gleich(gueltig_("1,x,3"), False, was='ist_gueltig("1,x,3")',
              tipp="Jeder Teil muss eine Zahl sein – prüfe mit float(...) und try/except.")
pruefe_gleich(gueltig_(""), False, was='ist_gueltig("")')
pruefe_gleich(gueltig_(" 5, 6 ,7\\r\\n"), True, was='ist_gueltig(" 5, 6 ,7\\\\r\\\\n")',
              tipp="Leerzeichen und Zeilenende stören float(...) nicht.")""")
    nb.md("So liest ein Programm einen ganzen Datenstrom – kaputte Zeilen werden übersprungen:")
    nb.code("""\
vom_kabel = ["4,130", "t_ms,temp,light", "1200,21.5,128", "Hallo", "1400,21.6,131", "1600,21.6,12"]
for zeile in vom_kabel:
    if ist_gueltig(zeile):
        print("gelesen:", zeile_lesen(zeile))
    else:
        print("übersprungen:", repr(zeile))""")
    finish(nb, """\
Du hast gebaut, was jedes Plotter-Programm im Inneren tut: Zeilen lesen, prüfen, in Zahlen verwandeln
und zeichnen.""")


def csv_speichern(nb: Notebook, a: Assignment) -> None:
    header(nb, COURSE, a, """\
Messwerte sind wertvoll – wenn das Notebook geschlossen wird, sollen sie nicht weg sein. Heute speicherst
du sie als **CSV-Datei** und lädst sie wieder. CSV heißt *comma-separated values*: Werte mit Kommas
dazwischen. Fast jedes Programm kann CSV öffnen, auch eine Tabellenkalkulation.""")
    nb.md(f"""\
## So sieht eine CSV-Datei aus

```
t_ms,temp,light
0,2.1,0
1800000,1.9,0
```

Erste Zeile: die Namen der Spalten (Kopfzeile). Danach eine Zeile pro Messung. Unser Calliope-Programm
schreibt genau dieses Format:

{PRINT_CSV}

Die **simulierten Messwerte** in `wetterstation.csv` stammen von einer Wetterstation in Zeitz an einem
Novembertag, alle 30 Minuten ein Wert.""")
    nb.code('daten = lade_beispiel("wetterstation.csv")  # simulierte Messwerte\ndaten.head()')
    calliope_cell(nb, "wetterstation.csv", ["temp", "light"])
    nb.code("""\
# So speichert pandas eine Tabelle – und so sieht die Datei danach aus:
daten.to_csv("meine_messung.csv", index=False)
with open("meine_messung.csv") as datei:
    print(datei.read()[:120])""")
    nb.md("""\
## Aufgabe 1: Eine CSV-Zeile bauen

Schreibe `als_csv_zeile(t_ms, temp, licht)`, die aus drei Zahlen eine Zeile Text macht:
`als_csv_zeile(1234, 21.5, 128)` → `"1234,21.5,128"` – **ohne Leerzeichen**, mit Kommas.

*Tipp:* Ein f-String: `f"{t_ms},{temp},{licht}"`""")
    nb.answer("1_zeile", '''\
def als_csv_zeile(t_ms, temp, licht):
    """Drei Zahlen als eine CSV-Zeile (ohne Zeilenende)."""
    ### BEGIN SOLUTION
    return f"{t_ms},{temp},{licht}"
    ### END SOLUTION''')
    nb.test("1_zeile", 2, """\
zeile_ = funktion("als_csv_zeile")
pruefe_gleich(zeile_(1234, 21.5, 128), "1234,21.5,128", was="als_csv_zeile(1234, 21.5, 128)",
              tipp="Nur Kommas, keine Leerzeichen und keine Semikolons.")""", """\
pruefe_gleich(zeile_(0, -2.0, 0), "0,-2.0,0", was="als_csv_zeile(0, -2.0, 0)")
pruefe_gleich(zeile_(99, 3.25, 7), "99,3.25,7", was="als_csv_zeile(99, 3.25, 7)")""")
    nb.md("""\
## Aufgabe 2: Eine ganze Messung speichern

Schreibe `speichere(dateiname, zeilen)`. `zeilen` ist eine Liste von Tupeln `(t_ms, temp, licht)`.
Die Datei soll zuerst die Kopfzeile `t_ms,temp,light` enthalten, dann eine Zeile pro Tupel. **Jede**
Zeile endet mit `"\\n"` (neue Zeile).

```python
with open(dateiname, "w") as datei:
    datei.write("t_ms,temp,light\\n")
    ...
```""")
    nb.answer("2_speichern", '''\
def speichere(dateiname, zeilen):
    """Kopfzeile und alle Messungen in eine CSV-Datei schreiben."""
    ### BEGIN SOLUTION
    with open(dateiname, "w") as datei:
        datei.write("t_ms,temp,light\\n")
        for t_ms, temp, licht in zeilen:
            datei.write(f"{t_ms},{temp},{licht}\\n")
    ### END SOLUTION''')
    nb.test("2_speichern", 3, """\
speichere_ = funktion("speichere")
speichere_("test_speichern.csv", [(1, 2.5, 3), (4, 5.5, 6)])
with open("test_speichern.csv") as f:
    inhalt = f.read()
pruefe_wahr(inhalt.startswith("t_ms,temp,light\\n"),
            f"Die Datei soll mit der Kopfzeile t_ms,temp,light beginnen. Sie beginnt mit {inhalt[:20]!r}.",
            tipp='Schreibe zuerst datei.write("t_ms,temp,light\\\\n").')
pruefe_gleich(inhalt, "t_ms,temp,light\\n1,2.5,3\\n4,5.5,6\\n", was="Inhalt der Datei",
              tipp='Jede Zeile braucht am Ende ein "\\\\n".')""", """\
speichere_("test_leer.csv", [])
with open("test_leer.csv") as f:
    pruefe_gleich(f.read(), "t_ms,temp,light\\n", was="Datei ohne Messungen", tipp="Die Kopfzeile gehört immer hinein.")
speichere_("test_drei.csv", [(0, -1.5, 0), (200, 0.0, 10), (400, 1.5, 20)])
import pandas as pd
geladen = pd.read_csv("test_drei.csv")
pruefe_gleich(list(geladen.columns), ["t_ms", "temp", "light"], was="Spalten der Datei")
pruefe_gleich(len(geladen), 3, was="Anzahl der Zeilen in der Datei")""")
    nb.md("""\
## Aufgabe 3: Eine CSV-Datei laden

Schreibe `lade(dateiname)`, die eine CSV-Datei mit `pd.read_csv(...)` als Tabelle (DataFrame) lädt.
Achtung, zwei Fallen: In Deutschland trennen manche Programme mit `;` – wir nicht! Und die erste Zeile
ist die Kopfzeile, keine Messung.""")
    nb.answer("3_laden", '''\
import pandas as pd


def lade(dateiname):
    """Eine CSV-Datei mit Kopfzeile als DataFrame laden."""
    ### BEGIN SOLUTION
    return pd.read_csv(dateiname)
    ### END SOLUTION''')
    nb.test("3_laden", 2, """\
lade_ = funktion("lade")
tabelle = lade_("wetterstation.csv")
pruefe_gleich(list(tabelle.columns), ["t_ms", "temp", "light"], was='Spalten von lade("wetterstation.csv")',
              tipp="Trennzeichen ist das Komma, und die erste Zeile enthält die Namen der Spalten.")
pruefe_gleich(len(tabelle), 48, was="Anzahl der Messungen", tipp="Die Kopfzeile ist keine Messung.")""", """\
with open("test_laden.csv", "w") as f:
    f.write("t_ms,temp,light\\n0,1.5,3\\n10,2.5,4\\n")
klein = lade_("test_laden.csv")
pruefe_gleich(len(klein), 2, was='len(lade("test_laden.csv"))')
pruefe_zahl(float(klein["temp"].sum()), 4.0, was="Summe der Temperaturen aus test_laden.csv")""")
    nb.code("""\
wetter = lade("wetterstation.csv")
plt.plot(wetter["t_ms"] / 3_600_000, wetter["temp"], marker="o")
plt.xlabel("Uhrzeit (Stunden)")
plt.ylabel("Temperatur (°C)")
plt.title("Ein Novembertag in Zeitz (simuliert)")
plt.show()""")
    finish(nb, """\
Jetzt gehen deine Messungen nicht mehr verloren. Öffne `meine_messung.csv` ruhig einmal mit einer
Tabellenkalkulation!""")


def diagramme(nb: Notebook, a: Assignment) -> None:
    header(nb, COURSE, a, """\
Ein gutes Diagramm erzählt auf einen Blick eine Geschichte. Ein schlechtes verwirrt – oder lügt sogar.
Heute machst du Diagramme, die etwas sagen: mit Titel, beschrifteten Achsen und Einheiten.""")
    nb.md("""\
## Die drei Regeln für gute Diagramme

1. **Ein Titel**, der sagt, worum es geht.
2. **Beschriftete Achsen mit Einheit**, z. B. „Temperatur (°C)“.
3. **Balken beginnen bei 0** – sonst sehen kleine Unterschiede riesig aus.

Die **simulierten Messwerte** zeigen einen Novembertag in Zeitz: alle 5 Minuten Temperatur und Licht.""")
    nb.code('daten = lade_beispiel("zeitz_november.csv")  # simulierte Messwerte\ndaten.head()')
    calliope_cell(nb, "zeitz_november.csv", ["temp", "light"], pause_ms=1000)
    nb.code("""\
# Ein Diagramm OHNE Beschriftung – was zeigt es eigentlich?
plt.plot(daten["t_ms"], daten["temp"])
plt.show()""")
    nb.md("""\
## Aufgabe 1: Ein Liniendiagramm, das etwas sagt

Schreibe `temperatur_diagramm(daten)`. Sie soll

* eine neue Zeichnung anlegen: `fig, ax = plt.subplots()`,
* die Temperatur über der Zeit **in Stunden** zeichnen (`daten["t_ms"] / 3_600_000`),
* einen Titel setzen (`ax.set_title(...)`) und beide Achsen beschriften (`ax.set_xlabel`, `ax.set_ylabel`),
  die y-Achse mit der Einheit °C,
* am Ende `ax` zurückgeben.""")
    nb.answer("1_linie", '''\
def temperatur_diagramm(daten):
    """Liniendiagramm der Temperatur über der Zeit in Stunden."""
    ### BEGIN SOLUTION
    fig, ax = plt.subplots()
    ax.plot(daten["t_ms"] / 3_600_000, daten["temp"])
    ax.set_title("Temperatur in Zeitz an einem Novembertag")
    ax.set_xlabel("Uhrzeit (Stunden)")
    ax.set_ylabel("Temperatur (°C)")
    return ax
    ### END SOLUTION''')
    nb.test("1_linie", 3, """\
linie_ = funktion("temperatur_diagramm")
tag = lade_beispiel("zeitz_november.csv")
ax = linie_(tag)
pruefe_wahr(hasattr(ax, "get_lines") and len(ax.get_lines()) >= 1,
            "temperatur_diagramm soll ax zurückgeben, und darin soll eine Linie sein.",
            tipp="fig, ax = plt.subplots(), dann ax.plot(...), am Ende return ax.")
pruefe_wahr(ax.get_title() != "", "Dein Diagramm hat noch keinen Titel.", tipp="ax.set_title(...)")
pruefe_wahr("°C" in ax.get_ylabel(), f"Die y-Achse soll die Einheit °C nennen. Sie heißt: {ax.get_ylabel()!r}.",
            tipp='ax.set_ylabel("Temperatur (°C)")')
pruefe_wahr(ax.get_xlabel() != "", "Die x-Achse hat noch keine Beschriftung.", tipp="ax.set_xlabel(...)")""", """\
x, y = ax.get_lines()[0].get_data()
pruefe_liste(list(y), list(tag["temp"]), was="Die Werte deiner Linie",
             tipp='Zeichne die Temperatur daten["temp"], nicht das Licht.')
pruefe_wahr(max(x) <= 24, f"Die Zeit soll in Stunden sein (0 bis 24), deine geht bis {max(x):.0f}.",
            tipp="Teile t_ms durch 3_600_000.")
plt.close("all")""")
    nb.code("temperatur_diagramm(daten)\nplt.show()")
    nb.md("""\
## Aufgabe 2: Mittelwert pro Stunde

288 Punkte sind viele. Übersichtlicher: ein Wert pro Stunde. Schreibe `stunden_mittel(daten)`, die für
jede Stunde (0 bis 23) die **mittlere** Temperatur ausrechnet.

*Tipp:* pandas kann gruppieren: `daten.groupby(stunde)["temp"].mean()`, wobei `stunde` die Zeit in
**ganzen** Stunden ist: `daten["t_ms"] // 3_600_000`.""")
    nb.answer("2_mittel", '''\
def stunden_mittel(daten):
    """Mittlere Temperatur für jede Stunde."""
    ### BEGIN SOLUTION
    stunde = daten["t_ms"] // 3_600_000
    return daten.groupby(stunde)["temp"].mean()
    ### END SOLUTION''')
    nb.test("2_mittel", 2, """\
mittel_ = funktion("stunden_mittel")
tag = lade_beispiel("zeitz_november.csv")
ergebnis = list(mittel_(tag))
pruefe_gleich(len(ergebnis), 24, was="Anzahl der Stunden", tipp="Ganze Stunden: t_ms // 3_600_000.")
soll = list(tag.groupby(tag["t_ms"] // 3_600_000)["temp"].mean())
pruefe_zahl(ergebnis[14], soll[14], was="Mittel um 14 Uhr", einheit="°C",
            tipp="Nimm den Mittelwert (.mean()), nicht die Summe oder das Maximum.")""", """\
import pandas as pd
klein = pd.DataFrame({"t_ms": [0, 1_800_000, 3_600_000], "temp": [1.0, 3.0, 10.0], "light": [0, 0, 0]})
pruefe_liste(list(mittel_(klein)), [2.0, 10.0], was="stunden_mittel(kleine Tabelle)")
pruefe_liste(list(mittel_(tag)), soll, was="stunden_mittel(ganzer Tag)")""")
    nb.md("""\
## Aufgabe 3: Ein ehrliches Balkendiagramm

Schreibe `balken_diagramm(mittel)`. `mittel` ist das Ergebnis von Aufgabe 2. Zeichne mit
`ax.bar(mittel.index, mittel.values)` einen Balken pro Stunde, setze Titel und Achsen – und sorge dafür,
dass die y-Achse **bei 0 beginnt** (`ax.set_ylim(bottom=0)`). Gib `ax` zurück.""")
    nb.answer("3_balken", '''\
def balken_diagramm(mittel):
    """Balkendiagramm der Stundenmittel, y-Achse ab 0."""
    ### BEGIN SOLUTION
    fig, ax = plt.subplots()
    ax.bar(mittel.index, mittel.values, color="tab:blue")
    ax.set_title("Mittlere Temperatur pro Stunde")
    ax.set_xlabel("Stunde")
    ax.set_ylabel("Temperatur (°C)")
    ax.set_ylim(bottom=0)
    return ax
    ### END SOLUTION''')
    nb.test("3_balken", 3, """\
balken_ = funktion("balken_diagramm")
tag = lade_beispiel("zeitz_november.csv")
mittel = tag.groupby(tag["t_ms"] // 3_600_000)["temp"].mean()
ax = balken_(mittel)
pruefe_wahr(hasattr(ax, "patches"), "balken_diagramm soll ax zurückgeben.", tipp="return ax")
pruefe_gleich(len(ax.patches), 24, was="Anzahl der Balken", tipp="ax.bar(...) zeichnet Balken, ax.plot(...) nur eine Linie.")
pruefe_wahr(ax.get_ylim()[0] <= 0, f"Die y-Achse beginnt bei {ax.get_ylim()[0]:.1f} statt bei 0. "
            "So sehen kleine Unterschiede riesig aus.", tipp="ax.set_ylim(bottom=0)")""", """\
hoehen = [p.get_height() for p in ax.patches]
pruefe_liste(hoehen, list(mittel), was="Höhen der Balken", tipp="Die Balken sind die Stundenmittel.")
pruefe_wahr(ax.get_title() != "" and ax.get_ylabel() != "", "Titel und y-Achse fehlen noch.")
plt.close("all")""")
    nb.code("""\
balken_diagramm(stunden_mittel(daten))
plt.show()""")
    nb.play("# Probier mal: Zeichne das Licht (daten[\"light\"]) als Liniendiagramm – mit Titel und Einheiten!\n")
    finish(nb, """\
Dein Balkendiagramm ist ehrlich: Es beginnt bei 0. Achte mal darauf, wie oft Diagramme in Zeitungen
oder Werbung das *nicht* tun!""")


def statistik(nb: Notebook, a: Assignment) -> None:
    header(nb, COURSE, a, """\
Mittelwert, Median, Standardabweichung – das klingt nach Mathebuch. Aber wenn du sie selbst
programmierst, verstehst du, was sie wirklich tun. Und warum ein kaputter Sensor den Mittelwert
ruinieren kann, den Median aber nicht.""")
    nb.md("""\
## Zwei Stunden im Klassenzimmer

Die **simulierten Messwerte** zeigen die Temperatur im Klassenzimmer, ein Wert pro Minute. Dreimal hatte
der Sensor einen Wackelkontakt – dann kamen unsinnige Werte wie 85 °C.""")
    nb.code('daten = lade_beispiel("klassenraum_temp.csv")  # simulierte Messwerte\ndaten.head()')
    calliope_cell(nb, "klassenraum_temp.csv", ["temp"], pause_ms=1000)
    nb.code("""\
plt.plot(daten["t_ms"] / 60_000, daten["temp"], marker=".")
plt.xlabel("Zeit (Minuten)")
plt.ylabel("Temperatur (°C)")
plt.title("Klassenzimmer mit Wackelkontakt")
plt.show()
print(f"Mittelwert: {daten['temp'].mean():.1f} °C – passt das zum Diagramm?")""")
    nb.md("""\
## Aufgabe 1: Der Median

Der **Median** ist der Wert in der Mitte, wenn man alle Werte sortiert. Bei einer geraden Anzahl gibt es
zwei Werte in der Mitte – dann ist der Median ihr Mittelwert.

* `[3, 1, 2]` → sortiert `[1, 2, 3]` → Median **2**
* `[4, 1, 3, 2]` → sortiert `[1, 2, 3, 4]` → Median **(2 + 3) / 2 = 2.5**

Schreibe `median(werte)` selbst – ohne fertige Median-Funktion. *Tipp:* `sorted(werte)` und `len(...) // 2`.""")
    nb.answer("1_median", '''\
def median(werte):
    """Der mittlere Wert der sortierten Liste."""
    ### BEGIN SOLUTION
    sortiert = sorted(werte)
    n = len(sortiert)
    mitte = n // 2
    if n % 2 == 1:
        return sortiert[mitte]
    return (sortiert[mitte - 1] + sortiert[mitte]) / 2
    ### END SOLUTION''')
    nb.test("1_median", 3, """\
median_ = funktion("median")
pruefe_zahl(median_([3, 1, 2]), 2, was="median([3, 1, 2])", tipp="Sortiere die Werte zuerst mit sorted(...).")
pruefe_zahl(median_([4, 1, 3, 2]), 2.5, was="median([4, 1, 3, 2])",
            tipp="Bei gerader Anzahl: Mittelwert der beiden mittleren Werte.")""", """\
pruefe_zahl(median_([7]), 7, was="median([7])")
pruefe_zahl(median_([5, 5, 1, 9, 100]), 5, was="median([5, 5, 1, 9, 100])")
pruefe_zahl(median_([10, 40, 20, 30]), 25, was="median([10, 40, 20, 30])")
temp = list(lade_beispiel("klassenraum_temp.csv")["temp"])
pruefe_zahl(median_(temp), float(lade_beispiel("klassenraum_temp.csv")["temp"].median()), was="median(Klassenzimmer)")""")
    nb.md("""\
## Aufgabe 2: Wie weit streuen die Werte?

Die **Standardabweichung** sagt, wie weit die Werte im Durchschnitt vom Mittelwert weg sind:

1. Mittelwert `m` ausrechnen.
2. Für jeden Wert `(wert - m) ** 2` ausrechnen und alle addieren.
3. Durch die **Anzahl** der Werte teilen.
4. Die Wurzel ziehen: `math.sqrt(...)`.

Schreibe `standardabweichung(werte)`. Beispiel: `[2, 4, 4, 4, 5, 5, 7, 9]` → 2.0""")
    nb.answer("2_streuung", '''\
import math


def standardabweichung(werte):
    """Wie weit die Werte um ihren Mittelwert streuen."""
    ### BEGIN SOLUTION
    m = sum(werte) / len(werte)
    summe = 0
    for wert in werte:
        summe = summe + (wert - m) ** 2
    return math.sqrt(summe / len(werte))
    ### END SOLUTION''')
    nb.test("2_streuung", 3, """\
std_ = funktion("standardabweichung")
pruefe_zahl(std_([2, 4, 4, 4, 5, 5, 7, 9]), 2.0, was="standardabweichung([2, 4, 4, 4, 5, 5, 7, 9])",
            tipp="Quadriere die Abstände, teile durch die Anzahl und zieh am Ende die Wurzel.")""", """\
pruefe_zahl(std_([5, 5, 5]), 0.0, was="standardabweichung([5, 5, 5])", tipp="Gleiche Werte streuen gar nicht.")
pruefe_zahl(std_([1, 3]), 1.0, was="standardabweichung([1, 3])")
pruefe_zahl(std_([0, 0, 0, 10]), 4.3301, was="standardabweichung([0, 0, 0, 10])", toleranz=0.001,
            tipp="(wert - m) ** 2 quadriert die Abstände.")""")
    nb.md("""\
## Aufgabe 3: Ausreißer finden

Ein **Ausreißer** ist ein Wert, der weit weg von den anderen liegt. Weil der Median sich von Ausreißern
nicht stören lässt, messen wir den Abstand zum Median. Schreibe `ausreisser(werte, grenze=3)`: Sie gibt
die **Positionen** (Indizes) aller Werte zurück, die **mehr als** `grenze` vom Median entfernt sind –
egal ob nach oben oder unten (`abs(...)`).

Hier darfst du den fertigen Median benutzen: `import statistics` und `statistics.median(werte)`.""")
    nb.answer("3_ausreisser", '''\
import statistics


def ausreisser(werte, grenze=3):
    """Positionen der Werte, die mehr als grenze vom Median entfernt sind."""
    ### BEGIN SOLUTION
    mitte = statistics.median(werte)
    positionen = []
    for i, wert in enumerate(werte):
        if abs(wert - mitte) > grenze:
            positionen.append(i)
    return positionen
    ### END SOLUTION''')
    nb.test("3_ausreisser", 3, """\
aus_ = funktion("ausreisser")
pruefe_gleich(aus_([20, 21, 85, 20.5], 3), [2], was="ausreisser([20, 21, 85, 20.5], 3)",
              tipp="Gesucht sind die Positionen (Indizes), nicht die Werte selbst.")""", """\
pruefe_gleich(aus_([20, -12.5, 21, 20, 55], 3), [1, 4], was="ausreisser([20, -12.5, 21, 20, 55], 3)",
              tipp="Auch zu kleine Werte sind Ausreißer: benutze abs(wert - median).")
pruefe_gleich(aus_([1, 2, 3], 10), [], was="ausreisser([1, 2, 3], 10)")
temp = list(lade_beispiel("klassenraum_temp.csv")["temp"])
pruefe_gleich(aus_(temp), [17, 64, 101], was="ausreisser(Klassenzimmer)")""")
    nb.code("""\
temp = list(daten["temp"])
kaputt = ausreisser(temp)
sauber = [w for i, w in enumerate(temp) if i not in kaputt]
print(f"Ausreißer an den Positionen {kaputt}")
print(f"Mittelwert mit Ausreißern:  {sum(temp) / len(temp):.2f} °C")
print(f"Mittelwert ohne Ausreißer:  {sum(sauber) / len(sauber):.2f} °C")
print(f"Median (mit Ausreißern):    {median(temp):.2f} °C")""")
    nb.md("""\
## Aufgabe 4: Der häufigste Wert

Der **Modalwert** ist der Wert, der am häufigsten vorkommt. Kommen mehrere Werte gleich oft vor, nimm
den **kleinsten** davon.

* `[1, 7, 2, 7, 3]` → **7** (kommt zweimal vor)
* `[5, 2, 5, 2, 9]` → 5 und 2 kommen beide zweimal vor → der kleinere: **2**

Schreibe `modalwert(werte)` selbst. *Tipp:* `werte.count(wert)` zählt, wie oft `wert` in der Liste steht.
Wenn du die Werte in `sorted(werte)`-Reihenfolge durchgehst, triffst du die kleinen Werte zuerst.""")
    nb.answer("4_modalwert", '''\
def modalwert(werte):
    """Der häufigste Wert (bei Gleichstand der kleinste)."""
    ### BEGIN SOLUTION
    bester = None
    for wert in sorted(werte):
        if bester is None or werte.count(wert) > werte.count(bester):
            bester = wert
    return bester
    ### END SOLUTION''')
    nb.test("4_modalwert", 2, """\
modal_ = funktion("modalwert")
pruefe_zahl(modal_([1, 7, 2, 7, 3]), 7, was="modalwert([1, 7, 2, 7, 3])",
            tipp="Gesucht ist der Wert, der am häufigsten vorkommt – nicht der in der Mitte.")""", """\
pruefe_zahl(modal_([5, 2, 5, 2, 9]), 2, was="modalwert([5, 2, 5, 2, 9])",
            tipp="Bei Gleichstand gewinnt der kleinste Wert: Geh die Werte sortiert durch.")
pruefe_zahl(modal_([4]), 4, was="modalwert([4])")
temp = lade_beispiel("klassenraum_temp.csv")["temp"]
gerundet = [round(t) for t in temp]
haeufigster = min(gerundet, key=lambda w: (-gerundet.count(w), w))
pruefe_zahl(modal_(gerundet), haeufigster, was="modalwert(gerundete Klassenzimmer-Temperaturen)")""")
    nb.code("""\
gerundet = [round(t) for t in temp]
print(f"Häufigste Temperatur (auf ganze Grad gerundet): {modalwert(gerundet)} °C")""")
    finish(nb, """\
Der Median ist **robust**: Drei kaputte Werte verschieben ihn kaum. Darum nehmen echte Messgeräte oft
den Median, wenn ein Sensor ab und zu Unsinn liefert.""")


def ereignisse(nb: Notebook, a: Assignment) -> None:
    header(nb, COURSE, a, """\
Ein Schrittzähler zählt Schritte, eine Alarmanlage merkt, wenn die Tür aufgeht. Beide machen dasselbe:
Sie suchen in einem Strom von Messwerten nach **Ereignissen**. Das programmierst du heute selbst.""")
    nb.md("""\
## Schritte im Beschleunigungssensor

Der Calliope spürt Beschleunigung in drei Richtungen x, y und z (in milli-g: 1000 = Erdanziehung).
Die **simulierten Messwerte** in `schritte.csv` stammen von einem Calliope in der Hosentasche,
50 Messungen pro Sekunde: erst Stehen, dann Gehen, dann wieder Stehen.

```python
from calliopemini import *
print("t_ms,x,y,z")
while True:
    print("{},{},{},{}".format(running_time(), accelerometer.get_x(),
                                accelerometer.get_y(), accelerometer.get_z()))
    sleep(20)
```""")
    nb.code('daten = lade_beispiel("schritte.csv")  # simulierte Messwerte\ndaten.head()')
    calliope_cell(nb, "schritte.csv", ["x", "y", "z"])
    nb.code("""\
for achse in ["x", "y", "z"]:
    plt.plot(daten["t_ms"] / 1000, daten[achse], label=achse)
plt.xlabel("Zeit (s)")
plt.ylabel("Beschleunigung (milli-g)")
plt.legend()
plt.show()""")
    nb.md("""\
## Aufgabe 1: Wie stark ist die Beschleunigung?

Welche Richtung der Calliope in der Tasche hat, wissen wir nicht. Darum rechnen wir die **Stärke**
aus, egal in welche Richtung: $\\sqrt{x^2 + y^2 + z^2}$ (der Satz des Pythagoras in 3D).

Schreibe `staerke(x, y, z)`. *Tipp:* `math.sqrt(...)` zieht die Wurzel, `x ** 2` ist x hoch 2.""")
    nb.answer("1_staerke", '''\
import math


def staerke(x, y, z):
    """Stärke der Beschleunigung, egal in welche Richtung."""
    ### BEGIN SOLUTION
    return math.sqrt(x ** 2 + y ** 2 + z ** 2)
    ### END SOLUTION''')
    nb.test("1_staerke", 2, """\
staerke_ = funktion("staerke")
pruefe_zahl(staerke_(0, -1000, 0), 1000, was="staerke(0, -1000, 0)",
            tipp="Die Stärke ist nie negativ: Quadriere erst, dann zieh die Wurzel.")
pruefe_zahl(staerke_(300, 400, 0), 500, was="staerke(300, 400, 0)", tipp="Wurzel aus 300² + 400².")""", """\
pruefe_zahl(staerke_(3, 4, 12), 13, was="staerke(3, 4, 12)", tipp="Alle drei Richtungen zählen.")
pruefe_zahl(staerke_(-300, -400, 0), 500, was="staerke(-300, -400, 0)")""")
    nb.md("""\
## Aufgabe 2: Schritte zählen

Bei jedem Schritt steigt die Stärke kurz über eine **Schwelle**. Ein Schritt ist der Moment, in dem
der Wert von *unter* der Schwelle auf *mindestens* die Schwelle springt. Solange er oben bleibt, ist
es derselbe Schritt!

Schreibe `zaehle_schritte(werte, schwelle)`. Beispiel mit Schwelle 1200:
`[900, 1400, 1500, 900, 1300, 800]` → **2** Schritte (bei 1400 und bei 1300).

*Tipp:* Vergleiche jeden Wert mit seinem Vorgänger: `werte[i - 1] < schwelle <= werte[i]`.""")
    nb.answer("2_schritte", '''\
def zaehle_schritte(werte, schwelle):
    """Wie oft steigt der Wert von unter der Schwelle auf mindestens die Schwelle?"""
    ### BEGIN SOLUTION
    schritte = 0
    for i in range(1, len(werte)):
        if werte[i - 1] < schwelle <= werte[i]:
            schritte = schritte + 1
    return schritte
    ### END SOLUTION''')
    nb.test("2_schritte", 3, """\
schritte_ = funktion("zaehle_schritte")
pruefe_zahl(schritte_([900, 1400, 1500, 900, 1300, 800], 1200), 2, toleranz=0,
            was="zaehle_schritte([900, 1400, 1500, 900, 1300, 800], 1200)",
            tipp="Zähle nur das Überschreiten der Schwelle, nicht jeden Wert darüber – und nicht das Herunterfallen.")""",
            """\
pruefe_zahl(schritte_([1300, 1300], 1200), 0, toleranz=0, was="zaehle_schritte([1300, 1300], 1200)",
            tipp="Ist der erste Wert schon oben, wurde kein neuer Schritt gemacht.")
pruefe_zahl(schritte_([1100, 1200], 1200), 1, toleranz=0, was="zaehle_schritte([1100, 1200], 1200)",
            tipp="Genau die Schwelle zählt schon: <= benutzen.")
gang = lade_beispiel("schritte.csv")
betrag = list(((gang["x"] ** 2 + gang["y"] ** 2 + gang["z"] ** 2) ** 0.5))
pruefe_zahl(schritte_(betrag, 1300), 16, toleranz=0, was="zaehle_schritte(Spaziergang, 1300)")""")
    nb.code("""\
betrag = [staerke(x, y, z) for x, y, z in zip(daten["x"], daten["y"], daten["z"])]
plt.plot(daten["t_ms"] / 1000, betrag)
plt.axhline(1300, color="gray", linestyle="--", label="Schwelle")
plt.xlabel("Zeit (s)")
plt.ylabel("Stärke (milli-g)")
plt.legend()
plt.show()
print("Schritte:", zaehle_schritte(betrag, 1300))""")
    nb.md("""\
## Tür auf!

Ein kleiner Magnet an der Tür, der Calliope am Türrahmen: Sein Kompass misst das Magnetfeld (in µT).
Ist die Tür zu, ist der Magnet nah und der Wert groß. Geht die Tür auf, fällt der Wert.
Die **simulierten Messwerte** in `tuer.csv` zeigen eine Stunde, alle 5 Sekunden ein Wert.

```python
from calliopemini import *
print("t_ms,magnet")
while True:
    # get_field_strength() misst in Nanotesla; geteilt durch 1000 ergibt Mikrotesla (µT)
    print("{},{}".format(running_time(), compass.get_field_strength() // 1000))
    sleep(5000)
```""")
    nb.code("""\
tuer = lade_beispiel("tuer.csv")  # simulierte Messwerte
plt.plot(tuer["t_ms"] / 60_000, tuer["magnet"])
plt.xlabel("Zeit (Minuten)")
plt.ylabel("Magnetfeld (µT)")
plt.show()""")
    nb.md("""\
## Aufgabe 3: Wann ging die Tür auf?

Schreibe `tuer_auf(zeiten_ms, magnet, schwelle)`. Sie gibt eine Liste der Zeitpunkte **in Sekunden**
zurück, an denen die Tür **aufging** – also der Wert von *mindestens* der Schwelle auf *unter* die
Schwelle fiel.

Beispiel: Zeiten `[0, 5000, 10000, 15000]`, Werte `[600, 50, 40, 610]`, Schwelle 300 → `[5.0]`.""")
    nb.answer("3_tuer", '''\
def tuer_auf(zeiten_ms, magnet, schwelle):
    """Zeitpunkte (in Sekunden), an denen der Wert unter die Schwelle fällt."""
    ### BEGIN SOLUTION
    zeitpunkte = []
    for i in range(1, len(magnet)):
        if magnet[i - 1] >= schwelle > magnet[i]:
            zeitpunkte.append(zeiten_ms[i] / 1000)
    return zeitpunkte
    ### END SOLUTION''')
    nb.test("3_tuer", 3, """\
tuer_ = funktion("tuer_auf")
pruefe_liste(tuer_([0, 5000, 10000, 15000], [600, 50, 40, 610], 300), [5.0],
             was="tuer_auf([0, 5000, 10000, 15000], [600, 50, 40, 610], 300)",
             tipp="Gesucht ist die Zeit in Sekunden, und nur der Moment, in dem die Tür aufgeht.")""", """\
pruefe_liste(tuer_([0, 5000, 10000], [40, 600, 30], 300), [10.0], was="tuer_auf([0, 5000, 10000], [40, 600, 30], 300)",
             tipp="War die Tür schon beim Start offen, zählt das nicht als Aufgehen.")
t = lade_beispiel("tuer.csv")
pruefe_liste(tuer_(list(t["t_ms"]), list(t["magnet"]), 300), [300.0, 1210.0, 2000.0, 2950.0],
             was="tuer_auf(eine Stunde Tür)")""")
    nb.code("""\
for sekunde in tuer_auf(list(tuer["t_ms"]), list(tuer["magnet"]), 300):
    print(f"Tür auf nach {sekunde // 60:.0f} min {sekunde % 60:.0f} s")""")
    finish(nb, """\
Schwelle, Vorgänger vergleichen, Zeitpunkt merken: Mit diesem Rezept erkennst du fast jedes Ereignis –
Klatschen, Licht an, Fenster auf.""")


def smart_region(nb: Notebook, a: Assignment) -> None:
    header(nb, COURSE, a, """\
Im Park stehen Sensoren im Beet: Sie messen Temperatur, Luftfeuchte und Licht. Strom gibt es dort nicht,
WLAN auch nicht. Sie funken mit **LoRaWAN** – sehr weit, mit sehr wenig Energie, aber nur mit **wenigen
Bytes** pro Nachricht. Heute packst du Messwerte in Bytes und holst sie wieder heraus.""")
    nb.md("""\
## Von der Pflanze ins Notebook

![Sensor im Park, Funk, Gateway, Server, Notebook](lorawan_weg.svg)

Text wie `"21.5,65,3200,97"` wären 15 Bytes. Es geht viel kürzer: Jede Nachricht unserer Parksensoren
hat genau **6 Bytes**:

![Byte 0 bis 1 Temperatur mal 10, Byte 2 Luftfeuchte, Byte 3 bis 4 Licht, Byte 5 Batterie](nachricht_bytes.svg)

* Die Temperatur wird **mal 10** genommen und als ganze Zahl in 2 Bytes gespeichert (mit Vorzeichen,
  denn im November wird es nachts kalt). 21,5 °C → 215.
* „Big-endian“: Das große Byte kommt zuerst – wie beim Lesen von Zahlen von links nach rechts.
* Bytes schreibt man oft als Hex-Text: jedes Byte zwei Zeichen von `00` bis `ff`.

Die **simulierten Messwerte** in `park_payloads.csv` sind drei Novembertage von drei Sensoren
(Rosengarten, Teich, Spielplatz), alle 30 Minuten eine Nachricht.""")
    nb.code('daten = lade_beispiel("park_payloads.csv")  # simulierte Messwerte\ndaten.head()')
    nb.code("""\
# So rechnet Python mit Bytes:
zahl = 215
b = zahl.to_bytes(2, "big", signed=True)
print(b, "=", b.hex())
print(int.from_bytes(bytes.fromhex("00d7"), "big", signed=True))""")
    nb.md("""\
## Aufgabe 1: Temperatur verpacken

Schreibe `kodiere_temperatur(temp)`: Temperatur mal 10, runden (`round`), dann mit
`.to_bytes(2, "big", signed=True)` in 2 Bytes verwandeln.

Beispiel: `kodiere_temperatur(21.5)` → `b'\\x00\\xd7'` (hex `00d7`).""")
    nb.answer("1_kodieren", '''\
def kodiere_temperatur(temp):
    """Temperatur → 2 Bytes (mal 10, mit Vorzeichen, big-endian)."""
    ### BEGIN SOLUTION
    return round(temp * 10).to_bytes(2, "big", signed=True)
    ### END SOLUTION''')
    nb.test("1_kodieren", 3, """\
kod_ = funktion("kodiere_temperatur", tipp="Minusgrade brauchen signed=True, und round(...) macht eine ganze Zahl.")
ergebnis = kod_(21.5)
pruefe_typ(ergebnis, bytes, was="kodiere_temperatur(21.5)", tipp='Benutze .to_bytes(2, "big", signed=True).')
pruefe_gleich(ergebnis.hex(), "00d7", was="kodiere_temperatur(21.5).hex()",
              tipp='21,5 mal 10 ist 215, das ist hex 00d7. "big" heißt: großes Byte zuerst.')
pruefe_gleich(kod_(-2.5).hex(), "ffe7", was="kodiere_temperatur(-2.5).hex()")""", """\
pruefe_gleich(kod_(0).hex(), "0000", was="kodiere_temperatur(0).hex()")
pruefe_gleich(kod_(12.34).hex(), "007b", was="kodiere_temperatur(12.34).hex()", tipp="Runde 123.4 auf 123.")
pruefe_gleich(kod_(-10.0).hex(), "ff9c", was="kodiere_temperatur(-10.0).hex()")""")
    nb.md("""\
### Dein Calliope als Parksensor (freiwillig)

Mit einem Calliope kannst du selbst ein Parksensor sein. Läuft dieses Programm auf dem Calliope, misst
die nächste Zelle 10 Sekunden lang; ohne Calliope nimmt sie die simulierten Messwerte aus
`mein_parksensor.csv`. Danach verpackt deine Funktion jede Temperatur in 2 Bytes.

```python
from calliopemini import *
print("t_ms,temp,light")
while True:
    print("{},{},{}".format(running_time(), temperature(), display.read_light_level()))
    sleep(1000)
```""")
    nb.code("""\
mein_sensor = calliope_oder_beispiel("mein_parksensor.csv", spalten=["temp", "light"], sekunden=10)
for temp in mein_sensor["temp"][:5]:
    print(f"{temp:5.1f} °C  →  {kodiere_temperatur(temp).hex()}")""")
    nb.md("""\
## Aufgabe 2: Eine ganze Nachricht entpacken

Schreibe `dekodiere(payload_hex)`. Sie bekommt den Hex-Text einer Nachricht und gibt ein Wörterbuch
zurück:

```python
{"temp": 21.5, "feuchte": 65, "licht": 3200, "batterie": 97}
```

*So geht's:* `b = bytes.fromhex(payload_hex)`. Dann ist `b[0:2]` die Temperatur
(`int.from_bytes(b[0:2], "big", signed=True) / 10`), `b[2]` die Feuchte, `b[3:5]` das Licht (ohne
Vorzeichen) und `b[5]` die Batterie.""")
    nb.answer("2_dekodieren", '''\
def dekodiere(payload_hex):
    """6 Bytes (als Hex-Text) → Wörterbuch mit temp, feuchte, licht, batterie."""
    ### BEGIN SOLUTION
    b = bytes.fromhex(payload_hex)
    return {
        "temp": int.from_bytes(b[0:2], "big", signed=True) / 10,
        "feuchte": b[2],
        "licht": int.from_bytes(b[3:5], "big"),
        "batterie": b[5],
    }
    ### END SOLUTION''')
    nb.test("2_dekodieren", 3, """\
dek_ = funktion("dekodiere", tipp="bytes.fromhex(payload_hex) macht aus dem Hex-Text Bytes.")
ergebnis = dek_("00d7410c8061")
pruefe_typ(ergebnis, dict, was='dekodiere("00d7410c8061")', tipp='Gib ein Wörterbuch zurück: {"temp": ..., ...}')
pruefe_zahl(ergebnis.get("temp"), 21.5, was='dekodiere("00d7410c8061")["temp"]', einheit="°C",
            tipp='int.from_bytes(b[0:2], "big", signed=True) / 10')
pruefe_zahl(ergebnis.get("feuchte"), 65, was='dekodiere("00d7410c8061")["feuchte"]', einheit="%")
pruefe_zahl(ergebnis.get("licht"), 3200, was='dekodiere("00d7410c8061")["licht"]', einheit="Lux",
            tipp='int.from_bytes(b[3:5], "big")')
pruefe_zahl(ergebnis.get("batterie"), 97, was='dekodiere("00d7410c8061")["batterie"]', einheit="%")""", """\
kalt = dek_("ffe75a000040")
pruefe_zahl(kalt.get("temp"), -2.5, was='dekodiere("ffe75a000040")["temp"]', einheit="°C",
            tipp="Minusgrade: signed=True beim Entpacken der Temperatur.")
pruefe_zahl(kalt.get("licht"), 0, was='dekodiere("ffe75a000040")["licht"]')
erste = lade_beispiel("park_payloads.csv")["payload"][0]
pruefe_zahl(dek_(erste).get("temp"), int.from_bytes(bytes.fromhex(erste)[:2], "big", signed=True) / 10,
            was="Temperatur der ersten Nachricht im Park")""")
    nb.md("Jetzt entpacken wir alle Nachrichten aus dem Park und zeichnen den **Tagesgang** der Temperatur:")
    nb.code("""\
import pandas as pd

werte = pd.DataFrame([dekodiere(p) for p in daten["payload"]])
park = pd.concat([daten, werte], axis=1)
park["zeit"] = pd.to_datetime(park["zeit"])
for sensor, gruppe in park.groupby("sensor"):
    plt.plot(gruppe["zeit"], gruppe["temp"], label=sensor)
plt.ylabel("Temperatur (°C)")
plt.title("Drei Novembertage im Park (simuliert)")
plt.legend()
plt.gcf().autofmt_xdate()
plt.show()""")
    nb.code("""\
# Der Tagesgang: Mittel über alle Tage und Sensoren, für jede Uhrzeit
tagesgang = park.groupby(park["zeit"].dt.hour)["temp"].mean()
plt.bar(tagesgang.index, tagesgang.values)
plt.xlabel("Uhrzeit (Stunde)")
plt.ylabel("Temperatur (°C)")
plt.title("Wann ist es im Park am wärmsten?")
plt.show()
print("Am wärmsten um", tagesgang.idxmax(), "Uhr, am kältesten um", tagesgang.idxmin(), "Uhr.")""")
    nb.md("""\
## Aufgabe 3: Wie viele Daten am Tag?

Funk ist knapp: Jeder Sensor darf nur kurz senden. Schreibe
`bytes_pro_tag(sensoren, minuten_abstand, bytes_pro_nachricht)`: Wie viele Bytes schicken **alle**
Sensoren zusammen an **einem Tag** (24 Stunden)? Nur ganze Nachrichten zählen: `//` teilt ohne Rest.

Beispiel: 3 Sensoren, alle 30 Minuten, 6 Bytes → 3 · 48 · 6 = **864** Bytes.""")
    nb.answer("3_bytes", '''\
def bytes_pro_tag(sensoren, minuten_abstand, bytes_pro_nachricht):
    """Alle Bytes aller Sensoren an einem Tag."""
    ### BEGIN SOLUTION
    nachrichten = 24 * 60 // minuten_abstand
    return sensoren * nachrichten * bytes_pro_nachricht
    ### END SOLUTION''')
    nb.test("3_bytes", 2, """\
bpt_ = funktion("bytes_pro_tag")
pruefe_zahl(bpt_(3, 30, 6), 864, toleranz=0, was="bytes_pro_tag(3, 30, 6)",
            tipp="Ein Tag hat 24 * 60 Minuten. Und alle Sensoren senden.")""", """\
pruefe_zahl(bpt_(1, 60, 6), 144, toleranz=0, was="bytes_pro_tag(1, 60, 6)")
pruefe_zahl(bpt_(10, 15, 6), 5760, toleranz=0, was="bytes_pro_tag(10, 15, 6)")
pruefe_zahl(bpt_(1, 7, 1), 205, toleranz=0, was="bytes_pro_tag(1, 7, 1)", tipp="Nur ganze Nachrichten: 24 * 60 // 7.")""")
    nb.code("""\
print("Unser Park:", bytes_pro_tag(3, 30, 6), "Bytes am Tag")
print("Als Text wären es:", bytes_pro_tag(3, 30, 15), "Bytes am Tag")""")
    finish(nb, """\
So arbeiten echte Sensornetze in Städten und Dörfern: Bodenfeuchte im Park, Füllstand im Mülleimer,
freie Parkplätze. Jedes Byte zählt – und du weißt jetzt, wie man Messwerte hineinpackt.""")


COURSE = Course(
    id="daten",
    title="Daten loggen und auswerten",
    order=3,
    age="12-16",
    description=("Messwerte vom Calliope live zeichnen, als CSV speichern, ehrliche Diagramme bauen, "
                 "Statistik selbst programmieren, Schritte und Türöffnungen erkennen und "
                 "LoRaWAN-Nachrichten aus einem Sensorgarten im Park entschlüsseln."),
    materials=["Calliope mini", "USB-Kabel", "kleiner Magnet (für die Tür)", "Klebeband"],
    assignments=[
        Assignment("01_live", "Live-Daten plotten", 35, "12-14", BASE, live),
        Assignment("02_csv", "CSV speichern und laden", 40, "12-15", BASE, csv_speichern),
        Assignment("03_diagramme", "Diagramme, die etwas sagen", 40, "12-16", BASE, diagramme),
        Assignment("04_statistik", "Statistik selbst programmiert", 45, "13-16", BASE, statistik),
        Assignment("05_ereignisse", "Ereignisse erkennen (Schritte, Tür auf)", 45, "13-16",
                   [*BASE, "kleiner Magnet", "Klebeband"], ereignisse),
        Assignment("06_smart_region", "Smart Region: Sensoren im Park (LoRaWAN)", 45, "14-16",
                   [], smart_region),
    ],
)
