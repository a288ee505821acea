import type { Tombstone } from '@kluis/crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Every erasure, one JSON line each, appended and synced before the key store forgets the key. Backups leave it
 * out and restores never replace it: it is what shreds again a key that an older backup brought back.
 */
export class TombstoneJournal {
  constructor(readonly file: string) {}

  async append(tombstone: Tombstone): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
    const handle = await open(this.file, 'a', 0o600);
    try {
      await handle.appendFile(`${JSON.stringify({ subject: tombstone.subject, erasedAt: tombstone.erasedAt })}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  /** Every recorded erasure; none when nothing was ever erased. A line cut short by a crash is skipped. */
  async read(): Promise<Tombstone[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return text.split('\n').flatMap((line) => {
      const entry = parseLine(line);
      return entry ? [entry] : [];
    });
  }
}

function parseLine(line: string): Tombstone | null {
  try {
    const parsed = JSON.parse(line) as Partial<Tombstone>;
    return typeof parsed.subject === 'string' && typeof parsed.erasedAt === 'string' ? { subject: parsed.subject, erasedAt: parsed.erasedAt } : null;
  } catch {
    return null;
  }
}
