# Button counter: A counts up, B resets; the count is shown and printed.
from calliopemini import *

count = 0
display.show(count)
while True:
    if button_a.was_pressed():
        count += 1
        display.show(count)
        print("Zaehler:", count)
    if button_b.was_pressed():
        count = 0
        display.show(count)
        print("Zurueck auf 0")
    sleep(20)
