// Front-end of the simulated Calliope mini (anywidget ESM): draws the board and its controls.
// mode "live": state comes from Python (rows, rgb, serial, status, error); clicks and sliders go back.
// mode "replay": plays a recorded trace (frames, rgb_frames, lines, presses) in real time.
const SVG = "http://www.w3.org/2000/svg";
const GAP = 30;
const SENSORS = [
  ["acc_x", "Neigung x ↔ (milli-g)"],
  ["acc_y", "Neigung y ↕ (milli-g)"],
  ["temperature", "Temperatur (°C)"],
  ["light_level", "Licht (0–255)"],
  ["sound_level", "Lautstärke (0–255)"],
];

function svg(tag, attrs, parent) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (parent) parent.appendChild(node);
  return node;
}

function html(tag, attrs, parent, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  if (parent) parent.appendChild(node);
  return node;
}

function drawBoard(board, onButton) {
  const root = svg("svg", { viewBox: "0 0 400 300", class: "sl-board", role: "img",
    "aria-label": board === "mini3" ? "Calliope mini 3" : "Calliope mini 1/2" });
  svg("polygon", { points: "18,150 95,16 305,16 382,150 305,284 95,284", class: "sl-pcb" }, root);
  const title = svg("text", { x: 200, y: 272, class: "sl-title" }, root);
  title.textContent = board === "mini3" ? "Calliope mini 3" : "Calliope mini";
  const leds = [];
  for (let y = 0; y < 5; y++) {
    for (let x = 0; x < 5; x++) {
      leds.push(svg("rect", { x: 200 - 2 * GAP + x * GAP - 8, y: 150 - 2 * GAP + y * GAP - 11,
        width: 16, height: 22, rx: 4, class: "sl-led", "data-led": `${y},${x}`, "data-brightness": "0" }, root));
    }
  }
  const buttons = {};
  const pad = (name, shape, label, labelXY) => {
    const group = svg("g", { class: "sl-touch", "data-button": name, tabindex: 0 }, root);
    svg(shape.tag, shape.attrs, group);
    const t = svg("text", { x: labelXY[0], y: labelXY[1], class: "sl-label" }, group);
    t.textContent = label;
    let down = false;
    const press = (value) => {
      if (down === value) return;
      down = value;
      group.classList.toggle("sl-down", value);
      onButton(name, value);
    };
    group.addEventListener("pointerdown", (e) => { e.preventDefault(); press(true); });
    group.addEventListener("pointerup", () => press(false));
    group.addEventListener("pointerleave", () => press(false));
    group.addEventListener("keydown", (e) => { if (e.key === " " || e.key === "Enter") press(true); });
    group.addEventListener("keyup", () => press(false));
    buttons[name] = group;
  };
  pad("a", { tag: "circle", attrs: { cx: 82, cy: 150, r: 24, class: "sl-button" } }, "A", [82, 158]);
  pad("b", { tag: "circle", attrs: { cx: 318, cy: 150, r: 24, class: "sl-button" } }, "B", [318, 158]);
  const pins = [["pin0", 110, 42, "0"], ["pin1", 290, 42, "1"], ["pin2", 290, 258, "2"], ["pin3", 110, 258, "3"]];
  for (const [name, cx, cy, label] of pins) {
    pad(name, { tag: "circle", attrs: { cx, cy, r: 15, class: "sl-pin" } }, label, [cx, cy + 5]);
  }
  if (board === "mini3") {
    pad("logo", { tag: "ellipse", attrs: { cx: 200, cy: 42, rx: 30, ry: 14, class: "sl-logo" } }, "Logo", [200, 47]);
  }
  const rgbCount = board === "mini3" ? 3 : 1;
  const rgb = [];
  for (let i = 0; i < rgbCount; i++) {
    rgb.push(svg("circle", { cx: 200 + (i - (rgbCount - 1) / 2) * 26, cy: 236, r: 9, class: "sl-rgb",
      "data-rgb": i, fill: "rgb(0,0,0)" }, root));
  }
  return { root, leds, rgb, buttons };
}

function showRows(view, rows) {
  rows.forEach((row, y) => [...row].forEach((d, x) => {
    const led = view.leds[y * 5 + x];
    const level = Number(d);
    led.setAttribute("data-brightness", String(level));
    led.style.fill = level ? `rgba(255, 40, 30, ${0.25 + 0.75 * level / 9})` : "";
    led.style.filter = level >= 5 ? "drop-shadow(0 0 4px rgba(255,60,40,0.9))" : "";
  }));
}

function showRgb(view, colours) {
  view.rgb.forEach((node, i) => {
    const [r, g, b] = colours[i] || [0, 0, 0];
    node.setAttribute("fill", `rgb(${r},${g},${b})`);
    node.setAttribute("data-colour", `${r},${g},${b}`);
  });
}

function showSerial(pre, lines) {
  pre.textContent = lines.length ? lines.join("\n") : "(noch keine Ausgabe)";
  pre.scrollTop = pre.scrollHeight;
}

function lastBefore(entries, t) {
  let current = null;
  for (const e of entries) {
    if (e.t > t) break;
    current = e;
  }
  return current;
}

function renderLive(model, el, view, parts) {
  const bar = html("div", { class: "sl-controls" }, el);
  for (const [action, label] of [["start", "Start"], ["stop", "Stopp"], ["restart", "Neu starten"]]) {
    const b = html("button", { class: "sl-control", "data-action": action }, bar, label);
    b.addEventListener("click", () => model.send({ type: "control", action }));
  }
  const status = html("span", { class: "sl-status" }, bar);
  el.insertBefore(bar, parts.error);
  const sliders = html("div", { class: "sl-sliders" }, el);
  el.insertBefore(sliders, parts.serialBox);
  const ranges = model.get("ranges") || {};
  for (const [name, label] of SENSORS) {
    const [min, max] = ranges[name] || [0, 255];
    const row = html("label", { class: "sl-slider" }, sliders);
    html("span", { class: "sl-slider-name" }, row, label);
    const input = html("input", { type: "range", min, max, step: 1, "data-sensor": name }, row);
    const value = html("span", { class: "sl-slider-value" }, row);
    input.value = model.get(name);
    value.textContent = String(model.get(name));
    let last = 0;
    const send = (force) => {
      value.textContent = input.value;
      const now = Date.now();
      if (!force && now - last < 100) return;
      last = now;
      model.set(name, Number(input.value));
      model.save_changes();
    };
    input.addEventListener("input", () => send(false));
    input.addEventListener("change", () => send(true));
    model.on(`change:${name}`, () => { input.value = model.get(name); value.textContent = String(model.get(name)); });
  }
  const update = () => {
    showRows(view, model.get("rows"));
    showRgb(view, model.get("rgb"));
    showSerial(parts.serial, model.get("serial"));
    status.textContent = model.get("status_text");
    status.setAttribute("data-status", model.get("status"));
    parts.error.textContent = model.get("error") ? `Fehler: ${model.get("error")}` : "";
  };
  for (const name of ["rows", "rgb", "serial", "status", "status_text", "error"]) model.on(`change:${name}`, update);
  update();
  return () => {};
}

function renderReplay(model, el, view, parts) {
  const bar = html("div", { class: "sl-controls" }, el);
  const again = html("button", { class: "sl-control", "data-action": "replay" }, bar, "Nochmal abspielen");
  const endMs = model.get("end_ms");
  const timeline = html("input", { type: "range", min: 0, max: endMs, step: 1, class: "sl-timeline",
    "aria-label": "Zeitpunkt" }, bar);
  const clock = html("span", { class: "sl-status" }, bar);
  el.insertBefore(bar, parts.error);
  let timer = null;
  let t0 = 0;
  const show = (t) => {
    const frame = lastBefore(model.get("frames"), t);
    showRows(view, frame ? frame.pixels : ["00000", "00000", "00000", "00000", "00000"]);
    const colours = lastBefore(model.get("rgb_frames"), t);
    showRgb(view, colours ? colours.leds : []);
    showSerial(parts.serial, model.get("lines").filter((e) => e.t <= t).map((e) => e.line));
    for (const [name, node] of Object.entries(view.buttons)) {
      const held = model.get("presses").some((p) => p.button === name && p.t <= t && t < p.t + p.hold);
      node.classList.toggle("sl-down", held);
    }
    const done = t >= endMs;
    timeline.value = String(Math.min(t, endMs));
    clock.textContent = `Zeit: ${(Math.min(t, endMs) / 1000).toFixed(1).replace(".", ",")} s von ` +
      `${(endMs / 1000).toFixed(1).replace(".", ",")} s${done ? " – fertig" : ""}`;
    clock.setAttribute("data-status", done ? "finished" : "running");
    parts.error.textContent = done && model.get("error") ? `Fehler: ${model.get("error")}` : "";
    return done;
  };
  const tick = () => {
    if (!show(performance.now() - t0)) timer = requestAnimationFrame(tick);
    else timer = null;
  };
  const play = () => {
    if (timer) cancelAnimationFrame(timer);
    t0 = performance.now();
    tick();
  };
  again.addEventListener("click", play);
  timeline.addEventListener("input", () => {  // scrub: stop playing, show that moment
    if (timer) cancelAnimationFrame(timer);
    timer = null;
    show(Number(timeline.value));
  });
  play();
  return () => { if (timer) cancelAnimationFrame(timer); };
}

function render({ model, el }) {
  el.classList.add("sl-calliope");
  const live = model.get("mode") === "live";
  const onButton = (button, down) => { if (live) model.send({ type: "button", button, down }); };
  const view = drawBoard(model.get("board"), onButton);
  el.appendChild(view.root);
  const error = html("div", { class: "sl-error", role: "alert" }, el);
  const serialBox = html("div", { class: "sl-serial-box" }, el);
  html("div", { class: "sl-serial-title" }, serialBox, "Ausgabe (seriell)");
  const serial = html("pre", { class: "sl-serial" }, serialBox);
  const parts = { error, serialBox, serial };
  return live ? renderLive(model, el, view, parts) : renderReplay(model, el, view, parts);
}

export default { render };
