"""The Calliope simulator: real MicroPython against a model of the board, with three faces."""
