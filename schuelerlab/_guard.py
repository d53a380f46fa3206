"""Guard against importing a product folder under its bare name (the double-import hazard)."""


def require_namespaced(module_name: str, expected: str) -> None:
    """Raise ImportError unless a package was imported as ``expected``.

    Run from the repository root, ``import hardware`` would otherwise create a second module
    object for the same files (duplicated state, broken ``isinstance``).
    """
    if module_name != expected:
        raise ImportError(
            f"Bitte `import {expected}` verwenden, nicht `import {module_name}` "
            f"(sonst gäbe es das Paket zweimal im Speicher)."
        )
