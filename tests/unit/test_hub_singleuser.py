"""The lighter single-user command: optional, costly modules are blocked before jupyterhub-singleuser."""

import importlib
import sys

import pytest
from schuelerlab.hub import singleuser


def test_blocked_modules_raise_import_error_so_importers_fall_back():
    added = [name for name in singleuser.BLOCKED if name not in sys.modules]
    try:
        singleuser.block_optional_modules()
        for name in singleuser.BLOCKED:
            if sys.modules[name] is None:
                with pytest.raises(ImportError):
                    importlib.import_module(name)
    finally:
        for name in added:
            sys.modules.pop(name, None)


def test_jsonschema_treats_the_blocked_module_as_optional():
    import inspect

    from jsonschema import _format

    source = inspect.getsource(_format)
    for name in singleuser.BLOCKED:
        assert f"from {name} import" in source  # still what jsonschema imports ...
        index = source.index(f"from {name} import")
        assert "suppress(ImportError)" in source[index - 80:index]  # ... inside suppress(ImportError)
