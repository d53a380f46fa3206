# Thermometer: print the temperature every second; warn above 25 degrees.
from calliopemini import *

while True:
    t = temperature()
    print("temp:" + str(t))
    if t > 25:
        display.show(Image.SAD)
    else:
        display.show(Image.HAPPY)
    sleep(1000)
