"""The course content (package data): one folder per course with nbgrader source notebooks."""

from pathlib import Path


def courses_root() -> Path:
    """Return the folder that holds the shipped courses."""
    return Path(__file__).resolve().parent
