"""Shared pytest fixtures and helpers for all test layers."""

# Fixture plugins shared by several test folders (``tests/plugins`` is on ``pythonpath``, see pyproject).
pytest_plugins = ["flash_fixtures"]
