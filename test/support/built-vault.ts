import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

/** Where `npm run build` puts the vault; KLUIS_DIST_DIR points elsewhere, e.g. at a build kept apart from others'. */
export const distDir = () => resolve(process.env.KLUIS_DIST_DIR ?? join(__dirname, '..', '..', 'dist'));

/** A file of the built vault; fails, saying what to do, when the build is missing. */
export function builtFile(relative: string): string {
  const file = join(distDir(), 'apps', 'vault-api', 'src', relative);
  if (!existsSync(file)) throw new Error(`${file} is missing: these tests run the built vault, so run \`npm run build\` first`);
  return file;
}

export interface BuiltVault {
  readonly url: string;
  readonly process: ChildProcess;
  /** Resolves with the exit code or signal once the process has ended. */
  readonly exited: Promise<number | NodeJS.Signals | null>;
  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  crash(): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts the built vault as a process of its own and waits until /health answers. */
export async function startBuiltVault(env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<BuiltVault> {
  const main = builtFile('main.js');
  const port = await freePort();
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH, NODE_ENV: 'test', LOG_LEVEL: 'warn', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | NodeJS.Signals | null>((resolveExit) => child.once('exit', (code, signal) => resolveExit(signal ?? code)));
  let ended = false;
  void exited.then(() => {
    ended = true;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (ended) throw new Error(`the vault exited while starting: ${stderr.trim()}`);
    const healthy = await fetch(`${url}/health`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the vault did not answer /health within ${timeoutMs} ms: ${stderr.trim()}`);
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  }
  const endWith = async (signal: NodeJS.Signals) => {
    if (!ended) child.kill(signal);
    await exited;
  };
  return { url, process: child, exited, crash: () => endWith('SIGKILL'), stop: () => endWith('SIGTERM') };
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs one of the built command-line tools, as `npm run <tool>` would, in `cwd` when given. */
export async function runBuiltCli(tool: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<CliRun> {
  const child = spawn(process.execPath, [builtFile(join('cli', `${tool}.js`)), ...args], {
    cwd,
    env: { PATH: process.env.PATH, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((resolveExit) => child.once('close', (exitCode) => resolveExit(exitCode)));
  return { code, stdout, stderr };
}
