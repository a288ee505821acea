/** The caller's If-Match names a revision the document has moved past. */
export class StaleRevision extends Error {
  constructor(
    readonly expected: number,
    readonly actual: number | 'no_stream',
  ) {
    super('stale revision');
  }
}
