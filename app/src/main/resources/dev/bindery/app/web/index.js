"use strict";

// Shows the status document: once from api/status, then the server's part from each frame of the
// live WebSocket. The request part stays that of api/status, which arrived the way the page did.
// api/status is fetched relative to this page, so it goes through the same proxy and prefix.

function showServer(status) {
  text("version", status.version);
  text("transport", status.transport === "unix" ? "Unix domain socket" : "TCP");
  text("endpoint", status.endpoint);
  text("uptime", uptime(status.uptimeSeconds));
  text("requests", String(status.requestsServed));
}

function showRequest(status) {
  const request = status.request;
  text("client", request.clientAddress === null
    ? "none (Unix socket: the JDK reports no peer address, and no proxy named one)"
    : request.clientAddress);
  text("peer", request.peer === null ? "none (TCP)" : peer(request.peer));
  text("request", request.method + " " + request.path);
  text("protocol", request.protocol);
  text("address", request.host === null
    ? "no host given"
    : request.scheme + "://" + request.host + request.prefix + "/");
  text("live", status.links.live === null ? "–" : status.links.live);
}

// As id(1) prints them: uid=0(root) gid=0(root)
function peer(credentials) {
  const id = (number, name) => (number === null ? "?" : number) + (name === null ? "" : "(" + name + ")");
  return "uid=" + id(credentials.uid, credentials.user) + " gid=" + id(credentials.gid, credentials.group);
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

// The WebSocket's address as this page's own location gives it, with ws: or wss: for http: or https:
function pageLiveUrl() {
  const url = new URL("live", window.location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.href;
}

// The server's address for the WebSocket (links.live) follows the proxy's X-Forwarded-Proto,
// -Host and -Prefix. When it differs from the page's own, the proxy sends them wrong or not at
// all: say so, and should the server's address fail at once, fall back to the page's.
function liveUrls(status) {
  const own = pageLiveUrl();
  const resolved = status.links.live;
  if (resolved === null || resolved === own) {
    return [own];
  }
  const warning = document.getElementById("mismatch");
  warning.textContent = "The server sees this page at " + resolved + ", the browser at " + own
    + ": check the proxy's X-Forwarded-Proto, X-Forwarded-Host and X-Forwarded-Prefix headers.";
  warning.hidden = false;
  return [resolved, own];
}

function connect(urls) {
  const socket = new WebSocket(urls[0]);
  let opened = false;
  socket.onopen = () => {
    opened = true;
    state("Live", "live");
  };
  socket.onmessage = (event) => showServer(JSON.parse(event.data));
  socket.onclose = () => {
    state("Disconnected; retrying…", "lost");
    const next = !opened && urls.length > 1 ? urls.slice(1) : urls;
    setTimeout(() => connect(next), 2000);
  };
}

fetch("api/status", { cache: "no-store" })
  .then((response) => response.json())
  .then((status) => {
    showServer(status);
    showRequest(status);
    connect(liveUrls(status));
  })
  .catch(() => {
    state("Unable to read api/status", "lost");
    connect([pageLiveUrl()]);
  });
