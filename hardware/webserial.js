// Front-end of SerialWidget (anywidget ESM): the Calliope on this computer's USB port via Web Serial.
// Bytes from the board go to the kernel as "schuelerlab_serial" requests on the kernel's *control*
// channel, over a websocket of our own: the control channel is handled while a cell runs, widget
// (comm) messages are not. Bytes are batched for 10 ms; at most 8 requests wait for their answer.
// Bytes for the board (the REPL flasher) come as custom widget messages {type: "write", data: base64}.
const USB_FILTERS = [{ usbVendorId: 0x0d28 }, { usbVendorId: 0x1366 }];
const BAUD = 115200;
const FLUSH_MS = 10;
const MAX_IN_FLIGHT = 8;
const NO_WEBSERIAL = "Dein Browser kann nicht direkt mit dem Calliope sprechen. Nimm Chrome oder Edge – " +
  "oder probiere den Simulator.";

function uuid() {
  if (globalThis.crypto && crypto.randomUUID) return crypto.randomUUID();
  return "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g, (c) => {
    const r = (Math.random() * 16) | 0;
    return (c === "x" ? r : (r & 0x3) | 0x8).toString(16);
  });
}

function toBase64(bytes) {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

function fromBase64(text) {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

function kernelSocketUrl(kernelId) {
  const node = document.getElementById("jupyter-config-data");
  const config = node ? JSON.parse(node.textContent) : {};
  const base = new URL(config.baseUrl || "/", location.href).href;
  let ws = config.wsUrl || "ws" + base.slice(4);
  if (!ws.endsWith("/")) ws += "/";
  const token = config.token ? `&token=${encodeURIComponent(config.token)}` : "";
  return `${ws}api/kernels/${kernelId}/channels?session_id=${uuid()}${token}`;
}

// A websocket of our own to the kernel, used only for control-channel requests.
class KernelLink {
  constructor(kernelId) {
    this.session = uuid();
    this.waiting = new Map();
    this.ws = new WebSocket(kernelSocketUrl(kernelId));
    this.ready = new Promise((resolve, reject) => {
      this.ws.onopen = () => resolve();
      this.ws.onerror = () => reject(new Error("Kernel-Websocket"));
    });
    this.ws.onclose = () => {
      for (const done of this.waiting.values()) done({ status: "error", reason: "closed" });
      this.waiting.clear();
    };
    this.ws.onmessage = (event) => {
      if (typeof event.data !== "string") return;
      let msg;
      try { msg = JSON.parse(event.data); } catch (e) { return; }
      if (msg.channel !== "control") return;
      const done = this.waiting.get(msg.parent_header && msg.parent_header.msg_id);
      if (done) {
        this.waiting.delete(msg.parent_header.msg_id);
        done(msg.content);
      }
    };
  }

  request(content) {
    const id = uuid();
    const msg = {
      header: { msg_id: id, msg_type: "schuelerlab_serial", username: "", session: this.session,
        date: new Date().toISOString(), version: "5.3" },
      parent_header: {}, metadata: {}, content, channel: "control", buffers: [],
    };
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.ws.send(JSON.stringify(msg));
    });
  }

  close() { try { this.ws.close(); } catch (e) { /* already closed */ } }
}

// One connected port: reads into a queue, sends the queue to the kernel, writes what the kernel sends.
class Connection {
  constructor(port, link, token, onLost) {
    Object.assign(this, { port, link, token, onLost });
    this.queue = [];
    this.firstAt = 0;
    this.wake = null;
    this.running = true;
    this.writes = Promise.resolve();
    this.writer = port.writable.getWriter();
    this.reader = port.readable.getReader();
  }

  async start() {
    await this.link.request({ token: this.token, event: "open" });
    this.readLoop();
    this.sendLoop();
  }

  async readLoop() {
    try {
      while (this.running) {
        const { value, done } = await this.reader.read();
        if (done) break;
        if (value && value.length) {
          if (!this.queue.length) this.firstAt = Date.now();
          this.queue.push(value);
          if (this.wake) { this.wake(); this.wake = null; }
        }
      }
    } catch (err) {
      /* unplugged: reported below */
    }
    if (this.running) this.stop(true);
  }

  // Every FLUSH_MS at most one request with all bytes read meanwhile; up to MAX_IN_FLIGHT unanswered
  // (the control channel keeps their order), so a slow round trip does not add to the latency.
  async sendLoop() {
    let inFlight = 0;
    let freed = null;
    while (this.running) {
      if (!this.queue.length) {
        await new Promise((resolve) => { this.wake = resolve; });
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, FLUSH_MS));
      while (inFlight >= MAX_IN_FLIGHT && this.running) await new Promise((resolve) => { freed = resolve; });
      const chunks = this.queue;
      const t = this.firstAt;
      this.queue = [];
      const size = chunks.reduce((n, c) => n + c.length, 0);
      const all = new Uint8Array(size);
      let at = 0;
      for (const c of chunks) { all.set(c, at); at += c.length; }
      inFlight += 1;
      this.link.request({ token: this.token, event: "data", data: toBase64(all), t }).then((reply) => {
        inFlight -= 1;
        if (freed) { freed(); freed = null; }
        if (reply.status !== "ok" && reply.reason === "closed") this.stop(true);
      });
    }
  }

  write(base64) {
    const data = fromBase64(base64);
    this.writes = this.writes.then(() => this.writer.write(data)).catch(() => this.stop(true));
    return this.writes;
  }

  async stop(lost) {
    if (!this.running) return;
    this.running = false;
    if (this.wake) this.wake();
    try { await this.link.request({ token: this.token, event: "close" }); } catch (e) { /* kernel gone */ }
    try { await this.reader.cancel(); } catch (e) { /* gone */ }
    try { this.reader.releaseLock(); this.writer.releaseLock(); await this.port.close(); } catch (e) { /* gone */ }
    this.link.close();
    if (lost) this.onLost();
  }
}

function errorText(err) {
  const name = err && err.name;
  if (name === "NotFoundError") {
    return "Kein Anschluss gewählt. Klicke noch einmal auf „Calliope verbinden“ und wähle den Calliope aus der Liste.";
  }
  if (name === "SecurityError") {
    return "Der Browser erlaubt den Zugriff hier nicht. Öffne das Notebook über https:// oder frag deine Lehrkraft.";
  }
  if (name === "InvalidStateError" || name === "NetworkError") {
    return "Der Anschluss ist belegt. Schließe andere Tabs oder Programme (MakeCode, Mu, Thonny) und versuche es noch einmal.";
  }
  if (err && err.message === "Kernel-Websocket") {
    return "Keine Verbindung zum Python-Kernel. Läuft er noch? Starte das Notebook neu und führe die Zelle noch einmal aus.";
  }
  return `Das Verbinden hat nicht geklappt (${err}). Stecke den Calliope neu ein und versuche es noch einmal.`;
}

function render({ model, el }) {
  const root = document.createElement("div");
  root.className = "sl-webserial";
  root.style.cssText = "font-family: sans-serif; padding: 6px 0;";
  const button = document.createElement("button");
  button.className = "sl-connect";
  button.style.cssText = "font-size: 1.1em; padding: 4px 12px; margin-right: 10px;";
  const status = document.createElement("span");
  status.className = "sl-status";
  root.append(button, status);
  el.appendChild(root);
  const say = (state, text) => {
    status.textContent = text;
    root.dataset.state = state;
    model.set("status", state);
    model.set("status_text", text);
    model.save_changes();
  };

  if (!("serial" in navigator)) {
    button.textContent = "Simulator nehmen";
    say("unsupported", NO_WEBSERIAL);
    button.onclick = () => {
      model.send({ type: "simulator" });
      button.disabled = true;
      say("simulator", "Simulator gewählt: record() und die anderen lesen jetzt vom simulierten Calliope.");
    };
    return;
  }

  let conn = null;
  const idle = (text) => {
    conn = null;
    button.textContent = "Calliope verbinden";
    button.disabled = false;
    say("idle", text);
  };
  const lost = () => idle("Verbindung verloren (Kabel gezogen?). Stecke den Calliope ein und klicke noch einmal auf „Calliope verbinden“.");
  model.on("msg:custom", (msg) => {
    if (msg && msg.type === "write" && conn) conn.write(msg.data);
  });
  navigator.serial.addEventListener("disconnect", (event) => {
    if (conn && event.target === conn.port) conn.stop(true);
  });
  button.onclick = async () => {
    if (conn) {
      const old = conn;
      conn = null;
      await old.stop(false);
      idle("Getrennt. Der Calliope ist wieder frei für andere Programme.");
      return;
    }
    button.disabled = true;
    let port = null;
    try {
      port = await navigator.serial.requestPort({ filters: USB_FILTERS });
      say("opening", "Verbinde …");
      await port.open({ baudRate: BAUD, bufferSize: 65536 });
      const link = new KernelLink(model.get("kernel_id"));
      await link.ready;
      conn = new Connection(port, link, model.get("token"), lost);
      await conn.start();
      button.textContent = "Trennen";
      button.disabled = false;
      say("connected", "Verbunden: record(), log_csv() und live_plot() lesen jetzt von diesem Calliope.");
    } catch (err) {
      if (port) { try { await port.close(); } catch (e) { /* not open */ } }
      idle(errorText(err));
      root.dataset.state = "error";
    }
  };
  idle(model.get("kernel_id") ? "Klicke, um den Calliope an diesem Computer zu verbinden."
    : "Dieses Widget braucht einen Jupyter-Kernel.");
}

export default { render };
