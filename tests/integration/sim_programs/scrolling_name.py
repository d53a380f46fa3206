# Scrolling name: the name runs across the display once, then a smile.
from calliopemini import *

display.scroll("ANNA")
display.show(Image.HAPPY)
