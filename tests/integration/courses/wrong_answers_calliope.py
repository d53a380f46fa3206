# ruff: noqa: E501 - one table row per wrong answer reads best on one line
'''Typical wrong answers of the course ``calliope``: (assignment, answer key) -> two (cell source, message part).

Same shape as ``wrong_answers.py``: each snippet replaces the whole answer cell ``loesung_<key>`` of the
released notebook (device programs keep their ``%%programm NAME`` first line); ``falsch1`` gets the first
snippet of every exercise, ``falsch2`` the second. The message part must appear in the output of
``test_<key>`` after autograding, and the cell must lose its points.
'''

P = "%%programm {}\nfrom calliopemini import *\n"


def prog(name: str, body: str) -> str:
    """A device answer cell: the magic line, the import, then ``body``."""
    return P.format(name) + body


LOOP = "while True:\n{}\n    sleep(20)"

CALLIOPE = {
    ("01_bilder", "1_herz"): [
        (prog("herz", "display.show(Image.HAPPY)"), "sollte ein Herz (Image.HEART) zu sehen sein, es war aber: ein fröhliches Gesicht (Image.HAPPY)"),
        (prog("herz", 'display.show("HEART")'), "es war aber: der Buchstabe H"),
    ],
    ("01_bilder", "2_lauftext"): [
        (prog("lauftext", 'display.show("Calli")\ndisplay.show(Image.HAPPY)'), "Für einen Lauftext nimm display.scroll(...)"),
        (prog("lauftext", 'display.scroll("calli")\ndisplay.show(Image.HAPPY)'), "Der Lauftext 'Calli' ist nicht über die Anzeige gelaufen. Tipp: Schreibe display.scroll"),
    ],
    ("01_bilder", "3_haus"): [
        (prog("haus", 'display.show(Image("00900:09990:99999:09090:00000"))'), "In Zeile y = 4 stimmt es nicht: erwartet .###., bei dir ....."),
        (prog("haus", 'display.show(Image("09990:09090:99999:09990:00900"))'), "In Zeile y = 0 stimmt es nicht"),
    ],
    ("02_knoepfe", "1_gesicht"): [
        (prog("gesicht", "display.show(Image.SAD)\n" + LOOP.format("    if button_a.is_pressed():\n        display.show(Image.HAPPY)")),
         "Nach dem Loslassen von A (nach 2,5 s) sollte ein trauriges Gesicht (Image.SAD) zu sehen sein"),
        (prog("gesicht", "if button_a.is_pressed():\n    display.show(Image.HAPPY)\nelse:\n    display.show(Image.SAD)"),
         "Während A gedrückt ist (nach 1,5 s), sollte ein fröhliches Gesicht (Image.HAPPY) zu sehen sein, es war aber: ein trauriges Gesicht"),
    ],
    ("02_knoepfe", "2_pfeile"): [
        (prog("pfeile", LOOP.format("    if button_a.is_pressed():\n        display.show(Image.ARROW_E)\n    elif button_b.is_pressed():\n        display.show(Image.ARROW_W)\n    else:\n        display.clear()")),
         "es war aber: ein Pfeil nach rechts (Image.ARROW_E)"),
        (prog("pfeile", LOOP.format("    if button_a.is_pressed():\n        display.show(Image.ARROW_W)\n    elif button_b.is_pressed():\n        display.show(Image.ARROW_E)")),
         "Nach dem Loslassen von A (nach 1,8 s) sollte nichts (alle LEDs aus) zu sehen sein"),
    ],
    ("02_knoepfe", "3_beide"): [
        (prog("beide", LOOP.format('    if button_a.is_pressed():\n        display.show("A")\n    elif button_b.is_pressed():\n        display.show("B")\n'
                                   '    elif button_a.is_pressed() and button_b.is_pressed():\n        display.show(Image.HEART)\n    else:\n        display.clear()')),
         "sollte ein Herz (Image.HEART) zu sehen sein, es war aber: der Buchstabe A. Tipp: Frag zuerst, ob beide gedrückt sind"),
        (prog("beide", LOOP.format('    if button_a.is_pressed() or button_b.is_pressed():\n        display.show(Image.HEART)\n    elif button_a.is_pressed():\n        display.show("A")\n'
                                   '    elif button_b.is_pressed():\n        display.show("B")\n    else:\n        display.clear()')),
         "Wenn nur A gedrückt ist (nach 1,2 s), sollte der Buchstabe A zu sehen sein, es war aber: ein Herz"),
    ],
    ("03_schleifen", "1_blinken"): [
        (prog("blinken", "while True:\n    display.show(Image.HEART)\n    sleep(500)"), "Nach 0,75 s sollte nichts (alle LEDs aus) zu sehen sein, es war aber: ein Herz"),
        (prog("blinken", "display.show(Image.HEART)\nsleep(500)\ndisplay.clear()\nsleep(500)"), "Nach 1,25 s sollte ein Herz (Image.HEART) zu sehen sein, es war aber: nichts"),
    ],
    ("03_schleifen", "2_countdown"): [
        (prog("countdown", "for zahl in range(5):\n    display.show(zahl)\n    sleep(1000)\ndisplay.show(Image.YES)"), "Nach 0,5 s sollte die Ziffer 5 zu sehen sein, es war aber: die Ziffer 0"),
        (prog("countdown", "for zahl in range(5, 0, -1):\n    display.show(zahl)\ndisplay.show(Image.YES)"), "Nach 0,5 s sollte die Ziffer 5 zu sehen sein, es war aber: ein Haken (Image.YES)"),
    ],
    ("03_schleifen", "3_lauflicht"): [
        (prog("lauflicht", "while True:\n    for x in range(5):\n        display.clear()\n        display.set_pixel(0, x, 9)\n        sleep(200)"), "Nach 0,3 s sollten diese LEDs (x, y) leuchten: (1, 0). Bei dir leuchten: (0, 1)"),
        (prog("lauflicht", "while True:\n    for x in range(5):\n        display.set_pixel(x, 0, 9)\n        sleep(200)"), "Bei dir leuchten: (0, 0), (1, 0)."),
    ],
    ("04_zaehler", "1_zaehler"): [
        (prog("zaehler", "zahl = 0\ndisplay.show(zahl)\n" + LOOP.format("    if button_a.is_pressed():\n        zahl += 1\n        display.show(zahl)")),
         "Nach einmal Drücken (nach 1,5 s) sollte die Ziffer 1 zu sehen sein, es war aber: die Ziffer 5"),
        (prog("zaehler", "display.show(0)\n" + LOOP.format("    zahl = 0\n    if button_a.was_pressed():\n        zahl += 1\n        display.show(zahl)")),
         "Nach dreimal Drücken (nach 3,5 s) sollte die Ziffer 3 zu sehen sein, es war aber: die Ziffer 1"),
    ],
    ("04_zaehler", "2_hochrunter"): [
        (prog("hochrunter", "zahl = 0\ndisplay.show(zahl)\n" + LOOP.format("    if button_a.was_pressed():\n        zahl += 1\n        display.show(zahl)\n    if button_b.was_pressed():\n        zahl -= 1\n        display.show(zahl)")),
         "Die Zahl darf nicht unter 0 fallen"),
        (prog("hochrunter", "zahl = 0\ndisplay.show(zahl)\n" + LOOP.format("    if button_a.was_pressed() or button_b.was_pressed():\n        zahl += 1\n        display.show(zahl)")),
         "Nach A, A, B (nach 2,2 s) sollte die Ziffer 1 zu sehen sein, es war aber: die Ziffer 3"),
    ],
    ("04_zaehler", "3_ziel"): [
        (prog("ziel", "zahl = 0\ndisplay.show(zahl)\n" + LOOP.format("    if button_a.was_pressed():\n        zahl += 1\n        if zahl > 5:\n            display.show(Image.HEART)\n        else:\n            display.show(zahl)")),
         "Nach fünfmal Drücken (nach 2,7 s) sollte ein Herz (Image.HEART) zu sehen sein, es war aber: die Ziffer 5"),
        (prog("ziel", "zahl = 0\ndisplay.show(zahl)\n" + LOOP.format("    if button_a.was_pressed():\n        zahl += 1\n        if zahl >= 4:\n            display.show(Image.HEART)\n        else:\n            display.show(zahl)")),
         "Nach viermal Drücken (nach 2,2 s) sollte die Ziffer 4 zu sehen sein, es war aber: ein Herz"),
    ],
    ("05_funktionen", "1_balken"): [
        (prog("balken", "def zeige_balken(n):\n    display.clear()\n    for x in range(n + 1):\n        display.set_pixel(x, 4, 9)"), "Bei dir leuchten: (0, 4), (1, 4), (2, 4), (3, 4)."),
        (prog("balken", "def zeige_balken(n):\n    display.clear()\n    for x in range(n):\n        display.set_pixel(x, 0, 9)"), "Bei dir leuchten: (0, 0), (1, 0), (2, 0)."),
    ],
    ("05_funktionen", "2_punkte"): [
        (prog("punkte", "def zeige_punkte(n):\n    display.clear()\n    for i in range(n):\n        display.set_pixel(i // 5, i % 5, 9)"), "Bei dir leuchten: (0, 0), (1, 0), (0, 1), (1, 1), (0, 2), (0, 3), (0, 4)."),
        (prog("punkte", "def zeige_punkte(n):\n    display.clear()\n    for i in range(1, n):\n        display.set_pixel(i % 5, i // 5, 9)"), "Bei dir leuchten: (1, 0), (2, 0), (3, 0), (4, 0), (0, 1), (1, 1)."),
    ],
    ("05_funktionen", "3_stufe"): [
        ("def stufe(prozent):\n    return prozent // 10", "stufe(100): Erwartet wurde 9, dein Ergebnis ist 10"),
        ("def stufe(prozent):\n    return prozent * 9 / 100", "stufe(100): Erwartet wurde eine ganze Zahl (int), dein Ergebnis ist 9 (float)"),
    ],
    ("06_kippspiel", "1_richtung"): [
        ('def richtung(x):\n    if x > 300:\n        return "links"\n    elif x < -300:\n        return "rechts"\n    return "gerade"',
         "richtung(-800): Erwartet wurde 'links', dein Ergebnis ist 'rechts'"),
        ('def richtung(x):\n    if x <= -300:\n        return "links"\n    elif x >= 300:\n        return "rechts"\n    return "gerade"',
         "richtung(300): Erwartet wurde 'gerade', dein Ergebnis ist 'rechts'"),
    ],
    ("06_kippspiel", "2_waage"): [
        (prog("waage", "while True:\n    y = accelerometer.get_y()\n    if y < -300:\n        display.show(Image.ARROW_W)\n    elif y > 300:\n        display.show(Image.ARROW_E)\n    else:\n        display.show(Image.YES)\n    sleep(50)"),
         "Nach links gekippt (nach 1,5 s) sollte ein Pfeil nach links (Image.ARROW_W) zu sehen sein, es war aber: ein Haken"),
        (prog("waage", "while True:\n    x = accelerometer.get_x()\n    if x < -200:\n        display.show(Image.ARROW_W)\n    elif x > 200:\n        display.show(Image.ARROW_E)\n    else:\n        display.show(Image.YES)\n    sleep(50)"),
         "Nur ein bisschen schief (x = 250, nach 0,5 s) sollte ein Haken (Image.YES) zu sehen sein, es war aber: ein Pfeil nach rechts"),
    ],
    ("06_kippspiel", "3_kippspiel"): [
        (prog("kippspiel", "x = 2\nwhile True:\n    neigung = accelerometer.get_x()\n    if neigung > 300:\n        x += 1\n    elif neigung < -300:\n        x -= 1\n    display.clear()\n    display.set_pixel(x, 4, 9)\n    sleep(200)"),
         "ist mit einem Fehler stehen geblieben"),
        (prog("kippspiel", "x = 2\nwhile True:\n    neigung = accelerometer.get_x()\n    if neigung > 300 and x < 4:\n        x += 1\n    elif neigung < -300 and x > 0:\n        x -= 1\n    display.set_pixel(x, 4, 9)\n    sleep(200)"),
         "Bei dir leuchten: (2, 4), (3, 4), (4, 4)."),
    ],
    ("07_funk", "1_verschluesseln"): [
        ('def verschluessele(text, schluessel):\n    ergebnis = ""\n    for zeichen in text:\n        if "A" <= zeichen <= "Z":\n            ergebnis += chr(ord(zeichen) + schluessel)\n        else:\n            ergebnis += zeichen\n    return ergebnis',
         "verschluessele(\"XYZ\", 3): Erwartet wurde 'ABC'"),
        ('def verschluessele(text, schluessel):\n    ergebnis = ""\n    for zeichen in text:\n        ergebnis += chr((ord(zeichen) - 65 + schluessel) % 26 + 65)\n    return ergebnis',
         "Erwartet wurde 'YWJKKJS ZR 3'"),
    ],
    ("07_funk", "2_entschluesseln"): [
        ('def entschluessele(text, schluessel):\n    ergebnis = ""\n    for zeichen in text:\n        if "A" <= zeichen <= "Z":\n            ergebnis += chr((ord(zeichen) - 65 + schluessel) % 26 + 65)\n        else:\n            ergebnis += zeichen\n    return ergebnis',
         "entschluessele(\"KDOOR\", 3): Erwartet wurde 'HALLO', dein Ergebnis ist 'NGRRU'"),
        ('def entschluessele(text, schluessel):\n    ergebnis = ""\n    for zeichen in text:\n        if "A" <= zeichen <= "Z":\n            ergebnis += chr(ord(zeichen) - schluessel)\n        else:\n            ergebnis += zeichen\n    return ergebnis',
         "entschluessele(\"ABC\", 3): Erwartet wurde 'XYZ'"),
    ],
    ("07_funk", "3_sender"): [
        (prog("sender", "import radio\nradio.on()\nradio.config(group=7)\n" + LOOP.format('    if button_a.was_pressed():\n        radio.send("HALLO")')),
         "Erwartet wurden die Funk-Nachrichten ['KDOOR'], gesendet hat dein Calliope ['HALLO']"),
        (prog("sender", "import radio\nradio.on()\n" + LOOP.format('    if button_a.was_pressed():\n        radio.send("KDOOR")')),
         "Deine Nachricht ging in Gruppe 0 raus – dein Freund hört aber in Gruppe 7"),
    ],
    ("07_funk", "4_empfaenger"): [
        (prog("empfaenger", "import radio\nradio.on()\nradio.config(group=7)\n" + LOOP.format("    nachricht = radio.receive()\n    if nachricht:\n        display.scroll(nachricht)")),
         "Der Lauftext 'HALLO' ist nicht über die Anzeige gelaufen. Tipp: Entschlüssele die Nachricht"),
        (prog("empfaenger", "import radio\nradio.config(group=7)\n" + LOOP.format('    nachricht = radio.receive()\n    if nachricht:\n        display.scroll("HALLO")')),
         "Tipp: Schalte den Funk mit radio.on() ein"),
    ],
}

WRONG_ANSWERS = {"calliope": CALLIOPE}
