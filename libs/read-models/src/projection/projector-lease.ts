/**
 * Decides which instance projects when several share one read model: only the holder of the projection's lease
 * does, the others stand by. The checkpoint check in every batch keeps the read model right even in the moment a
 * lease changes hands; the lease keeps that moment rare.
 */
export interface ProjectorLease {
  /**
   * Takes the lease when it is free, or confirms it is still held; resolves to whether this instance holds it.
   * The projector calls it periodically and never concurrently.
   */
  hold(): Promise<boolean>;
  /** Gives the lease up, if held, and frees what holding or waiting for it kept open. */
  release(): Promise<void>;
  /** Runs `listener` as soon as a held lease is lost without `release`, e.g. when its connection drops. */
  onLost(listener: (reason: unknown) => void): void;
}

/** The read model belongs to one process (SQLite), so that process always projects. */
export function soleProjectorLease(): ProjectorLease {
  return {
    hold: async () => true,
    release: async () => undefined,
    onLost: () => undefined,
  };
}
