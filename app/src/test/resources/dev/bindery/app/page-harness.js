"use strict";
// Runs the status page's script outside a browser: a stand-in window, document, fetch and
// WebSocket, then prints which WebSocket URLs the script opened and any warning it showed.
// Arguments: the script's file, the page's location, the api/status document.

const fs = require("fs");
const vm = require("vm");

const [scriptFile, href, statusJson] = process.argv.slice(2);
const opened = [];
const elements = {};
let retries = 0;

const page = {
  window: { location: { href } },
  document: {
    getElementById: (id) => elements[id] || (elements[id] = { textContent: "", hidden: true }),
  },
  URL,
  console,
  fetch: () => Promise.resolve({ json: () => Promise.resolve(JSON.parse(statusJson)) }),
  // Every socket fails before opening, so the script's fallback shows
  WebSocket: class {
    constructor(url) {
      opened.push(url);
      setImmediate(() => this.onclose());
    }
  },
  // Retries happen at once, twice
  setTimeout: (retry) => {
    if (retries++ < 2) {
      setImmediate(retry);
    }
  },
};

vm.runInNewContext(fs.readFileSync(scriptFile, "utf8"), page);
setTimeout(() => {
  const warning = elements.mismatch && !elements.mismatch.hidden ? elements.mismatch.textContent : null;
  console.log(JSON.stringify({ opened, warning }));
}, 200);
