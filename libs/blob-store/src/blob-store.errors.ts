export class BlobNotFoundError extends Error {
  readonly code = 'BLOB_STORE.NOT_FOUND';
  constructor(readonly key: string) {
    super('blob not found');
    this.name = 'BlobNotFoundError';
  }
}

export class BlobAlreadyExistsError extends Error {
  readonly code = 'BLOB_STORE.ALREADY_EXISTS';
  constructor(readonly key: string) {
    super('blob already exists');
    this.name = 'BlobAlreadyExistsError';
  }
}

/** The bytes read back do not match the hash recorded when they were written (bitrot or tampering). */
export class BlobIntegrityError extends Error {
  readonly code = 'BLOB_STORE.INTEGRITY';
  constructor(
    readonly key: string,
    readonly expectedSha256: string,
    readonly actualSha256: string,
  ) {
    super('blob content does not match its recorded hash');
    this.name = 'BlobIntegrityError';
  }
}

/** Retention or legal hold forbids the change. */
export class BlobLockedError extends Error {
  readonly code = 'BLOB_STORE.LOCKED';
  constructor(readonly key: string) {
    super('blob is locked by retention or a legal hold');
    this.name = 'BlobLockedError';
  }
}

/** The store cannot lock blobs (an S3 bucket without object lock), so it refuses rather than pretend to retain. */
export class BlobLockUnsupportedError extends Error {
  readonly code = 'BLOB_STORE.LOCK_UNSUPPORTED';
  constructor(readonly key: string) {
    super('this blob store cannot retain or hold blobs');
    this.name = 'BlobLockUnsupportedError';
  }
}

export class BlobStoreUnavailableError extends Error {
  readonly code = 'BLOB_STORE.UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BlobStoreUnavailableError';
  }
}

export class InvalidBlobKeyError extends Error {
  readonly code = 'BLOB_STORE.INVALID_KEY';
  constructor(readonly key: string) {
    super('invalid blob key');
    this.name = 'InvalidBlobKeyError';
  }
}
