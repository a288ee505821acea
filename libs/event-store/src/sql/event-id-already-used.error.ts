/**
 * An append reused event ids that are already stored elsewhere than where a retry of that append would have put
 * them. Ids must be fresh for every new event; only a retry of the very same append may repeat them.
 */
export class EventIdAlreadyUsedError extends Error {
  readonly code = 'EVENT_STORE.EVENT_ID_ALREADY_USED';

  constructor(
    readonly stream: string,
    readonly eventIds: readonly string[],
  ) {
    super(`appending to ${stream}: event ids already used: ${eventIds.join(', ')}`);
    this.name = 'EventIdAlreadyUsedError';
  }
}
