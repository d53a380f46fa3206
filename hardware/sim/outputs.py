"""Host handlers for what the board sends out (and types in): serial output and input(), pins, RGB
LEDs, music and sounds, radio, data log.

A mixin of ``SimBoard`` (``board.py``): handlers take the guest's string payload and return a
string; entries go into the trace with the board time in ms.
"""

from __future__ import annotations

from schuelerlab.hardware.sim.timeline import Sequence

SERIAL_BYTES_PER_MS = 11.52  # 115200 baud, 8N1
SERIAL_BUFFER = 2048  # bytes the board can queue before print() blocks


class OutputHandlers:
    """Serial, pins, rgb, music, sound, radio and log handlers (state lives on the board)."""

    def h_input(self, payload: str) -> str:
        """input(): a line typed on serial (live: ``input_provider``; simulated: the scenario)."""
        if payload:
            self.output(payload)
        if self.input_provider is not None or self.mode == "live":
            line = self.input_provider() if self.input_provider is not None else None
            return "\x01EEOFError\x02" if line is None else line
        pending = self.scenario.serial_input
        while self._input_next < len(pending):
            at_ms, line = pending[self._input_next]
            if at_ms > self.ms():
                self.sleep(at_ms - self.ms())
            self._input_next += 1
            self.output(line + "\n")  # the board's REPL echoes what is typed
            return line
        while True:  # nobody types: the board waits until the simulation ends
            self.sleep(60_000)

    def h_out(self, payload: str) -> str:
        self.output(self.drain() + payload)
        return ""

    def output(self, text: str, *, throttle: bool = True) -> None:
        """Serial output of the board (cooked by the serial face, not here)."""
        self.rec.output(self.ms(), text, self.on_output)
        if throttle and self.clock.virtual:
            self._serial_throttle(len(text.encode()) + text.count("\n"))

    def _serial_throttle(self, nbytes: int) -> None:
        """The serial line carries 11.52 bytes/ms: a program that prints faster waits once the
        transmit buffer is full (normal programs never fill it, so their times stay exact)."""
        now = self.clock.now_us()
        drained = int((now - self._tx_us) * SERIAL_BYTES_PER_MS / 1000)
        self._tx_level = max(0, self._tx_level - drained) + nbytes
        self._tx_us = now
        if self._tx_level > SERIAL_BUFFER:
            wait_us = int((self._tx_level - SERIAL_BUFFER) * 1000 / SERIAL_BYTES_PER_MS)
            self._tx_level = SERIAL_BUFFER
            try:
                self.clock.sleep_us(wait_us)
            finally:
                self._tx_us = self.clock.now_us()
                self._advanced()


    def _init_outputs(self) -> None:
        self._pin_values: dict[str, tuple[str, int]] = {}
        self._rgb: dict[str, list[list[int]]] = {}
        self.radio_on_since: float | None = None
        self.radio_group = 0
        self.radio_queue_len = 3
        self._sound_until = 0

    def h_pinw(self, payload: str) -> str:
        pin, mode, value = payload.split()
        entry = ("digital" if mode == "d" else "analog", int(value))
        if self._pin_values.get(pin) != entry:
            self._pin_values[pin] = entry
            self.rec.add("pins", self.ms(), pin=pin, mode=entry[0], value=entry[1])
        return ""

    def h_pinr(self, payload: str) -> str:
        pin = payload.strip()
        written = self._pin_values.get(pin)
        if written is not None and written[0] == "digital":
            return str(written[1])  # reading back an output pin gives what was written
        return str(self.inputs.digital(pin, self.ms()))

    def h_rgb(self, payload: str) -> str:
        pin, _, values = payload.partition("|")
        numbers = [int(v) for v in values.split(",") if v]
        leds = [numbers[i:i + 3] for i in range(0, len(numbers) - 2, 3)]
        if self._rgb.get(pin) != leds:
            self._rgb[pin] = leds
            self.rec.add("rgb", self.ms(), pin=pin, leds=leds)
        return ""

    def h_music(self, payload: str) -> str:
        pin, loop, notes = payload.split("|", 2)
        steps = []
        for note in notes.split(";"):
            name, freq, ms = note.split(",")
            steps.append((max(0, int(ms)), (pin, name, int(freq), int(ms))))
        self.start_sequence(Sequence("music:" + pin, self.clock.now_us(), steps, loop == "1",
                                     self._play_note))
        return ""

    def _play_note(self, t_ms: int, step: tuple[str, str, int, int]) -> None:
        pin, name, freq, ms = step
        if name == "r":
            return
        if name == "~":
            self.rec.add("music", t_ms, pin=pin, freq=freq, ms=ms)
        else:
            self.rec.add("music", t_ms, pin=pin, note=name, freq=freq, ms=ms)

    def h_mstop(self, payload: str) -> str:
        self.stop_sequence("music:" + payload.strip())
        return ""

    def h_sound(self, payload: str) -> str:
        if payload == "?":
            return "1" if self.ms() < self._sound_until else "0"
        if payload:
            self.rec.add("music", self.ms(), sound=payload)
            self._sound_until = self.ms() + 1000
        else:
            self._sound_until = 0
        return ""

    def h_speaker(self, payload: str) -> str:
        self.rec.add("music", self.ms(), speaker="on" if payload == "1" else "off")
        return ""

    def h_vol(self, payload: str) -> str:
        self.rec.add("music", self.ms(), volume=int(payload))
        return ""

    def h_radio(self, payload: str) -> str:
        op, _, arg = payload.partition("|")
        if op == "s":
            self.rec.add("radio", self.ms(), message=arg, group=self.radio_group)
        elif op == "b":
            self.rec.add("radio", self.ms(), bytes=arg, group=self.radio_group)
        elif op == "r":
            got = self.inputs.radio_receive(self.ms(), self.radio_group, self.radio_on_since,
                                            self.radio_queue_len)
            return "" if got is None else got[0] + got[1]
        elif op == "on":
            self.radio_on_since = self.ms() if self.radio_on_since is None else self.radio_on_since
            self.radio_group = int(arg)
        elif op == "off":
            self.radio_on_since = None
        elif op == "cfg":
            group, queue = arg.split("|")
            self.radio_group, self.radio_queue_len = int(group), int(queue)
        return ""

    def h_log(self, payload: str) -> str:
        if not payload:
            self.rec.add("log", self.ms(), delete=True)
        else:
            header, _, row = payload.partition("\n")
            self.rec.add("log", self.ms(), header=header, row=row)
        return ""
