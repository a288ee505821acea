/** Another deliverer moved the department's cursor: this one was not, or is no longer, the only one delivering. */
export class WebhookCursorMovedError extends Error {
  readonly code = 'WEBHOOK.CURSOR_MOVED';

  constructor(
    readonly department: string,
    readonly expected: number,
  ) {
    super(`the ${department} webhook cursor is no longer at ${expected}: another deliverer moved it`);
    this.name = 'WebhookCursorMovedError';
  }
}
