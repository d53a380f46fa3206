# ruff: noqa: E501 - one table row per wrong answer reads best on one line
'''Typical wrong answers per exercise: (assignment, answer key) -> two (cell source, expected message part).

Each snippet replaces the whole answer cell ``loesung_<key>`` of the released notebook; ``falsch1`` gets
the first snippet of every exercise, ``falsch2`` the second. The expected text must appear in the output
of the exercise's test cell ``test_<key>`` after autograding, and the cell must lose its points.
'''

SENSOREN = {
    ("01_spannung", "1_spannung"): [
        ("def spannung(wert):\n    return wert * 3.3", "spannung(1023): Erwartet wurde 3.3 V"),
        ("def spannung(wert):\n    return wert / 1024 * 3.3", "Tipp: Der größte Wert 1023 gehört zu 3,3 V"),
    ],
    ("01_spannung", "2_rohwert"): [
        ("def rohwert(volt):\n    return volt / 3.3 * 1023", "rohwert(3.3): Erwartet wurde eine ganze Zahl (int)"),
        ("def rohwert(volt):\n    return round(volt * 1023)", "rohwert(3.3): Erwartet wurde 1023, dein Ergebnis ist 3376"),
    ],
    ("01_spannung", "3_zustand"): [
        ('def zustand(volt):\n    if volt > 2.8:\n        return "voll"\n    elif volt > 2.2:\n'
         '        return "halb"\n    return "leer"', "zustand(2.8): Erwartet wurde 'voll'"),
        ('def zustand(volt):\n    if volt >= 2.2:\n        return "halb"\n    elif volt >= 2.8:\n'
         '        return "voll"\n    return "leer"', "zustand(3.0): Erwartet wurde 'voll', dein Ergebnis ist 'halb'"),
    ],
    ("02_spannungsteiler", "1_teiler"): [
        ("def teiler(u_ein, r1, r2):\n    return u_ein * r1 / (r1 + r2)", "teiler(3.3, 10000, 20000): Erwartet wurde 2.2 V"),
        ("def teiler(u_ein, r1, r2):\n    return u_ein * r2 / r1", "teiler(3.3, 10000, 10000): Erwartet wurde 1.65 V"),
    ],
    ("02_spannungsteiler", "2_strom"): [
        ("def strom_ma(u_ein, r1, r2):\n    return u_ein / (r1 + r2)", "Tipp: Teile durch r1 + r2 und nimm mal 1000"),
        ("def strom_ma(u_ein, r1, r2):\n    return u_ein / r1 * 1000", "strom_ma(3.3, 1000, 2300): Erwartet wurde 1 mA"),
    ],
    ("02_spannungsteiler", "3_bester"): [
        ("def bester_r2(ziel, r1, auswahl):\n    return min(auswahl)", "Erwartet wurde 10000, dein Ergebnis ist 1000."),
        ("def bester_r2(ziel, r1, auswahl):\n    bester = auswahl[0]\n    for r2 in auswahl:\n"
         "        if abs(3.3 * r1 / (r1 + r2) - ziel) < abs(3.3 * r1 / (r1 + bester) - ziel):\n"
         "            bester = r2\n    return bester", "bester_r2(1.0, 10000, kiste): Erwartet wurde 4700"),
    ],
    ("03_lichtsensor", "1_dunkel"): [
        ("def ist_dunkel(wert, schwelle=300):\n    return wert > schwelle", "ist_dunkel(100): Erwartet wurde True, dein Ergebnis ist False"),
        ('def ist_dunkel(wert, schwelle=300):\n    return "dunkel" if wert < schwelle else "hell"',
         "ist_dunkel(100): Erwartet wurde True, dein Ergebnis ist 'dunkel'"),
    ],
    ("03_lichtsensor", "2_prozent"): [
        ("def prozent(wert):\n    return wert / 1023", "prozent(1023): Erwartet wurde 100, dein Ergebnis ist 1."),
        ("def prozent(wert):\n    return wert / 1023 * 100", "prozent(512): Erwartet wurde 50"),
    ],
    ("03_lichtsensor", "3_anteil"): [
        ("def dunkel_anteil(werte, schwelle):\n    return sum(1 for w in werte if w >= schwelle) / len(werte) * 100",
         "dunkel_anteil([100, 900, 950, 990], 300): Erwartet wurde 25, dein Ergebnis ist 75"),
        ("def dunkel_anteil(werte, schwelle):\n    return sum(1 for w in werte if w < schwelle)",
         "dunkel_anteil([100, 900, 950, 990], 300): Erwartet wurde 25, dein Ergebnis ist 1."),
    ],
    ("04_bodenfeuchte", "1_prozent"): [
        ("def feuchte_prozent(wert, trocken=200, nass=800):\n    return (wert - trocken) / (nass - trocken) * 100",
         "Tipp: Begrenze mit min(100, ...) auf 100 %"),
        ("def feuchte_prozent(wert, trocken=200, nass=800):\n    return wert / nass * 100",
         "feuchte_prozent(200): Erwartet wurde 0"),
    ],
    ("04_bodenfeuchte", "2_tage"): [
        ("def tage_bis_trocken(jetzt, verlust_pro_tag, grenze=30):\n    return int((jetzt - grenze) / verlust_pro_tag)",
         "tage_bis_trocken(75, 10): Erwartet wurde 5, dein Ergebnis ist 4"),
        ("def tage_bis_trocken(jetzt, verlust_pro_tag, grenze=30):\n    return jetzt / verlust_pro_tag",
         "tage_bis_trocken(80, 10): Erwartet wurde 5, dein Ergebnis ist 8"),
    ],
    ("04_bodenfeuchte", "3_giessen"): [
        ("def giess_zeitpunkte(werte):\n    return [werte[i] for i in range(1, len(werte)) if werte[i] - werte[i - 1] > 100]",
         "Erwartet wurde [3], dein Ergebnis ist [700]"),
        ("def giess_zeitpunkte(werte):\n    return [i for i in range(1, len(werte)) if werte[i - 1] - werte[i] > 100]",
         "Erwartet wurde [3], dein Ergebnis ist []"),
    ],
    ("05_thermometer", "1_abweichung"): [
        ("def mittlere_abweichung(calliope, referenz):\n    return sum(r - c for c, r in zip(calliope, referenz)) / len(calliope)",
         "Erwartet wurde 2.5 °C, dein Ergebnis ist -2.5 °C"),
        ("def mittlere_abweichung(calliope, referenz):\n    return calliope[0] - referenz[0]",
         "Erwartet wurde 2.5 °C, dein Ergebnis ist 2 °C"),
    ],
    ("05_thermometer", "2_kalibrierung"): [
        ("def kalibrierung(roh1, echt1, roh2, echt2):\n    m = (roh2 - roh1) / (echt2 - echt1)\n"
         "    return m, echt1 - m * roh1", "m bei kalibrierung(3, 0, 27, 20): Erwartet wurde 0.8333"),
        ("def kalibrierung(roh1, echt1, roh2, echt2):\n    m = (echt2 - echt1) / (roh2 - roh1)\n    return m, echt1",
         "b bei kalibrierung(3, 0, 33, 30): Erwartet wurde -3"),
    ],
    ("05_thermometer", "3_liste"): [
        ("def kalibriere_liste(werte, m, b):\n    return [round((w - b) / m, 1) for w in werte]",
         "An Stelle 0 wurde 17 erwartet, bei dir steht 23"),
        ("def kalibriere_liste(werte, m, b):\n    return [round(m * w, 1) for w in werte]",
         "An Stelle 0 wurde 17 erwartet, bei dir steht 20"),
    ],
    ("06_rauschen", "1_mittelwert"): [
        ("def mittelwert(werte):\n    return sum(werte) / (len(werte) - 1)", "mittelwert([1, 2, 3, 4]): Erwartet wurde 2.5"),
        ("def mittelwert(werte):\n    return sum(werte)", "mittelwert([1, 2, 3, 4]): Erwartet wurde 2.5, dein Ergebnis ist 10"),
    ],
    ("06_rauschen", "2_spannweite"): [
        ("def spannweite(werte):\n    return min(werte) - max(werte)", "spannweite([3, 9, 4]): Erwartet wurde 6, dein Ergebnis ist -6"),
        ("def spannweite(werte):\n    return max(werte)", "spannweite([3, 9, 4]): Erwartet wurde 6, dein Ergebnis ist 9"),
    ],
    ("06_rauschen", "3_gleitend"): [
        ("def gleitender_mittelwert(werte, n):\n    return [sum(werte[i:i + n]) / n for i in range(len(werte) - n)]",
         "Erwartet wurden 4 Werte, deine Liste hat 3"),
        ("def gleitender_mittelwert(werte, n):\n    return [sum(werte[:i + 1]) / (i + 1) for i in range(len(werte))]",
         "Erwartet wurden 4 Werte, deine Liste hat 5"),
    ],
    ("06_rauschen", "4_einschalten"): [
        ("def einschaltpunkt(werte, schwelle):\n    for w in werte:\n        if w > schwelle:\n            return w\n    return None",
         "einschaltpunkt([100, 110, 105, 400, 410], 300): Erwartet wurde 3, dein Ergebnis ist 400"),
        ("def einschaltpunkt(werte, schwelle):\n    for i in range(len(werte)):\n        if werte[i] >= schwelle:\n            return i\n    return None",
         "einschaltpunkt([300, 301], 300): Erwartet wurde 1, dein Ergebnis ist 0"),
    ],
}

DATEN = {
    ("01_live", "1_zeile"): [
        ('def zeile_lesen(zeile):\n    return tuple(zeile.split(","))',
         "Erwartet wurde (1234, 21.5, 128), dein Ergebnis ist ('1234', '21.5', '128')"),
        ('def zeile_lesen(zeile):\n    a, b, c = zeile.split(",")\n    return int(a), int(b), int(c)',
         "ist ein Fehler passiert: ValueError"),
    ],
    ("01_live", "2_sekunden"): [
        ("def sekunden(zeiten_ms):\n    return [t / 1000 for t in zeiten_ms]", "An Stelle 0 wurde 0 erwartet, bei dir steht 5"),
        ("def sekunden(zeiten_ms):\n    return [(t - zeiten_ms[0]) / 100 for t in zeiten_ms]",
         "An Stelle 1 wurde 0.2 erwartet, bei dir steht 2"),
    ],
    ("01_live", "3_gueltig"): [
        ('def ist_gueltig(zeile):\n    return zeile.count(",") == 2', 'ist_gueltig("1,x,3"): Erwartet wurde False'),
        ("def ist_gueltig(zeile):\n    return True", 'ist_gueltig("34,128"): Erwartet wurde False'),
    ],
    ("02_csv", "1_zeile"): [
        ('def als_csv_zeile(t_ms, temp, licht):\n    return f"{t_ms}, {temp}, {licht}"',
         "dein Ergebnis ist '1234, 21.5, 128'"),
        ('def als_csv_zeile(t_ms, temp, licht):\n    return f"{t_ms};{temp};{licht}"', "dein Ergebnis ist '1234;21.5;128'"),
    ],
    ("02_csv", "2_speichern"): [
        ('def speichere(dateiname, zeilen):\n    with open(dateiname, "w") as datei:\n        for z in zeilen:\n'
         '            datei.write(f"{z[0]},{z[1]},{z[2]}\\n")', "Die Datei soll mit der Kopfzeile t_ms,temp,light beginnen"),
        ('def speichere(dateiname, zeilen):\n    with open(dateiname, "w") as datei:\n'
         '        datei.write("t_ms,temp,light\\n")\n        for z in zeilen:\n'
         '            datei.write(f"{z[0]},{z[1]},{z[2]}")', "Inhalt der Datei: Erwartet wurde"),
    ],
    ("02_csv", "3_laden"): [
        ('import pandas as pd\n\ndef lade(dateiname):\n    return pd.read_csv(dateiname, sep=";")',
         "Erwartet wurde ['t_ms', 'temp', 'light'], dein Ergebnis ist ['t_ms,temp,light']"),
        ("import pandas as pd\n\ndef lade(dateiname):\n    return pd.read_csv(dateiname, header=None)",
         "Erwartet wurde ['t_ms', 'temp', 'light'], dein Ergebnis ist [0, 1, 2]"),
    ],
    ("03_diagramme", "1_linie"): [
        ('def temperatur_diagramm(daten):\n    fig, ax = plt.subplots()\n'
         '    ax.plot(daten["t_ms"] / 3_600_000, daten["temp"])\n    return ax', "Dein Diagramm hat noch keinen Titel."),
        ('def temperatur_diagramm(daten):\n    fig, ax = plt.subplots()\n'
         '    ax.plot(daten["t_ms"] / 3_600_000, daten["light"])\n    ax.set_title("Licht")\n'
         '    ax.set_xlabel("Zeit (h)")\n    ax.set_ylabel("Temperatur (°C)")\n    return ax', "Die Werte deiner Linie: An Stelle"),
    ],
    ("03_diagramme", "2_mittel"): [
        ('def stunden_mittel(daten):\n    return daten.groupby(daten["t_ms"] // 3_600_000)["temp"].sum()',
         "Mittel um 14 Uhr: Erwartet wurde"),
        ('def stunden_mittel(daten):\n    return daten.groupby(daten["t_ms"] // 3_600_000)["temp"].max()',
         "Tipp: Nimm den Mittelwert (.mean())"),
    ],
    ("03_diagramme", "3_balken"): [
        ('def balken_diagramm(mittel):\n    fig, ax = plt.subplots()\n    ax.plot(mittel.index, mittel.values)\n'
         '    ax.set_title("T")\n    ax.set_ylabel("°C")\n    ax.set_ylim(bottom=0)\n    return ax',
         "Anzahl der Balken: Erwartet wurde 24, dein Ergebnis ist 0"),
        ('def balken_diagramm(mittel):\n    fig, ax = plt.subplots()\n    ax.bar(mittel.index, mittel.values)\n'
         '    ax.set_title("T")\n    ax.set_ylabel("°C")\n    ax.set_ylim(min(mittel), max(mittel))\n    return ax',
         "statt bei 0. So sehen kleine Unterschiede riesig aus"),
    ],
    ("04_statistik", "1_median"): [
        ("def median(werte):\n    return werte[len(werte) // 2]", "median([3, 1, 2]): Erwartet wurde 2, dein Ergebnis ist 1"),
        ("def median(werte):\n    return sorted(werte)[len(werte) // 2]", "median([4, 1, 3, 2]): Erwartet wurde 2.5, dein Ergebnis ist 3"),
    ],
    ("04_statistik", "2_streuung"): [
        ("def standardabweichung(werte):\n    m = sum(werte) / len(werte)\n"
         "    return sum((w - m) ** 2 for w in werte) / len(werte)", "Erwartet wurde 2, dein Ergebnis ist 4"),
        ("def standardabweichung(werte):\n    m = sum(werte) / len(werte)\n"
         "    return sum(abs(w - m) for w in werte) / len(werte)", "Erwartet wurde 2, dein Ergebnis ist 1.5"),
    ],
    ("04_statistik", "3_ausreisser"): [
        ("import statistics\n\ndef ausreisser(werte, grenze=3):\n    m = statistics.median(werte)\n"
         "    return [w for w in werte if abs(w - m) > grenze]", "Erwartet wurde [2], dein Ergebnis ist [85]"),
        ("import statistics\n\ndef ausreisser(werte, grenze=3):\n    m = statistics.median(werte)\n"
         "    return [i for i, w in enumerate(werte) if w - m > grenze]", "Auch zu kleine Werte sind Ausreißer"),
    ],
    ("04_statistik", "4_modalwert"): [
        ("def modalwert(werte):\n    return sorted(werte)[len(werte) // 2]", "modalwert([1, 7, 2, 7, 3]): Erwartet wurde 7, dein Ergebnis ist 3"),
        ("def modalwert(werte):\n    return max(werte, key=werte.count)", "modalwert([5, 2, 5, 2, 9]): Erwartet wurde 2, dein Ergebnis ist 5"),
    ],
    ("05_ereignisse", "1_staerke"): [
        ("def staerke(x, y, z):\n    return x + y + z", "staerke(0, -1000, 0): Erwartet wurde 1000, dein Ergebnis ist -1000"),
        ("def staerke(x, y, z):\n    return x ** 2 + y ** 2 + z ** 2", "staerke(0, -1000, 0): Erwartet wurde 1000, dein Ergebnis ist 1e+06"),
    ],
    ("05_ereignisse", "2_schritte"): [
        ("def zaehle_schritte(werte, schwelle):\n    return sum(1 for w in werte if w >= schwelle)",
         "Erwartet wurde 2, dein Ergebnis ist 3"),
        ("def zaehle_schritte(werte, schwelle):\n    return sum(1 for i in range(1, len(werte))\n"
         "               if (werte[i - 1] < schwelle) != (werte[i] < schwelle))", "Erwartet wurde 2, dein Ergebnis ist 4"),
    ],
    ("05_ereignisse", "3_tuer"): [
        ("def tuer_auf(zeiten_ms, magnet, schwelle):\n"
         "    return [i for i in range(1, len(magnet)) if magnet[i - 1] >= schwelle > magnet[i]]",
         "An Stelle 0 wurde 5 erwartet, bei dir steht 1"),
        ("def tuer_auf(zeiten_ms, magnet, schwelle):\n"
         "    return [t / 1000 for t, m in zip(zeiten_ms, magnet) if m < schwelle]",
         "Erwartet wurden 1 Werte, deine Liste hat 2"),
    ],
    ("06_smart_region", "1_kodieren"): [
        ('def kodiere_temperatur(temp):\n    return round(temp * 10).to_bytes(2, "little", signed=True)',
         "Erwartet wurde '00d7', dein Ergebnis ist 'd700'"),
        ('def kodiere_temperatur(temp):\n    return round(temp * 10).to_bytes(2, "big")',
         "kodiere_temperatur(-2.5) ist ein Fehler passiert: OverflowError"),
    ],
    ("06_smart_region", "2_dekodieren"): [
        ('def dekodiere(payload_hex):\n    b = bytes.fromhex(payload_hex)\n'
         '    return {"temp": int.from_bytes(b[0:2], "big") / 10, "feuchte": b[2],\n'
         '            "licht": int.from_bytes(b[3:5], "big"), "batterie": b[5]}',
         "Erwartet wurde -2.5 °C, dein Ergebnis ist 6551.1 °C"),
        ('def dekodiere(payload_hex):\n    b = bytes.fromhex(payload_hex)\n'
         '    return {"temp": int.from_bytes(b[0:2], "little", signed=True) / 10, "feuchte": b[2],\n'
         '            "licht": int.from_bytes(b[3:5], "big"), "batterie": b[5]}',
         "Erwartet wurde 21.5 °C, dein Ergebnis ist -1049.6 °C"),
    ],
    ("06_smart_region", "3_bytes"): [
        ("def bytes_pro_tag(sensoren, minuten_abstand, bytes_pro_nachricht):\n"
         "    return sensoren * (60 // minuten_abstand) * bytes_pro_nachricht", "Erwartet wurde 864, dein Ergebnis ist 36"),
        ("def bytes_pro_tag(sensoren, minuten_abstand, bytes_pro_nachricht):\n"
         "    return 24 * 60 // minuten_abstand * bytes_pro_nachricht", "Erwartet wurde 864, dein Ergebnis ist 288"),
    ],
}

WRONG_ANSWERS = {"sensoren": SENSOREN, "daten": DATEN}
