/** A blob the registry points at that the blob store does not have: a document whose bytes are lost. */
export interface MissingBlob {
  readonly key: string;
  readonly documentId: string;
}

/** A blob whose bytes, or whose stored hash and size, differ from what the registry recorded (bitrot or tampering). */
export interface HashMismatch {
  readonly key: string;
  readonly documentId: string;
  readonly expected: { readonly sha256: string; readonly size: number };
  readonly found: { readonly sha256: string; readonly size: number } | null;
  /**
   * `stored` compares the size the store recorded with the encrypted size the registry's size implies (`found` is the
   * store's record, its hash over the ciphertext); `content` decrypted and hashed every byte (`found` is null when
   * the bytes did not decrypt or failed the store's own hash).
   */
  readonly checked: 'stored' | 'content';
}

/** A blob no event points at: an upload that crashed between blob and event, or a refusal whose cleanup failed. */
export interface OrphanBlob {
  readonly key: string;
  readonly size: number;
  /** When a reconciliation first saw it without an event: the blob store keeps no creation time to ask. */
  readonly firstSeenAt: string;
}

export interface ReconciliationReport {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly deep: boolean;
  /** Blobs the registry points at. */
  readonly registered: number;
  /** Blobs the blob store holds. */
  readonly stored: number;
  /** Registered blobs of erased customers: not read on a deep run, and not missing when deleted. */
  readonly erased: number;
  readonly missing: readonly MissingBlob[];
  readonly mismatches: readonly HashMismatch[];
  /** Orphans still in the store after this run. */
  readonly orphans: readonly OrphanBlob[];
  /** Orphans past the grace period, deleted by this run. */
  readonly deletedOrphans: readonly string[];
  /** Orphans past the grace period that the store refused to delete (retention): they stay, and are reported. */
  readonly lockedOrphans: readonly string[];
}

/** Missing or corrupted bytes are lost documents; orphans are only garbage. */
export const foundDataLoss = (report: Pick<ReconciliationReport, 'missing' | 'mismatches'>): boolean =>
  report.missing.length > 0 || report.mismatches.length > 0;
