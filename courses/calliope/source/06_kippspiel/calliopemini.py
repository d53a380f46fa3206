"""Guard for the notebook's Python kernel: ``calliopemini`` exists only on the Calliope and in the simulator.

Shipped beside each notebook of the course ``calliope`` so that a program typed into a cell without
``%%programm NAME`` ends with a German hint instead of "No module named 'calliopemini'".
"""

raise ImportError(
    "calliopemini gibt es nur auf dem Calliope und im Simulator. Schreibe als erste Zeile der Zelle "
    "%%programm NAME (zum Beispiel %%programm herz) und führe vorher die Vorbereitungs-Zelle aus – dann "
    "läuft dein Programm im Simulator."
)
