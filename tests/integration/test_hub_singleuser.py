"""The lighter single-user command in a real interpreter: no alembic, no hub ORM, no Lark grammar."""

import subprocess
import sys

CODE = """
import sys
from schuelerlab.hub.singleuser import block_optional_modules, stand_in_hub_modules
block_optional_modules()
stand_in_hub_modules()
import jupyterhub.singleuser, jupyter_server.serverapp
import nbgrader.server_extensions.assignment_list
print(sorted(m for m in ("alembic", "rfc3987_syntax", "mako") if sys.modules.get(m)))
"""


def test_singleuser_imports_without_hub_only_modules():
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_singleuser_command_runs():
    out = subprocess.run([sys.executable, "-m", "schuelerlab.hub.singleuser", "--help"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "--ServerApp" in out.stdout or "Options" in out.stdout
