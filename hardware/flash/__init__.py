"""Putting programs on the board: syntax check, hex files, Universal Hex, the MINI drive, the REPL."""
