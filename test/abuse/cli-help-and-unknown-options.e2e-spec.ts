import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuiltCli } from '../support/built-vault';

/**
 * An operator asks a command for help, or mistypes an option. Taken as a folder name, `--help` once made the backup
 * command write a full backup, dev master key included, into a folder called `--help`. Every command must print its
 * usage for `--help`, refuse an option it does not know with exit code 2, and in both cases touch nothing.
 */
const COMMANDS = ['backup', 'restore', 'reconcile', 'rebuild-projections', 'rewrap-keys', 'token'] as const;

describe('the command-line tools', () => {
  let workDir: string;
  let dataDir: string;

  beforeEach(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'kluis-cli-'));
    dataDir = join(workDir, 'data');
  });
  afterEach(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  describe.each(COMMANDS)('%s', (command) => {
    it.each(['--help', '-h'])('answers %s with its usage and exit code 0, writing nothing', async (flag) => {
      const run = await runBuiltCli(command, [flag], { VAULT_DATA_DIR: dataDir }, workDir);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(/^usage: npm run /);
      expect(await readdir(workDir)).toEqual([]);
    });

    it('refuses an unknown option with exit code 2 and its usage, writing nothing', async () => {
      const run = await runBuiltCli(command, ['--frobnicate'], { VAULT_DATA_DIR: dataDir }, workDir);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/--frobnicate[\s\S]*usage: npm run /);
      expect(run.stdout).toBe('');
      expect(await readdir(workDir)).toEqual([]);
    });
  });

  it('takes a folder that starts with a dash only after --', async () => {
    const run = await runBuiltCli('backup', ['-x'], { VAULT_DATA_DIR: dataDir }, workDir);
    expect(run.code).toBe(2);
    expect(await readdir(workDir)).toEqual([]);
  });
});
