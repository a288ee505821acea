/** A subject (a customer id) the key vault cannot hold a key for: empty, too long or with control characters. */
export class InvalidSubjectError extends Error {
  readonly code = 'CRYPTO.INVALID_SUBJECT';
  constructor(readonly problem: string) {
    super(`invalid key subject: ${problem}`);
    this.name = 'InvalidSubjectError';
  }
}

/** A data key was used for another subject than the one it belongs to. */
export class SubjectMismatchError extends Error {
  readonly code = 'CRYPTO.SUBJECT_MISMATCH';
  constructor() {
    super('the data key belongs to another subject');
    this.name = 'SubjectMismatchError';
  }
}

/**
 * The subject's data key was destroyed (crypto-shredding). Nothing new may be written for them, and nothing
 * written before can be read again.
 */
export class SubjectErasedError extends Error {
  readonly code = 'CRYPTO.SUBJECT_ERASED';
  constructor(readonly subject: string) {
    super('the subject was erased: their data key is destroyed');
    this.name = 'SubjectErasedError';
  }
}

/**
 * Sealed data names a subject that has no data key and was never erased: the key store lost it (restored from a
 * backup older than the data, or pointed at the wrong database). Never reported as an erasure, which it is not.
 */
export class DataKeyNotFoundError extends Error {
  readonly code = 'CRYPTO.DATA_KEY_NOT_FOUND';
  constructor(readonly subject: string) {
    super('the subject has no data key and was not erased: the key store does not hold the key this data needs');
    this.name = 'DataKeyNotFoundError';
  }
}

/** A master key that is missing, malformed or too weak to protect data keys. `source` names where it came from. */
export class InvalidMasterKeyError extends Error {
  readonly code = 'CRYPTO.INVALID_MASTER_KEY';
  constructor(
    readonly source: string,
    readonly problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${source}: ${problem}`, options);
    this.name = 'InvalidMasterKeyError';
  }
}

/** A data key is wrapped by a master key this process was not given: the wrong key, or a rotation half done. */
export class UnknownMasterKeyError extends Error {
  readonly code = 'CRYPTO.UNKNOWN_MASTER_KEY';
  constructor(
    readonly masterKeyId: string,
    readonly configured: readonly string[],
  ) {
    super(
      `data keys in the key store are wrapped by master key ${masterKeyId}, which is not configured ` +
        `(configured: ${configured.join(', ')}). Set VAULT_MASTER_KEY to the key this store was created with, ` +
        'or list the previous key in VAULT_PREVIOUS_MASTER_KEYS while a rotation runs',
    );
    this.name = 'UnknownMasterKeyError';
  }
}

/** A wrapped data key does not open under its master key: altered, or copied from another subject. */
export class DataKeyUnwrapError extends Error {
  readonly code = 'CRYPTO.UNWRAP_FAILED';
  constructor(readonly subject: string) {
    super('the wrapped data key does not authenticate: it was altered or belongs to another subject');
    this.name = 'DataKeyUnwrapError';
  }
}

export type DecryptionFailure =
  /** The bytes do not start with the header this library writes. */
  | 'not-encrypted'
  | 'unsupported-version'
  /** Sealed with another data key than the one given. */
  | 'wrong-key'
  /** The data ends before its final chunk. */
  | 'truncated'
  /** Altered, reordered, cut at a chunk boundary, or opened with another subject or associated data. */
  | 'authentication-failed';

/** Ciphertext that does not decrypt. It never says more than `reason`, and no plaintext of a failed chunk leaks. */
export class DecryptionError extends Error {
  readonly code = 'CRYPTO.DECRYPTION_FAILED';
  constructor(readonly reason: DecryptionFailure) {
    super(`decryption failed (${reason})`);
    this.name = 'DecryptionError';
  }
}
