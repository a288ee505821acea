/**
 * Another projector moved the checkpoint while this one was applying a batch from it: this one is no longer, or was
 * never, the only one projecting. Its batch is rolled back; it resumes from the stored checkpoint if it still leads.
 */
export class CheckpointMovedError extends Error {
  readonly code = 'PROJECTION.CHECKPOINT_MOVED';

  constructor(
    readonly projection: string,
    readonly expected: number,
  ) {
    super(`the ${projection} checkpoint is no longer at ${expected}: another projector wrote it`);
    this.name = 'CheckpointMovedError';
  }
}
