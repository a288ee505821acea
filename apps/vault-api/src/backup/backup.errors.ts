/** Backup and restore cover the embedded default only; the production backends have their own tools. */
export class BackupNotSupportedError extends Error {
  readonly code = 'BACKUP.NOT_SUPPORTED';
  constructor(what: string) {
    super(`backup and restore cover the embedded default (SQLite and a blob folder); ${what} is backed up with its own tools`);
    this.name = 'BackupNotSupportedError';
  }
}

/** Refuses to write over anything: a backup into a used folder, or a restore over a vault's data. */
export class BackupTargetInUseError extends Error {
  readonly code = 'BACKUP.TARGET_IN_USE';
  constructor(readonly path: string) {
    super(`${path} already exists and is not empty; choose a new folder`);
    this.name = 'BackupTargetInUseError';
  }
}

/** The folder holds no finished backup: its manifest, written last, is missing or unreadable. */
export class IncompleteBackupError extends Error {
  readonly code = 'BACKUP.INCOMPLETE';
  constructor(readonly path: string) {
    super(`${path} holds no complete backup (no readable manifest.json)`);
    this.name = 'IncompleteBackupError';
  }
}
