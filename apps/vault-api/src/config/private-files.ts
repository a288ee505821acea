/**
 * Every file and folder this process creates is readable by its owner only (0600 and 0700): the event store, the
 * key store, the read models, the blobs and the dev keys all hold customers' data or what opens it, and SQLite
 * creates its journal files itself, beyond the reach of a mode passed to open(). A folder that already exists keeps
 * the mode its operator gave it.
 */
export function keepNewFilesPrivate(): void {
  process.umask(0o077);
}
