# RGB colours on the Calliope mini 3: red, green, blue on the three LEDs (GRB bytes).
from calliopemini import *

colours = [(255, 0, 0), (0, 255, 0), (0, 0, 255)]
for i in range(3):
    buf = bytearray(9)
    r, g, b = colours[i]
    buf[3 * i] = g
    buf[3 * i + 1] = r
    buf[3 * i + 2] = b
    ws2812_write(pin_RGB, buf)
    sleep(500)
ws2812_write(pin_RGB, bytearray(9))
