"""``schuelerlab hub run``: prepare the state folder, provision, then run JupyterHub until Ctrl-C.

The hub runs as a child process with the shipped ``jupyterhub_config.py``; it starts the npm proxy,
the idle culler and the single-user servers itself and stops them all when it stops.
"""

from __future__ import annotations

import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

from schuelerlab.hub import lab
from schuelerlab.hub.provision import ensure_demo_accounts, run_course_hook, write_teacher_configs
from schuelerlab.hub.proxy import ensure_chp
from schuelerlab.hub.roleconfig import write_role_configs
from schuelerlab.hub.runtime import effective_settings, hub_environment
from schuelerlab.hub.settings import Settings
from schuelerlab.hub.state import StatePaths, default_state_dir, ensure_state

from schuelerlab.errors import UserError

SHIM = Path(__file__).with_name("jupyterhub_config.py")

_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def prepare(*, settings: Settings, paths: StatePaths) -> None:
    """Accounts, homes, exchange, role configs and courses, for the settings' mode."""
    demo = settings.hub.mode == "demo"
    exchange = paths.exchange if demo else Path(settings.lab.exchange_dir)
    exchange.mkdir(parents=True, exist_ok=True)
    if demo:
        store = ensure_demo_accounts(settings, paths)
        homes = {n: paths.homes / n for n in store.by_role("teacher")}
    else:
        store = lab.prepare_lab(settings, paths, exchange=exchange)
        homes = lab.teacher_homes(settings, store)
        lab.protect_course_sources(sorted(homes))
    write_role_configs(settings, paths, exchange=exchange)
    write_teacher_configs(settings, homes)
    if not demo:
        lab.fix_owners(homes)
    if homes:
        name, home = next(iter(homes.items()))
        config_path = os.pathsep.join([str(paths.role_dir("teacher")), str(paths.role_dir("common"))])
        run_course_hook(settings, store, teacher_home=home, exchange=exchange, config_path=config_path,
                        run_as=None if demo else name)


def check_ports_free(settings: Settings) -> None:
    """Refuse to start when an address the hub needs is taken (usually: the hub is already running)."""
    for key in ("bind_url", "hub_api_url", "proxy_api_url"):
        parsed = urllib.parse.urlsplit(getattr(settings.hub, key))
        with socket.socket() as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind((parsed.hostname or "127.0.0.1", parsed.port or 80))
            except OSError:
                raise UserError(f"Die Adresse {parsed.netloc} („hub.{key}“) ist schon belegt. Läuft der Hub "
                                "schon? Beende ihn mit Strg+C oder wähle in der Einstellungsdatei einen "
                                "anderen Port.")


def banner(settings: Settings, paths: StatePaths) -> str:
    """The German lines printed before the hub starts."""
    lines = ["", f"Schülerlab-Hub ({settings.hub.mode}-Modus): {settings.public_url}"]
    if settings.hub.mode == "demo" and paths.accounts_csv.exists():
        lines.append(f"Zugänge (Name, Passwort, Rolle): {paths.accounts_csv}")
        lines.append("Demo-Modus: zum Ausprobieren auf einem Rechner, ohne Trennung der Nutzer.")
    lines += [f"Daten: {paths.root}", "Beenden mit Strg+C.", ""]
    return "\n".join(lines)


def hub_command(paths: StatePaths) -> list[str]:
    """The JupyterHub command line (run in the state folder)."""
    return [sys.executable, "-m", "jupyterhub", "-f", str(SHIM)]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url.rstrip("/") + "/hub/api", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def wait_until_ready(urls: list[str], proc: subprocess.Popen, timeout: float = 120) -> bool:
    """Poll ``<url>/hub/api`` for each URL in turn (the hub's own API first, so the proxy is not asked
    before it has a route) until all answer, or the hub exits."""
    deadline = time.monotonic() + timeout
    pending = list(urls)
    while pending and time.monotonic() < deadline and proc.poll() is None:
        if _answers(pending[0]):
            pending.pop(0)
            continue
        time.sleep(0.5)
    return not pending


def _say(text: str) -> None:
    """Print for the user; a closed terminal or pipe must never stop us from stopping the hub."""
    try:
        print(text, flush=True)
    except (BrokenPipeError, OSError):
        pass


def supervise(proc: subprocess.Popen, *, urls: list[str], ready_text: str) -> int:
    """Announce readiness, wait for the hub; on Ctrl-C or SIGTERM stop it once, gently then firmly."""
    def interrupt(signum, _frame):
        raise KeyboardInterrupt

    # Our own handlers, whatever we inherited: started as a background job, SIGINT arrives ignored,
    # and Ctrl-C / `kill -INT` must still stop the hub cleanly.
    old_term, old_int = signal.signal(signal.SIGTERM, interrupt), signal.signal(signal.SIGINT, interrupt)
    try:
        if wait_until_ready(urls, proc):
            _say(ready_text)
        return proc.wait()
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not orphan the hub
        _say("\nHub wird beendet …")
        return stop_process(proc)
    finally:
        if proc.poll() is None:  # left by any other way (an error): never leave the hub behind
            stop_process(proc)
        signal.signal(signal.SIGTERM, old_term)
        signal.signal(signal.SIGINT, old_int)


def stop_process(proc: subprocess.Popen, timeout: float = 30) -> int:
    """SIGTERM (the hub then stops proxy, services and servers), SIGKILL after ``timeout``."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        if proc.poll() is not None:
            break
        proc.send_signal(sig)
        try:
            return proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            continue
    return proc.wait()


def _prepare_hub_process() -> None:
    """Runs in the hub's process before exec.

    SIGINT goes back to default even when we were started with SIGINT ignored (``&``, nohup), because
    the hub stops its servers and services with SIGINT first. On Linux the hub also gets SIGTERM when
    this launcher dies (terminal closed, ``kill -9``), so it never outlives the command that started it.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: Ctrl-C and SIGTERM still stop the hub
        pass


def run_hub(*, demo: bool, settings: Path | None = None, state_dir: Path | None = None,
            proxy_dir: Path | None = None) -> int:
    """Run the hub until it stops; return its exit code.

    Args:
        demo: demo mode (no Unix accounts, generated passwords) whatever the settings file says.
        settings: the TOML settings file (``None``: defaults).
        state_dir: database, secrets, accounts (default: from the settings, else per mode).
        proxy_dir: where npm installs configurable-http-proxy (default: ``<state_dir>/proxy``).
    """
    conf = effective_settings(settings, demo=demo)
    is_demo = conf.hub.mode == "demo"
    state = Path(state_dir) if state_dir else conf.state_path(default_state_dir(demo=is_demo))
    if not is_demo:
        lab.require_root()
    check_ports_free(conf)
    paths = ensure_state(state)
    chp = ensure_chp(Path(proxy_dir) if proxy_dir else paths.root / "proxy")
    prepare(settings=conf, paths=paths)
    print(banner(conf, paths), flush=True)
    env = dict(os.environ, **hub_environment(state_dir=paths.root, settings_file=settings,
                                             demo=is_demo, chp=chp))
    try:
        # own session: Ctrl-C reaches only us, and we stop the hub exactly once (it stops the rest)
        proc = subprocess.Popen(hub_command(paths), cwd=paths.root, env=env, start_new_session=True,
                                preexec_fn=_prepare_hub_process)
    except OSError as err:
        raise UserError(f"JupyterHub konnte nicht gestartet werden ({err}). Installiere schuelerlab neu.")
    ready = f"\nBereit: {conf.public_url}  (Beenden mit Strg+C)"
    if is_demo:
        ready += f"\nZugänge: {paths.accounts_csv}"
    code = supervise(proc, urls=[conf.hub.hub_api_url, conf.hub.bind_url], ready_text=ready)
    _say("Hub beendet. Alle Daten bleiben erhalten.")
    return code
