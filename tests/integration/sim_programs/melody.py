# Music: a short tune, then the built-in BA_DING.
from calliopemini import *
import music

music.play(["c4:4", "e", "g", "c5:8"])
display.show(Image.MUSIC_QUAVER)
music.play(music.BA_DING)
print("fertig")
