import Database from 'better-sqlite3';

/** Every page in one step, so the copy is one read transaction: a consistent snapshot while writers carry on. */
const ALL_PAGES = 0x7fffffff;

/** Copies a live SQLite database into `target` with SQLite's online backup, as of one moment. */
export async function snapshotSqlite(source: string, target: string): Promise<void> {
  const database = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await database.backup(target, { progress: () => ALL_PAGES });
  } finally {
    database.close();
  }
}

/** The newest event position in an events database, 0 when it has none. */
export function headPositionOf(eventsFile: string): number {
  const database = new Database(eventsFile, { readonly: true, fileMustExist: true });
  try {
    const row = database.prepare('select max(position) as head from events').get() as { head: number | null };
    return row.head ?? 0;
  } finally {
    database.close();
  }
}

/** A SQLite database's file and the files SQLite keeps beside it while it is open. */
export const sqliteFiles = (file: string): string[] => ['', '-wal', '-shm', '-journal'].map((suffix) => `${file}${suffix}`);
