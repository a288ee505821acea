import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';

/** After the grace period, closing the stores gets this long before the process ends regardless. */
const CLOSE_BOUND_MS = 5_000;

export interface ShutdownLog {
  info(context: object, message: string): void;
  error(context: object, message: string): void;
}

/**
 * Stops the vault on SIGTERM or SIGINT within a bounded time, whoever is still connected. New connections are
 * refused at once; requests in flight get `graceMs` to finish, then their connections are closed (a refused or cut-off
 * upload leaves nothing behind); only then are the stores closed, so no request finds them gone. Should closing hang
 * after all, the process ends anyway once the bound has passed.
 */
export function stopOnSignals(app: INestApplication, graceMs: number, log: ShutdownLog): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, graceMs }, 'stopping: finishing the requests in flight');
    setTimeout(() => {
      log.error({ signal }, 'the vault did not stop within its bound; ending the process');
      process.exit(1);
    }, graceMs + CLOSE_BOUND_MS).unref();
    drain(app.getHttpServer() as Server, graceMs, log)
      .then(() => app.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          log.error({ err: error }, 'the vault did not stop cleanly');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/** Stops accepting, lets the requests in flight finish within `graceMs`, then closes whatever connections remain. */
async function drain(server: Server, graceMs: number, log: ShutdownLog): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  let graceTimer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<'grace over'>((resolve) => {
    graceTimer = setTimeout(() => resolve('grace over'), graceMs);
  });
  const outcome = await Promise.race([closed.then(() => 'drained' as const), graceOver]);
  clearTimeout(graceTimer);
  if (outcome === 'drained') return;
  log.info({ graceMs }, 'closing the connections still open after the grace period');
  server.closeAllConnections();
  await closed;
}
