import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** How long, and how much of a refused body, the vault reads past its answer before it closes the connection. */
const LINGER_MS = 2000;
const LINGER_BYTES = 4 * 1024 * 1024;

/**
 * Closes the connection once the answer is sent, without losing the answer. A client still sending a refused body
 * gets a TCP reset when the connection is closed with its bytes unread, and the reset makes its kernel drop the
 * answer it had not read yet. So the vault half-closes after the answer and reads on, discarding, for a bounded time
 * and amount before it closes: a lingering close.
 */
export function closeAfterAnswer(response: ServerResponse | undefined): void {
  if (!response || response.headersSent) return;
  response.setHeader('Connection', 'close');
  const socket = response.socket;
  if (socket) socket.destroySoon = () => linger(socket);
}

function linger(socket: Socket): void {
  let read = 0;
  const close = () => socket.destroy();
  const timer = setTimeout(close, LINGER_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
  socket.on('data', (chunk: Buffer) => {
    read += chunk.length;
    if (read > LINGER_BYTES) close();
  });
  socket.end();
  socket.resume();
}
