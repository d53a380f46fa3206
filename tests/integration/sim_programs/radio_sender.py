# Radio pair, sender: button A sends "ping", and the sender shows an arrow.
from calliopemini import *
import radio

radio.config(group=7)
radio.on()
while True:
    if button_a.was_pressed():
        radio.send("ping")
        display.show(Image.ARROW_E)
    sleep(50)
