// The soak's slow clients: COUNT connections (default 64) that trickle a
// request one byte every two seconds (slowloris) or connect and say
// nothing, reconnecting whenever the server closes them (its read and
// idle timeouts). They hold sockets and coroutines open for the whole soak;
// the server must keep serving everyone else, with flat memory and file
// descriptors. Runs until killed. Usage: node slow_clients.mjs HOST:PORT [COUNT]
import net from 'node:net';

const [host, port] = process.argv[2].split(':');
const count = Number(process.argv[3] ?? 64);
const request = 'GET /api/space HTTP/1.1\r\nHost: soak\r\nX-Padding: ' + 'x'.repeat(200) + '\r\n\r\n';

function slow(index) {
  const socket = net.connect(Number(port), host);
  let sent = 0;
  let timer;
  socket.on('connect', () => {
    if (index % 2 === 1) return; // silent
    timer = setInterval(() => {
      if (sent < request.length) socket.write(request[sent++]);
    }, 2000);
  });
  socket.on('data', () => {});
  socket.on('error', () => {});
  socket.on('close', () => {
    clearInterval(timer);
    setTimeout(() => slow(index), 100);
  });
}

for (let i = 0; i < count; i++) slow(i);
