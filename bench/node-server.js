// Reference server for bench/run: Node's own http module answering every request with the
// bytes and content type of Bindery's GET /health, on a Unix socket and on TCP at once.
// Usage: node node-server.js <socket path> <host> <port>
'use strict';
const http = require('http');

const [socketPath, host, port] = process.argv.slice(2);
if (!socketPath || !host || !port) {
  console.error('usage: node node-server.js <socket path> <host> <port>');
  process.exit(64);
}

const body = Buffer.from('{"status":"UP"}');
const handler = (req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
  res.end(body);
};

const servers = [
  http.createServer(handler).listen(socketPath),
  http.createServer(handler).listen(Number(port), host),
];
let listening = 0;
servers.forEach((s) => s.on('listening', () => {
  if (++listening === servers.length) console.log('Started');
}));

// Closing the Unix socket server removes its file.
process.on('SIGTERM', () => servers.forEach((s) => s.close(() => process.exit(0))));
