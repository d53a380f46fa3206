# Data logger (mini 3): log temperature and light every second, mirrored to serial.
from calliopemini import *
import log

log.set_labels("temp", "licht", timestamp=log.SECONDS)
log.set_mirroring(True)
for i in range(5):
    log.add(temp=temperature(), licht=display.read_light_level())
    sleep(1000)
display.show(Image.YES)
