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


def _module_level_names(module) -> set[str]:
    """Attribute chains used outside functions (``orm.User`` in a decorator or class body)."""
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(module))
    used = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for sub in ast.walk(node):
            if isinstance(sub, ast.Attribute) and isinstance(sub.value, ast.Name):
                used.add(f"{sub.value.id}.{sub.attr}")
    return used


def test_hub_only_modules_are_only_imported_not_used_at_import_time():
    import inspect

    from jupyterhub import log, roles, scopes

    source = inspect.getsource(log)
    assert "from .handlers.pages import HealthCheckHandler\n" in source
    assert "from .metrics import prometheus_log_method\n" in source
    for module in (scopes, roles):
        assert not {n for n in _module_level_names(module) if n.startswith("orm.")}, module.__name__


def test_stand_ins_fail_loudly():
    module = singleuser._HubOnly("jupyterhub.orm")
    with pytest.raises(AttributeError, match="hub-only"):
        module.User  # noqa: B018
    assert singleuser.prometheus_log_method(object()) is None
