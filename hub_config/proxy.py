"""The npm configurable-http-proxy (CHP) 5.3.0, installed project-locally when missing.

The PyPI port of CHP breaks kernel websockets (reference P6), so the hub always uses the npm one.
``npm`` may print EBADENGINE on node 20; CHP 5.3.0 runs fine there (P2).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from schuelerlab.errors import UserError

CHP_VERSION = "5.3.0"
CHP_PACKAGE = "configurable-http-proxy"


def chp_binary(prefix: Path) -> Path:
    """Where ``npm install --prefix <prefix>`` puts the CHP executable."""
    return Path(prefix) / "node_modules" / ".bin" / CHP_PACKAGE


def installed_version(prefix: Path) -> str | None:
    """The CHP version installed under ``prefix``, or ``None``."""
    manifest = Path(prefix) / "node_modules" / CHP_PACKAGE / "package.json"
    try:
        return json.loads(manifest.read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError):
        return None


def install_command(prefix: Path) -> list[str]:
    """The npm command that installs the pinned CHP under ``prefix`` without touching package.json."""
    return ["npm", "install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund",
            "--loglevel=error", "--prefix", str(prefix), f"{CHP_PACKAGE}@{CHP_VERSION}"]


def ensure_chp(prefix: Path) -> Path:
    """Return the CHP executable under ``prefix``, installing CHP 5.3.0 with npm if it is missing.

    Raises:
        UserError: if node/npm is missing or the install fails.
    """
    binary = chp_binary(prefix)
    if binary.exists() and installed_version(prefix) == CHP_VERSION:
        return binary.absolute()
    if shutil.which("npm") is None or shutil.which("node") is None:
        raise UserError("Node.js und npm fehlen, sie werden für den Proxy des Hubs gebraucht. "
                        "Installiere sie mit `sudo apt-get install nodejs npm` und starte noch einmal.")
    Path(prefix).mkdir(parents=True, exist_ok=True)
    print(f"Installiere {CHP_PACKAGE} {CHP_VERSION} mit npm nach {prefix} …", flush=True)
    result = subprocess.run(install_command(prefix), capture_output=True, text=True)
    if result.returncode != 0 or not binary.exists():
        raise UserError(f"npm konnte {CHP_PACKAGE} nicht installieren:\n{result.stderr.strip()[-800:]}\n"
                        "Prüfe die Internetverbindung und starte noch einmal.")
    return binary.absolute()
