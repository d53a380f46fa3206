"""The one settings file of the hub: typed keys with defaults, descriptions and German validation.

A settings file is TOML with four sections (``[hub]``, ``[limits]``, ``[demo]``, ``[lab]``). Every key
is declared once below as a dataclass field whose ``metadata["help"]`` is the German description shown
by ``schuelerlab hub config`` and in ``hub_config/settings.md``. Unknown keys and wrong types are
refused with a German message that names the key.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from schuelerlab.errors import UserError

MODES = ("demo", "lab")
_NAME_RE = re.compile(r"^[a-z][a-z0-9_-]{0,31}$")


def _key(default: Any, help_de: str) -> Any:
    """A settings key: its default and its German description."""
    if isinstance(default, list):
        return field(default_factory=lambda: list(default), metadata={"help": help_de})
    return field(default=default, metadata={"help": help_de})


@dataclass(frozen=True)
class HubSection:
    """``[hub]``: where the hub listens and which courses it serves."""

    mode: str = _key("demo", "Betriebsart: \"demo\" (ein Rechner zum Ausprobieren, keine Trennung der "
                             "Nutzer) oder \"lab\" (ein Unix-Konto pro Person, private Ordner).")
    bind_url: str = _key("http://127.0.0.1:8000", "Adresse, auf der der Hub lauscht.")
    hub_api_url: str = _key("http://127.0.0.1:8081", "Interne Adresse der Hub-API (nur dieser Rechner).")
    proxy_api_url: str = _key("http://127.0.0.1:8001", "Interne Adresse der Proxy-API (nur dieser Rechner).")
    public_url: str = _key("", "Adresse für die Anmeldekarten (leer: wie bind_url).")
    state_dir: str = _key("", "Ordner für Datenbank, Geheimnisse und Konten (leer: .run/hub im Demo-Modus, "
                              "/var/lib/schuelerlab im Lab-Modus).")
    courses: list = _key(["sensoren", "daten", "calliope"], "Kurse, die eingerichtet und freigegeben werden "
                         "(die Lehrkraft-Einstellungen von nbgrader zeigen auf den ersten).")
    teachers: list = _key([], "Benutzernamen der Lehrkräfte (Lab-Modus; keine Hub-Administratoren).")
    admins: list = _key([], "Hub-Administratoren (IT-Betreuung), nicht die Lehrkräfte.")
    language: str = _key("de_DE", "Sprache von JupyterLab (de_DE oder en_US).")


@dataclass(frozen=True)
class LimitsSection:
    """``[limits]``: timeouts and resources sized for a class logging in together."""

    start_timeout: int = _key(120, "Sekunden, die ein Server zum Starten haben darf.")
    http_timeout: int = _key(120, "Sekunden, bis ein gestarteter Server antworten muss.")
    concurrent_spawn_limit: int = _key(20, "Wie viele Server gleichzeitig starten dürfen.")
    active_server_limit: int = _key(0, "Höchstzahl laufender Server (0: keine Grenze).")
    mem_limit: str = _key("1G", "Arbeitsspeicher pro Person (z. B. \"1G\"; nur angezeigt, Durchsetzung "
                                "braucht einen Spawner mit cgroups).")
    address_space: str = _key("4G", "Obergrenze des Adressraums je Prozess (RLIMIT_AS, z. B. \"4G\"; "
                                    "leer: keine). Gilt für Server und Kernel.")
    processes: int = _key(256, "Höchstzahl gleichzeitiger Prozesse und Threads je Konto (RLIMIT_NPROC, "
                               "nur Lab-Modus; 0: keine Grenze). Stoppt Fork-Bomben.")
    open_files: int = _key(1024, "Höchstzahl offener Dateien je Prozess (RLIMIT_NOFILE; 0: keine Grenze).")
    idle_timeout: int = _key(3600, "Sekunden ohne Aktivität, nach denen ein Server gestoppt wird "
                                   "(0: nie).")
    cull_every: int = _key(300, "Wie oft (Sekunden) nach untätigen Servern gesucht wird.")


@dataclass(frozen=True)
class DemoSection:
    """``[demo]``: the generated accounts of ``make run``."""

    teacher: str = _key("lehrer", "Name des Lehrkraft-Kontos im Demo-Modus.")
    students: int = _key(5, "Anzahl der Schülerkonten im Demo-Modus.")
    student_prefix: str = _key("schueler", "Namensanfang der Schülerkonten (schueler1, schueler2, …).")


@dataclass(frozen=True)
class LabSection:
    """``[lab]``: the machine-wide setup with one Unix account per person."""

    home_root: str = _key("/home", "Ordner, in dem die Home-Ordner der Konten liegen (Modus 0700).")
    exchange_dir: str = _key("/srv/nbgrader/exchange", "Austauschordner von nbgrader.")
    shell: str = _key("/usr/sbin/nologin", "Login-Shell der Schülerkonten (kein SSH-Zugang).")


SECTIONS: dict[str, type] = {
    "hub": HubSection, "limits": LimitsSection, "demo": DemoSection, "lab": LabSection,
}


@dataclass(frozen=True)
class Settings:
    """All validated settings of one hub."""

    hub: HubSection = field(default_factory=HubSection)
    limits: LimitsSection = field(default_factory=LimitsSection)
    demo: DemoSection = field(default_factory=DemoSection)
    lab: LabSection = field(default_factory=LabSection)
    source: str = "(Standardwerte)"

    @property
    def public_url(self) -> str:
        """The address printed on login cards."""
        return self.hub.public_url or self.hub.bind_url

    def state_path(self, fallback: Path) -> Path:
        """The state folder: the configured one, or ``fallback``."""
        return Path(self.hub.state_dir) if self.hub.state_dir else fallback


_TYPE_NAMES = {int: "eine ganze Zahl", str: "ein Text in Anführungszeichen", list: "eine Liste [..]"}


def _check_value(where: str, name: str, expected: type, value: Any) -> Any:
    ok = isinstance(value, expected) and not (expected is int and isinstance(value, bool))
    if not ok:
        raise UserError(f"{where}: Der Wert von „{name}“ muss {_TYPE_NAMES[expected]} sein, "
                        f"nicht {value!r}. Bitte korrigiere die Einstellungsdatei.")
    if expected is list and not all(isinstance(v, str) for v in value):
        raise UserError(f"{where}: „{name}“ darf nur Texte enthalten, z. B. [\"sensoren\"].")
    if expected is int and value < 0:
        raise UserError(f"{where}: „{name}“ darf nicht negativ sein.")
    return value


def _build_section(where: str, section: str, raw: Any) -> Any:
    cls = SECTIONS[section]
    if not isinstance(raw, dict):
        raise UserError(f"{where}: „[{section}]“ muss ein Abschnitt sein, kein einzelner Wert.")
    known = {f.name: f for f in dataclasses.fields(cls)}
    values = {}
    for name, value in raw.items():
        if name not in known:
            raise UserError(f"{where}: Unbekannte Einstellung „{section}.{name}“. Erlaubt sind: "
                            f"{', '.join(sorted(known))}.")
        values[name] = _check_value(where, f"{section}.{name}", _field_type(known[name]), value)
    return cls(**values)


def _field_type(f: dataclasses.Field) -> type:
    """The Python type of a settings key (annotations are strings under ``from __future__``)."""
    return {"int": int, "str": str, "list": list}[str(f.type)]


def _check_semantics(where: str, s: Settings) -> None:
    if s.hub.mode not in MODES:
        raise UserError(f"{where}: „hub.mode“ muss \"demo\" oder \"lab\" sein, nicht {s.hub.mode!r}.")
    for key in ("bind_url", "hub_api_url", "proxy_api_url"):
        if not re.match(r"^https?://[^/]+", getattr(s.hub, key)):
            raise UserError(f"{where}: „hub.{key}“ muss mit http:// oder https:// beginnen.")
    names = [*s.hub.courses, *s.hub.teachers, *s.hub.admins, s.demo.teacher, s.demo.student_prefix]
    if s.limits.address_space and parse_size(s.limits.address_space) is None:
        raise UserError(f"{where}: „limits.address_space“ muss eine Größe wie \"4G\" oder \"512M\" sein, "
                        f"nicht {s.limits.address_space!r}.")
    for name in names:
        if not _NAME_RE.match(name):
            raise UserError(f"{where}: „{name}“ ist kein gültiger Name (nur Kleinbuchstaben, Ziffern, - "
                            "und _, am Anfang ein Buchstabe).")
    overlap = set(s.hub.teachers) & set(s.hub.admins)
    if overlap:
        raise UserError(f"{where}: {', '.join(sorted(overlap))} steht bei „hub.teachers“ und „hub.admins“. "
                        "Lehrkräfte sind keine Hub-Administratoren; trage sie nur einmal ein.")


_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3, "T": 1024**4}


def parse_size(text: str) -> int | None:
    """``"4G"`` → bytes (binary units K, M, G, T; an optional trailing ``B``); ``None`` if not a size."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMGT]?)B?\s*", text.upper())
    if not match:
        return None
    return int(float(match.group(1)) * _UNITS[match.group(2)])


def parse_settings(data: dict[str, Any], *, where: str = "Einstellungen") -> Settings:
    """Validate a parsed TOML document and return :class:`Settings`.

    Raises:
        UserError: in German, naming the key, for unknown sections/keys and wrong types.
    """
    sections = {}
    for section, raw in data.items():
        if section not in SECTIONS:
            raise UserError(f"{where}: Unbekannter Abschnitt „[{section}]“. Erlaubt sind: "
                            f"{', '.join('[' + s + ']' for s in SECTIONS)}.")
        sections[section] = _build_section(where, section, raw)
    settings = Settings(**sections, source=where)
    _check_semantics(where, settings)
    return settings


def load_settings(path: Path | None) -> Settings:
    """Read and validate a settings file; ``None`` gives the defaults (demo mode)."""
    if path is None:
        return parse_settings({}, where="(Standardwerte)")
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as err:
        raise UserError(f"Die Einstellungsdatei {path} kann nicht gelesen werden ({err.strerror}). "
                        "Prüfe den Pfad.")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise UserError(f"{path}: Die Datei ist kein gültiges TOML ({err}). Prüfe Anführungszeichen "
                        "und eckige Klammern.")
    return parse_settings(data, where=str(path))


def describe(settings: Settings) -> str:
    """The effective settings as commented TOML, each key with its German description."""
    lines = [f"# Wirksame Einstellungen (Quelle: {settings.source})"]
    for section in SECTIONS:
        lines += ["", f"[{section}]"]
        obj = getattr(settings, section)
        for f in dataclasses.fields(obj):
            lines.append(f"# {f.metadata['help']}")
            lines.append(f"{f.name} = {_toml_value(getattr(obj, f.name))}")
    return "\n".join(lines) + "\n"


def _toml_value(value: Any) -> str:
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return str(value)
