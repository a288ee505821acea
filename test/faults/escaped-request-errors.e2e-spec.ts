import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { builtFile } from '../support/built-vault';

/**
 * The vault's own guard against errors that escape a request, installed in a process of its own beside a few routes
 * that fail the ways such errors happen: a stream failing with nobody listening (what a cut-off upload once did), a
 * throw in a timer, a promise nobody awaited. Each request gets a 500 problem, the error is counted, and the process
 * carries on serving.
 */
const server = (requestScope: string, escapedErrors: string) => `
const express = require('express');
const { PassThrough } = require('node:stream');
const { scopeRequest } = require(${JSON.stringify(requestScope)});
const { answerEscapedErrors } = require(${JSON.stringify(escapedErrors)});
let escaped = 0;
answerEscapedErrors({ error: (context, message) => process.stderr.write(message + ': ' + (context.err && context.err.message) + '\\n') }, () => { escaped += 1; });
const app = express();
app.use(scopeRequest);
app.post('/stream-fails', () => new PassThrough().destroy(new Error('Unexpected end of form, in /srv/kluis/data')));
app.get('/timer-throws', () => setTimeout(() => { throw new Error('thrown later'); }, 5));
app.get('/nobody-awaits', () => { Promise.reject(new Error('rejected later')); });
app.get('/escaped', (_request, response) => response.json({ escaped }));
const listening = app.listen(0, '127.0.0.1', () => process.stdout.write(listening.address().port + '\\n'));
`;

describe('an error that escapes its request', () => {
  let child: ChildProcess;
  let url: string;
  let stderr = '';

  beforeAll(async () => {
    child = spawn(process.execPath, ['-e', server(builtFile('lifecycle/request-scope.js'), builtFile('lifecycle/escaped-errors.js'))], {
      cwd: resolve(__dirname, '..', '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [port] = (await once(child.stdout!, 'data')) as [Buffer];
    url = `http://127.0.0.1:${port.toString().trim()}`;
  });
  afterAll(() => {
    child?.kill('SIGKILL');
  });

  it.each([
    ['a stream that fails with nobody listening', 'POST', '/stream-fails'],
    ['a throw in a timer', 'GET', '/timer-throws'],
    ['a promise nobody awaited', 'GET', '/nobody-awaits'],
  ])('answers %s with a 500 problem, and the process carries on', async (_name, method, path) => {
    const { escaped: before } = (await (await fetch(`${url}/escaped`)).json()) as { escaped: number };
    const response = await fetch(`${url}${path}`, { method });
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('connection')).toBe('close');
    expect(JSON.parse(text)).toMatchObject({ status: 500, code: 'SERVER.ERROR', title: expect.any(String), detail: expect.any(String) });
    expect(text).not.toMatch(/later|Unexpected|\/srv\//);
    expect(child.exitCode).toBeNull();
    expect(await (await fetch(`${url}/escaped`)).json()).toEqual({ escaped: before + 1 });
    expect(stderr).toContain('an error escaped its request');
  });
});
