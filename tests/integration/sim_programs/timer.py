# Timer: counts seconds on the display; pin1 blinks every second.
from calliopemini import *

seconds = 0
while True:
    display.show(seconds % 10)
    pin1.write_digital(seconds % 2)
    sleep(1000)
    seconds += 1
    print("Sekunden:", seconds)
