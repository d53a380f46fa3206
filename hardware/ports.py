"""Finding Calliope minis and micro:bits among the serial ports (USB VID:PID, ``calliope.md`` §5).

Both interface chips are matched: DAPLink ``0D28:0204`` (Calliope mini 1.x and 3, every micro:bit)
and SEGGER J-Link ``1366:1025`` (Calliope mini 2.x). The board guess uses the product string
("Calliope mini V3 CMSIS-DAP"), the J-Link id and the DAPLink serial number prefix (``9900`` →
mini 1.x; 9901 and 9903-9906 are micro:bit ids that the mini 3 shares, so they are not used).
Pseudo-terminals and ``socket://`` simulators are not listed: pass them as PORT explicitly.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass

from schuelerlab.hardware.boards import USB_IDS
from serial.tools import list_ports
from serial.tools.list_ports_common import ListPortInfo

from schuelerlab.errors import UserError

DAPLINK = (0x0D28, 0x0204)
JLINK = (0x1366, 0x1025)


@dataclass(frozen=True)
class BoardPort:
    """A serial port that belongs to a Calliope mini or micro:bit."""

    device: str  # what to open, e.g. /dev/ttyACM0 or COM3
    vid: int
    pid: int
    serial_number: str | None
    product: str | None
    guess: str  # German board name, e.g. "Calliope mini 3"
    chip: str  # German description of the interface chip

    @property
    def usb_id(self) -> str:
        """``VID:PID`` in the usual hex spelling, e.g. ``0D28:0204``."""
        return f"{self.vid:04X}:{self.pid:04X}"


def guess_board(info: ListPortInfo) -> str:
    """German name of the board behind a port, from its USB identity (best effort)."""
    product = (info.product or "").lower()
    serial = info.serial_number or ""
    if (info.vid, info.pid) == JLINK:
        return "Calliope mini 2"
    if "calliope mini v3" in product:
        return "Calliope mini 3"
    if "calliope" in product:
        return "Calliope mini"
    if serial.startswith("9900"):
        return "Calliope mini 1"
    if "micro:bit" in product or "microbit" in product or serial.startswith(("9901", "9903", "9904")):
        return "micro:bit (oder Calliope mini 3)"
    return "Calliope mini oder micro:bit (unbekannt)"


def board_ports(ports: Iterable[ListPortInfo] | None = None) -> list[BoardPort]:
    """All serial ports with a Calliope/micro:bit USB id; ``ports`` defaults to ``comports()``."""
    found = []
    for info in list_ports.comports() if ports is None else ports:
        key = (info.vid, info.pid)
        if key not in USB_IDS:
            continue
        found.append(
            BoardPort(
                device=info.device, vid=key[0], pid=key[1], serial_number=info.serial_number,
                product=info.product, guess=guess_board(info), chip=USB_IDS[key],
            )
        )
    return sorted(found, key=lambda p: p.device)


def no_board_message() -> str:
    """German explanation with next steps when no board was found."""
    steps = [
        "Kein Calliope mini und kein micro:bit gefunden.",
        "So geht es weiter:",
        "  1. Stecke das USB-Kabel neu ein. Nimm ein Kabel, das Daten überträgt "
        "(manche Kabel laden nur).",
        "  2. Leuchtet am Calliope eine LED? Sonst ein anderes Kabel oder einen anderen USB-Anschluss "
        "probieren.",
    ]
    if sys.platform.startswith("linux"):
        steps.append(
            "  3. Linux: Dein Benutzer muss in der Gruppe 'dialout' sein "
            "(sudo usermod -aG dialout $USER, danach ab- und wieder anmelden)."
        )
    steps.append(
        "  4. Schließe andere Programme, die den Calliope benutzen könnten (MakeCode, Mu, Thonny, ein "
        "anderes Notebook). Einen Simulator oder ein anderes Gerät gibst du direkt an, "
        "z. B. 'schuelerlab stream /dev/ttyUSB0'."
    )
    return "\n".join(steps)


def describe(port: BoardPort) -> str:
    """One German line for a board: ``/dev/ttyACM0  Calliope mini 3  (0D28:0204, Nr. …)``."""
    serial = f", Seriennummer {port.serial_number}" if port.serial_number else ""
    return f"{port.device}  {port.guess}  ({port.usb_id}{serial})"


def find_port(ports: Iterable[ListPortInfo] | None = None) -> str:
    """The device of the only connected board; UserError (German) if there is none or several."""
    found = board_ports(ports)
    if len(found) == 1:
        return found[0].device
    if not found:
        raise UserError(no_board_message())
    listing = "\n".join(f"  {describe(p)}" for p in found)
    raise UserError(
        f"Es sind {len(found)} Boards angeschlossen:\n{listing}\n"
        f"Gib an, welches du meinst, z. B. 'schuelerlab stream {found[0].device}'."
    )


def find_by_serial_number(serial_number: str, ports: Iterable[ListPortInfo] | None = None) -> str | None:
    """The device path of the board with this USB serial number, if it is connected."""
    for port in board_ports(ports):
        if port.serial_number == serial_number:
            return port.device
    return None


def serial_number_of(device: str, ports: Iterable[ListPortInfo] | None = None) -> str | None:
    """USB serial number of the board at ``device`` (None for ptys, sockets and unknown ports)."""
    for port in board_ports(ports):
        if port.device == device:
            return port.serial_number
    return None
