"use strict";

// Shows the status document: once from api/status, then the server's part from each frame of the
// live WebSocket. The request part stays that of api/status, which arrived the way the page did.
// Every URL is relative to this page, so the page also works under a path prefix behind a proxy.

function showServer(status) {
  text("version", status.version);
  text("transport", status.transport === "unix" ? "Unix domain socket" : "TCP");
  text("endpoint", status.endpoint);
  text("uptime", uptime(status.uptimeSeconds));
  text("requests", String(status.requestsServed));
}

function showRequest(status) {
  text("client", status.request.clientAddress === null
    ? "none (Unix socket: the JDK reports no peer address)"
    : status.request.clientAddress);
  text("request", status.request.method + " " + status.request.path);
  text("protocol", status.request.protocol);
}

function text(id, value) {
  document.getElementById(id).textContent = value;
}

function uptime(seconds) {
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor(seconds % 86400 / 3600);
  const minutes = Math.floor(seconds % 3600 / 60);
  const parts = [];
  if (days) parts.push(days + " d");
  if (days || hours) parts.push(hours + " h");
  if (days || hours || minutes) parts.push(minutes + " min");
  parts.push(seconds % 60 + " s");
  return parts.join(" ");
}

function state(label, kind) {
  const element = document.getElementById("connection");
  element.textContent = label;
  element.className = "state " + kind;
}

// The WebSocket's address is this page's, with ws: or wss: for http: or https:
function liveUrl() {
  const url = new URL("live", window.location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.href;
}

function connect() {
  const socket = new WebSocket(liveUrl());
  socket.onopen = () => state("Live", "live");
  socket.onmessage = (event) => showServer(JSON.parse(event.data));
  socket.onclose = () => {
    state("Disconnected; retrying…", "lost");
    setTimeout(connect, 2000);
  };
}

fetch("api/status", { cache: "no-store" })
  .then((response) => response.json())
  .then((status) => {
    showServer(status);
    showRequest(status);
  })
  .catch(() => state("Unable to read api/status", "lost"));
connect();
