# Light-level plotter: tuples for the Mu plotter, ten per second.
from calliopemini import *

while True:
    print((display.read_light_level(),))
    sleep(100)
