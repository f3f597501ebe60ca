"use strict";
const COLORS = ["#E69F00", "#009E73", "#CC79A7", "#0072B2", "#D55E00", "#56B4E9", "#F0E442"];
const DASHES = [[], [8, 4], [2, 3], [10, 3, 2, 3]];
const token = new URLSearchParams(location.search).get("token");
const query = token ? "?token=" + encodeURIComponent(token) : "";
const points = [];            // {t, lags: {node: ms}} for the chart
const CHART_SECONDS = 30;      // simulated seconds the chart shows
let state = null;
let lastEvent = 0;
const colorOf = {};

function $(id) { return document.getElementById(id); }

function act(action, node, value) {
  const body = { action: action };
  if (node !== undefined) body.node = node;
  if (value !== undefined) body.value = value;
  return send(body);
}

/** Sends an action: a pace control, or an entry of the scenario's faults list without "at". */
function send(body) {
  return fetch("action" + query, { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body) })
    .then(r => r.json())
    .then(j => { $("error").textContent = j.error ? j.error : ""; })
    .catch(e => { $("error").textContent = "the dashboard is not answering: " + e.message; });
}

function card(n) {
  const div = document.createElement("div");
  div.className = "node";
  div.id = "node-" + n.name;
  div.dataset.node = n.name;
  div.innerHTML = '<h2></h2><div class="role"></div><div class="numbers"></div><div class="buttons">'
      + '<button class="danger" data-action="crash">crash</button>'
      + '<button data-action="restart">restart</button>'
      + '<button data-action="isolate">isolate</button>'
      + '<button data-action="pause-node">pause 2 s</button></div>';
  div.querySelector("h2").textContent = n.name;
  const bodies = {
    crash: { action: "crash", node: n.name },
    restart: { action: "restart", node: n.name },
    isolate: { action: "partition", isolate: n.name },
    "pause-node": { action: "pause", node: n.name, duration: "2s" }
  };
  div.querySelectorAll("button").forEach(b => {
    b.dataset.node = n.name;
    b.addEventListener("click", () => send(bodies[b.dataset.action]));
  });
  $("nodes").appendChild(div);
  return div;
}

function render(s) {
  state = s;
  document.body.dataset.seq = s.seq;
  $("sim-time").textContent = (s.simTimeMs / 1000).toFixed(s.paused ? 6 : 3); // paused, a step may move microseconds
  $("sim-time").dataset.ms = s.simTimeMs;
  $("sim-time").dataset.nextMs = s.nextEventMs === null ? "" : s.nextEventMs;
  $("state-word").textContent = s.paused ? "paused" : "running";
  $("state-word").dataset.paused = s.paused;
  $("speed").textContent = s.speed;
  // a live run goes at real time: no pause, step or speed (the server refuses them too)
  ["pause", "resume", "step", "slower", "faster", "slow-motion"].forEach(id => { if ($(id)) $(id).hidden = s.live; });
  if (s.live) $("state-word").textContent = "live";
  $("leader").textContent = s.leader === null ? "none (election)" : s.leader;
  $("leader").dataset.leader = s.leader === null ? "" : s.leader;
  $("acknowledged").textContent = s.acknowledged;
  $("failed").textContent = s.failed;
  $("lost-writes").textContent = s.lostWrites;
  $("reads-figure").hidden = s.reads.answered === 0;
  $("reads").textContent = s.reads.answered;
  $("stale-reads").textContent = s.reads.stale;
  $("stale-share").textContent = s.reads.judged === 0 ? "0" : (100 * s.reads.stale / s.reads.judged).toFixed(1);
  $("over").style.display = s.running ? "none" : "inline";
  s.nodes.forEach(n => {
    const div = $("node-" + n.name) || card(n);
    div.dataset.role = n.role;
    div.dataset.up = n.up;
    div.querySelector(".role").textContent = n.role;
    div.querySelector(".numbers").textContent = n.up
        ? "term " + n.term + " · last LSN " + n.lastLsn + " · applied " + n.appliedLsn : "crashed";
    div.querySelectorAll("button").forEach(b => { b.disabled = (b.dataset.action === "restart") === n.up; });
  });
  renderSettings(s);
  renderLags(s);
  renderEvents(s);
}

/** Fills the node lists once, and shows what is set now (without overwriting a field being edited). */
function renderSettings(s) {
  if ($("link-from").options.length === 0 && s.nodes.length > 0) {
    const names = s.nodes.map(n => n.name);
    [["link-from", ["all"].concat(names)], ["link-to", ["all"].concat(names)], ["slow-node", names]]
        .forEach(([id, options]) => options.forEach(o => $(id).add(new Option(o, o))));
    $("sides").innerHTML = "";
    names.forEach(name => {
      const label = document.createElement("label");
      label.innerHTML = '<input type="checkbox"> <span></span>';
      label.querySelector("input").value = name;
      label.querySelector("span").textContent = name;
      $("sides").appendChild(label);
    });
  }
  const now = s.settings;
  $("settings-now").dataset.mode = now.mode;
  $("settings-now").dataset.method = now.method;
  $("settings-now").innerHTML = "— now <b></b>";
  $("settings-now").querySelector("b").textContent = now.mode + (now.mode === "semi-sync" ? " (" + now.acks + " ack"
      + (now.acks === 1 ? "" : "s") + ")" : "") + " · " + now.method + " · "
      + (now.writeRate === null ? "unlimited" : now.writeRate) + " writes/s · " + now.readRate + " reads/s"
      + (now.clientsRunning ? "" : " · clients stopped");
  const editing = $("steer").contains(document.activeElement);
  if (!editing) {
    $("mode").value = now.mode;
    $("acks").value = now.acks;
    $("method").value = now.method;
    $("write-rate").value = now.writeRate === null ? "" : now.writeRate;
    $("read-rate").value = now.readRate;
  }
  $("clients").textContent = now.clientsRunning ? "stop clients" : "start clients";
  $("clients").dataset.running = now.clientsRunning;
}

function renderLags(s) {
  const max = Math.max(100, ...s.lags.map(l => l.ms));
  const lags = $("lags");
  lags.innerHTML = "";
  const point = { t: s.simTimeMs / 1000, lags: {} };
  s.lags.forEach((l, i) => {
    if (!(l.node in colorOf)) colorOf[l.node] = Object.keys(colorOf).length;
    const row = document.createElement("div");
    row.className = "lag";
    row.dataset.node = l.node;
    row.dataset.ms = l.ms;
    row.dataset.entries = l.entries;
    row.innerHTML = '<span></span><div class="bar"><span></span></div><span class="text"></span>';
    row.children[0].textContent = l.node;
    row.querySelector(".bar span").style.width = (100 * l.ms / max) + "%";
    row.querySelector(".bar span").style.background = COLORS[colorOf[l.node] % COLORS.length];
    row.querySelector(".text").textContent = l.ms.toFixed(1) + " ms · " + l.entries + " entries";
    lags.appendChild(row);
    point.lags[l.node] = l.ms;
  });
  point.lines = {};
  if (s.commitP50Ms !== null) point.lines = { p50: s.commitP50Ms, p99: s.commitP99Ms };
  $("commit-now").textContent = s.commitP50Ms === null ? "" : "— now p50 " + s.commitP50Ms.toFixed(1) + " ms, p99 "
      + s.commitP99Ms.toFixed(1) + " ms";
  $("commit-now").dataset.p50 = s.commitP50Ms === null ? "" : s.commitP50Ms;
  if (points.length === 0 || point.t !== points[points.length - 1].t) points.push(point);
  while (points.length > 0 && points[0].t < point.t - CHART_SECONDS) points.shift();
  drawChart("lag-chart", "legend", p => p.lags, Object.keys(colorOf).map(n => [n, colorOf[n]]));
  drawChart("commit-chart", "commit-legend", p => p.lines, [["p50", 3], ["p99", 4]]);
}

/** Draws one line per series over the last CHART_SECONDS: series are [name, colour index], values(point) by name. */
function drawChart(id, legendId, values, series) {
  const canvas = $(id);
  const w = canvas.clientWidth, h = canvas.clientHeight;
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const g = canvas.getContext("2d");
  g.clearRect(0, 0, w, h);
  if (points.length < 2) return;
  const t1 = points[points.length - 1].t, t0 = Math.max(points[0].t, t1 - CHART_SECONDS);
  let top = 50;
  points.forEach(p => Object.values(values(p)).forEach(v => { top = Math.max(top, v); }));
  top = Math.ceil(top / 50) * 50;
  const left = 48, bottom = h - 22;
  g.font = "14px system-ui, sans-serif";
  g.fillStyle = "#444";
  g.strokeStyle = "#ddd";
  for (let i = 0; i <= 4; i++) {
    const y = bottom - (bottom - 8) * i / 4;
    g.beginPath(); g.moveTo(left, y); g.lineTo(w, y); g.stroke();
    g.fillText(String(Math.round(top * i / 4)), 4, y + 5);
  }
  g.fillText((t0).toFixed(0) + " s", left, h - 4);
  g.fillText((t1).toFixed(0) + " s", w - 50, h - 4);
  const x = t => left + (w - left - 4) * (t1 === t0 ? 1 : (t - t0) / (t1 - t0));
  const y = v => bottom - (bottom - 8) * v / top;
  const legend = [];
  series.forEach(([name, i]) => {
    g.strokeStyle = COLORS[i % COLORS.length];
    g.setLineDash(DASHES[i % DASHES.length]);
    g.lineWidth = 3;
    g.beginPath();
    let drawing = false;
    points.forEach(p => {
      const v = values(p)[name];
      if (p.t < t0 || v === undefined) { drawing = false; return; }
      if (drawing) g.lineTo(x(p.t), y(v)); else g.moveTo(x(p.t), y(v));
      drawing = true;
    });
    g.stroke();
    legend.push('<span style="color:' + COLORS[i % COLORS.length] + '">▬ ' + name + "</span>");
  });
  g.setLineDash([]);
  $(legendId).innerHTML = legend.join("");
}

function renderEvents(s) {
  const list = $("events");
  s.events.forEach(e => {
    if (e.seq <= lastEvent) return;
    lastEvent = e.seq;
    const li = document.createElement("li");
    li.dataset.seq = e.seq;
    li.innerHTML = '<span class="t"></span><span class="what"></span>';
    li.querySelector(".t").textContent = (e.tMs / 1000).toFixed(2) + " s";
    li.querySelector(".what").textContent = e.text;
    list.insertBefore(li, list.firstChild);
  });
  while (list.children.length > 200) list.removeChild(list.lastChild);
}

function changeSpeed(factor) {
  if (!state) return;
  const next = Math.min(100, Math.max(0.01, Math.round(state.speed * factor * 100) / 100));
  act("speed", undefined, next);
}

function crashLeader() {
  if (state && state.leader !== null) act("crash", state.leader);
  else $("error").textContent = "no node leads right now";
}

document.querySelectorAll(".controls button[data-action]").forEach(b =>
    b.addEventListener("click", () => act(b.dataset.action)));
$("crash-leader").addEventListener("click", crashLeader);
$("set-commit").addEventListener("click", () => {
  const body = { action: "commit", mode: $("mode").value };
  if ($("mode").value === "semi-sync") body.acks = Number($("acks").value);
  send(body);
});
$("set-method").addEventListener("click", () => send({ action: "method", method: $("method").value }));
$("set-rates").addEventListener("click", () => {
  const body = { action: "rate" };
  if ($("write-rate").value !== "") body.writes = Number($("write-rate").value);
  if ($("read-rate").value !== "" && state && Number($("read-rate").value) !== state.settings.readRate) {
    body.reads = Number($("read-rate").value);
  }
  send(body);
});
$("clients").addEventListener("click", () =>
    send({ action: "clients", running: !(state && state.settings.clientsRunning) }));
$("set-link").addEventListener("click", () => {
  const body = { action: "link", from: $("link-from").value, to: $("link-to").value, "both-ways": true };
  if ($("link-delay").value !== "") body.delay = { distribution: "constant", value: $("link-delay").value + "ms" };
  if ($("link-loss").value !== "") body.loss = Number($("link-loss").value) / 100;
  send(body);
});
$("partition").addEventListener("click", () => {
  const cut = Array.from($("sides").querySelectorAll("input:checked")).map(i => i.value);
  if (cut.length === 0) { $("error").textContent = "tick the nodes to cut off from the rest"; return; }
  send({ action: "partition", groups: [cut] });
});
$("slow").addEventListener("click", () => send({ action: "slow", node: $("slow-node").value,
    "apply-time": { distribution: "constant", value: $("slow-ms").value + "ms" } }));
$("export").href = "export" + query;
$("slower").addEventListener("click", () => changeSpeed(0.5));
$("faster").addEventListener("click", () => changeSpeed(2));
document.addEventListener("keydown", e => {
  if (["INPUT", "SELECT"].includes(e.target.tagName) || e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.key === " ") { e.preventDefault(); act(state && state.paused ? "resume" : "pause"); }
  else if (e.key === "s") act("step");
  else if (e.key === "c") crashLeader();
  else if (e.key === "h") act("heal");
  else if (e.key === "e") location.href = $("export").href;
  else if (e.key === "+" || e.key === "=") changeSpeed(2);
  else if (e.key === "-") changeSpeed(0.5);
});

const source = new EventSource("events" + query);
source.onmessage = m => render(JSON.parse(m.data));
