# Dice: shake the board to roll a number from 1 to 6.
from calliopemini import *
import random


display.show("?")
while True:
    if accelerometer.was_gesture("shake"):
        number = random.randint(1, 6)
        display.show(number)
        print("Wurf:", number)
    sleep(100)
