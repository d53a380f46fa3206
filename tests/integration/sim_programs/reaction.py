# Reaction game: after a random wait a heart appears; press A as fast as you can.
from calliopemini import *
import random


display.show(Image.ASLEEP)
sleep(random.randint(1000, 3000))
display.show(Image.HEART)
start = running_time()
while not button_a.is_pressed():
    pass
reaction = running_time() - start
print("Reaktionszeit:", reaction, "ms")
display.scroll(reaction)
