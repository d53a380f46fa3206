# RGB colour with neopixel: the LED turns red, then green, then off.
from calliopemini import *
import neopixel

led = neopixel.NeoPixel(pin_RGB, 1)
led[0] = (255, 0, 0)
led.show()
sleep(1000)
led[0] = (0, 255, 0)
led.show()
sleep(1000)
led.clear()
