import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const MAIN = join(ROOT, 'dist/apps/vault-api/src/main.js');
const UI = join(ROOT, 'dist/web/index.html');

export interface BuiltVault {
  readonly url: string;
  readonly dataDir: string;
  /** What the vault wrote to stdout and stderr, to explain a failure. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts `node dist/…/main.js`, as `npm start` does, on a free port and a temp data dir of its own. */
export async function startBuiltVault(env: NodeJS.ProcessEnv = {}): Promise<BuiltVault> {
  if (!existsSync(MAIN) || !existsSync(UI)) throw new Error('the vault is not built: run `npm run build` (npm run test:browser does)');
  const dataDir = await mkdtemp(join(tmpdir(), 'kluis-browser-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env, PORT: String(port), VAULT_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const vault: BuiltVault = {
    url,
    dataDir,
    output: () => output,
    stop: async () => {
      await stopProcess(child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  try {
    await waitUntilLive(url, child, 30_000);
  } catch (error) {
    await vault.stop();
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return vault;
}

async function waitUntilLive(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the vault exited with ${child.exitCode} while starting`);
    try {
      const response = await fetch(`${url}/health/live`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the vault did not answer /health/live within ${timeoutMs} ms`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
