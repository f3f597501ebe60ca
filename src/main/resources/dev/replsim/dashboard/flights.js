"use strict";
// The messages on their way (state.flights), drawn moving along the links. Each state has the
// messages on their way since the state before; the panel plays simulated time from the state
// before to this one at the run's speed, so it runs one state (about 0.2 s) behind, and misses
// nothing that went and arrived between two states. Paused, the dots stand still.
(() => {
  const css = name => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  // kind → [colour variable, shape]: every colour also has its shape and its word in the legend
  const KINDS = {
    "entries": ["--blue", "circle"], "ack": ["--green", "square"], "heartbeat": ["--grey", "ring"],
    "resend": ["--vermillion", "triangle"], "snapshot": ["--purple", "circle"],
    "vote-request": ["--orange", "diamond"], "vote": ["--sky", "diamond"], "hello": ["--sky", "triangle"],
    "log-match": ["--purple", "square"], "timeout-now": ["--orange", "triangle"],
    "refused": ["--vermillion", "square"], "other": ["--ink", "circle"]
  };
  const SLOW = 0.02;
  const view = { state: null, seq: -1, from: 0, to: 0, at: 0, speed: 1 };
  const panel = document.getElementById("flights");
  const canvas = document.getElementById("flights-canvas");
  const button = document.getElementById("slow-motion");
  let speedBeforeSlow = null;

  function simNow() {
    if (view.state === null) return 0;
    return Math.min(view.to, view.from + (performance.now() - view.at) * view.speed);
  }

  function onState(s) {
    if (s.seq === view.seq) return;
    const first = view.state === null;
    const shown = first ? s.simTimeMs : simNow();
    // from where the panel is, but never further back than the state before (a hidden tab catches up)
    view.from = Math.min(Math.max(shown, first ? s.simTimeMs : view.to), s.simTimeMs);
    view.to = s.simTimeMs;
    view.at = performance.now();
    view.speed = s.speed;
    view.seq = s.seq;
    view.state = s;
    const slow = s.speed === SLOW && speedBeforeSlow !== null;
    button.textContent = slow ? "back to " + speedBeforeSlow + "×" : "slow motion (" + SLOW + "×)";
    button.setAttribute("aria-pressed", String(slow));
  }

  function shape(g, kind, x, y, r) {
    const [colour, form] = KINDS[kind] || KINDS.other;
    g.fillStyle = css(colour);
    g.strokeStyle = form === "ring" ? css(colour) : css("--ink");
    g.lineWidth = form === "ring" ? 3 : 1;
    g.beginPath();
    if (form === "square") g.rect(x - r * .85, y - r * .85, r * 1.7, r * 1.7);
    else if (form === "diamond") { g.moveTo(x, y - r * 1.2); g.lineTo(x + r * 1.2, y); g.lineTo(x, y + r * 1.2); g.lineTo(x - r * 1.2, y); g.closePath(); }
    else if (form === "triangle") { g.moveTo(x, y - r * 1.2); g.lineTo(x + r * 1.1, y + r * .8); g.lineTo(x - r * 1.1, y + r * .8); g.closePath(); }
    else g.arc(x, y, form === "ring" ? r * .8 : r, 0, 2 * Math.PI);
    if (form !== "ring") g.fill();
    g.stroke();
  }

  function legend() {
    const box = document.getElementById("flights-legend");
    Object.keys(KINDS).filter(k => k !== "other").forEach(kind => {
      const item = document.createElement("span");
      const c = document.createElement("canvas");
      c.width = 24; c.height = 24;
      shape(c.getContext("2d"), kind, 12, 12, 8);
      item.appendChild(c);
      item.appendChild(document.createTextNode(kind));
      box.appendChild(item);
    });
  }

  function draw() {
    const ratio = window.devicePixelRatio || 1;
    const w = canvas.clientWidth, h = canvas.clientHeight;
    if (canvas.width !== Math.round(w * ratio) || canvas.height !== Math.round(h * ratio)) {
      canvas.width = Math.round(w * ratio);
      canvas.height = Math.round(h * ratio);
    }
    const g = canvas.getContext("2d");
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, w, h);
    const s = view.state;
    if (s === null || s.nodes.length === 0) return 0;
    const R = 56, ring = Math.max(60, Math.min(w, h) / 2 - R - 30), cx = w / 2, cy = h / 2;
    const at = {};
    s.nodes.forEach((n, i) => {
      const a = -Math.PI / 2 + 2 * Math.PI * i / s.nodes.length;
      at[n.name] = { x: cx + ring * Math.cos(a), y: cy + ring * Math.sin(a), node: n };
    });
    g.strokeStyle = "#ccc";
    g.lineWidth = 2;
    s.nodes.forEach((a, i) => s.nodes.slice(i + 1).forEach(b => {
      g.setLineDash(a.up && b.up ? [] : [6, 6]);
      g.beginPath(); g.moveTo(at[a.name].x, at[a.name].y); g.lineTo(at[b.name].x, at[b.name].y); g.stroke();
    }));
    g.setLineDash([]);
    const now = simNow();
    let drawn = 0;
    s.flights.forEach(f => {
      const a = at[f.from], b = at[f.to];
      if (!a || !b || f.dueMs <= f.sentMs) return;
      const p = (now - f.sentMs) / (f.dueMs - f.sentMs);
      if (p < 0 || p >= (f.dropped ? .5 : 1)) return;
      const dx = b.x - a.x, dy = b.y - a.y, len = Math.hypot(dx, dy);
      const ux = dx / len, uy = dy / len;
      const off = 9; // each direction on its own side of the link
      const along = R + (len - 2 * R) * p;
      g.globalAlpha = f.dropped ? 1 - p / .5 : 1;
      shape(g, f.kind, a.x + ux * along - uy * off, a.y + uy * along + ux * off, 9);
      g.globalAlpha = 1;
      drawn++;
    });
    Object.values(at).forEach(({ x, y, node }) => {
      const role = node.up ? node.role : "down";
      g.fillStyle = node.up ? (role === "leader" ? "#e6f1f8" : css("--paper")) : "#ddd";
      g.strokeStyle = role === "leader" ? css("--blue") : role === "follower" ? css("--sky")
          : role === "candidate" ? css("--orange") : css("--grey");
      g.lineWidth = role === "leader" ? 8 : 4;
      g.setLineDash(role === "candidate" ? [8, 5] : role === "down" ? [3, 5] : []);
      g.beginPath(); g.arc(x, y, R, 0, 2 * Math.PI); g.fill(); g.stroke();
      g.setLineDash([]);
      g.fillStyle = node.up ? css("--ink") : css("--grey");
      g.textAlign = "center";
      g.font = "bold 17px system-ui, sans-serif";
      g.fillText(node.name, x, y - 2);
      g.font = (role === "leader" ? "bold " : "") + "15px system-ui, sans-serif";
      g.fillText(role, x, y + 17);
    });
    return drawn;
  }

  function frame() {
    const drawn = draw();
    panel.dataset.flights = drawn;
    panel.dataset.simMs = simNow().toFixed(3);
    requestAnimationFrame(frame);
  }

  button.addEventListener("click", () => {
    const s = view.state;
    if (s === null) return;
    if (s.speed === SLOW && speedBeforeSlow !== null) {
      act("speed", undefined, speedBeforeSlow);
      speedBeforeSlow = null;
    } else {
      speedBeforeSlow = s.speed;
      act("speed", undefined, SLOW);
    }
  });
  legend();
  source.addEventListener("message", m => onState(JSON.parse(m.data)));
  requestAnimationFrame(frame);
})();
