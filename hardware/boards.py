"""Board facts shared by every layer: USB identities, board profiles, official firmware.

Data only (no I/O). Sources: ``../shared/reference/calliope.md`` (sections 2, 3, 5, 7, 9).
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: USB VID:PID -> German description of the interface chip (both pairs must be matched).
USB_IDS: dict[tuple[int, int], str] = {
    (0x0D28, 0x0204): "DAPLink (Calliope mini 1.x oder 3, oder ein micro:bit)",
    (0x1366, 0x1025): "SEGGER J-Link (Calliope mini 2.x)",
}

#: USB drive labels a board shows; ``FLASH`` (Calliope 2.1) is never the target for hex files.
DRIVE_LABELS: tuple[str, ...] = ("MINI", "MICROBIT")

BAUDRATE = 115200


@dataclass(frozen=True)
class Firmware:
    """An official MicroPython firmware hex (never committed; the teacher supplies or downloads it)."""

    filename: str
    sha256: str
    board_id: int
    version: str
    url_path: str  # path inside the official Calliope Python editor repository


@dataclass(frozen=True)
class BoardProfile:
    """What one kind of board offers to a MicroPython program."""

    id: str
    title: str  # German, for users
    module: str  # the board module programs import
    modules: frozenset[str]  # importable modules besides the board module
    missing: frozenset[str] = field(default_factory=frozenset)  # calliopemini names this board lacks
    analog_pins: frozenset[str] = field(default_factory=frozenset)
    fs_bytes: int = 20_000
    raw_paste: bool = True
    soft_reboot_text: str = "MPY: soft reboot"
    banner: str = ""
    os_functions: frozenset[str] = field(default_factory=frozenset)
    firmware: Firmware | None = None
    #: pin name -> kind: "digital", "analog" (digital + read_analog), "touch" (analog + touch),
    #: "touch_only" (the logo): which pin objects the board module offers and what each can do.
    pins: dict[str, str] = field(default_factory=dict)
    os_release: str = ""
    os_version: str = ""
    machine: str = ""


_COMMON_MODULES = frozenset(
    {"gc", "math", "os", "random", "struct", "sys", "time", "utime", "array", "ustruct",
     "micropython", "music", "radio", "speech", "audio", "collections", "builtins"}
)

CALLIOPE_EDITOR = "calliope-edu/calliope-mini-python-editor"


def _pin_kinds(analog: set[str], touch: set[str], names: list[str]) -> dict[str, str]:
    """Map every pin name to its kind; touch pins are analog too, as on the boards."""
    kinds = {}
    for name in names:
        kinds[name] = "touch" if name in touch else "analog" if name in analog else "digital"
    return kinds


_MINI3_PINS = [f"pin{i}" for i in range(16)] + [
    "pin_speaker", "pin_A1_RX", "pin_A1_TX", "pin_A0_SCL", "pin_A0_SDA", "pin18", "pin_RGB",
    "pin_M0_DIR", "pin_M0_SPEED", "pin_M1_DIR", "pin_M1_SPEED", "pin_M_MODE",
]
_MINI2_PINS = [f"pin{i}" for i in range(17)] + [
    "pin19", "pin20", "pin17", "pin_btnA", "pin_btnB", "pin_RGB", "pin_MIC", "pin_M_SLEEP", "pin_M_IN1",
    "pin_M_IN2",
]
_MINI3_ANALOG = {"pin0", "pin1", "pin2", "pin3", "pin4", "pin10", "pin_A1_RX"}
_MINI2_ANALOG = {"pin1", "pin2", "pin4", "pin5", "pin6", "pin16", "pin17", "pin_MIC"}

MINI3 = BoardProfile(
    id="mini3",
    title="Calliope mini 3",
    module="calliopemini",
    modules=_COMMON_MODULES | {"log", "power", "machine", "neopixel"},
    analog_pins=frozenset(_MINI3_ANALOG),
    pins={**_pin_kinds(_MINI3_ANALOG, {"pin0", "pin1", "pin2", "pin3"}, _MINI3_PINS),
          "pin_logo": "touch_only"},
    os_release="2.1.2b",
    os_version="micro:bit v2.1.2b+5d837a8 on 2024-11-05; MicroPython b7ce7a8 on 2024-11-05",
    machine="Calliope mini with nRF52833",
    fs_bytes=160 * 126,
    raw_paste=True,
    soft_reboot_text="MPY: soft reboot",
    banner="MicroPython b7ce7a8 on 2024-11-05; Calliope mini v2.1.2b with nRF52833",
    os_functions=frozenset({"listdir", "ilistdir", "stat", "remove", "size", "uname"}),
    firmware=Firmware(
        filename="calliope-v3.hex",
        sha256="26451bfc601eafdcb460e060209a0013bcd74b43e1b16c3d67e57f8c17df89a6",
        board_id=0x9903,
        version="2.1.2b",
        url_path="src/micropython/main/calliope-v3.hex",
    ),
)

MINI2 = BoardProfile(
    id="mini2",
    title="Calliope mini 1.x/2.x",
    module="calliopemini",
    modules=_COMMON_MODULES | {"neopixel"},
    missing=frozenset(
        {"microphone", "speaker", "Sound", "SoundEvent", "set_volume", "run_every", "ws2812_write",
         "pin_logo", "pin_speaker"}
    ),
    analog_pins=frozenset(_MINI2_ANALOG),
    pins=_pin_kinds(_MINI2_ANALOG, {"pin1", "pin2"}, _MINI2_PINS),
    os_release="1.1.1",
    os_version="micro:bit v1.1.1+32df202 on 2023-08-07; MicroPython v1.9.2-34-gd64154c73 on 2017-09-01",
    machine="Calliope mini with nRF51822",
    fs_bytes=216 * 126,
    raw_paste=False,
    soft_reboot_text="soft reboot",
    banner="MicroPython v1.9.2-34-gd64154c73 on 2017-09-01; Calliope mini v1.1.1 with nRF51822",
    os_functions=frozenset({"listdir", "remove", "size", "uname"}),
    firmware=Firmware(
        filename="calliope-v1v2.hex",
        sha256="a02ba2a6abf8c91340ea0322239934e807468a6f84c077f8b56ffc453f3850fe",
        board_id=0x9900,
        version="1.1.1",
        url_path="src/micropython/calliope-v1v2.hex",
    ),
)

BOARDS: dict[str, BoardProfile] = {b.id: b for b in (MINI3, MINI2)}


def board_profile(board_id: str) -> BoardProfile:
    """Return the profile for ``mini3`` or ``mini2``; raise ValueError with a German hint otherwise."""
    try:
        return BOARDS[board_id]
    except KeyError:
        names = ", ".join(BOARDS)
        raise ValueError(f"Unbekanntes Board {board_id!r}. Möglich sind: {names}.") from None
