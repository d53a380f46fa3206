"""schuelerlab: courses, Calliope mini tools and auto-grading for the Schülerlab Zeitz.

The subpackages map the product folders onto namespaced imports:
``schuelerlab.hardware`` (``hardware/``), ``schuelerlab.graders`` (``graders/``),
``schuelerlab.hub`` (``hub_config/``) and ``schuelerlab.courses`` (``courses/``, data only).
"""

__version__ = "0.1.0"
