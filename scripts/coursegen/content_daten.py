"""Course ``daten`` (Daten loggen und auswerten)."""
from common import Course
COURSE = Course(id="daten", title="Daten loggen und auswerten", age="12-16", description="", materials=[])
