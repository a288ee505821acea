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

/** A backup's data keys are wrapped by a master key no backup holds: the restore must be given it. */
export class MasterKeyNotGivenError extends Error {
  readonly code = 'BACKUP.MASTER_KEY_NOT_GIVEN';
  constructor() {
    super(
      'the backup holds the data keys but never the master key that wraps them: set VAULT_MASTER_KEY or VAULT_MASTER_KEY_FILE to the key of the vault it was taken from (a dev vault keeps it in its data directory as dev-master-key), here and when the restored vault starts',
    );
    this.name = 'MasterKeyNotGivenError';
  }
}
