# Radio pair, receiver: shows a heart for a second when "ping" arrives.
from calliopemini import *
import radio

radio.config(group=7)
radio.on()
while True:
    message = radio.receive()
    if message == "ping":
        print("empfangen:", message)
        display.show(Image.HEART)
        sleep(1000)
        display.clear()
    sleep(50)
