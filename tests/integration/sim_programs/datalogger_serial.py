# Data logger over serial (both boards): CSV with a header, one row per second.
from calliopemini import *

print("t_ms,temp,licht")
for i in range(5):
    print("{},{},{}".format(running_time(), temperature(), display.read_light_level()))
    sleep(1000)
