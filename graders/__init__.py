"""Checking and grading: student self-check and the teacher's workflow around nbgrader."""

from schuelerlab._guard import require_namespaced

require_namespaced(__name__, "schuelerlab.graders")
