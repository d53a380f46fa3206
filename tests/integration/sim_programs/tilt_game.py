# Tilt game: a dot in the middle row follows the tilt of the board.
from calliopemini import *

x = 2
while True:
    tilt = accelerometer.get_x()
    if tilt < -300 and x > 0:
        x -= 1
    elif tilt > 300 and x < 4:
        x += 1
    display.clear()
    display.set_pixel(x, 2, 9)
    sleep(200)
