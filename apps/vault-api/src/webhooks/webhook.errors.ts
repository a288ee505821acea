export class WebhookDeadLetterNotFoundError extends Error {
  readonly code = 'WEBHOOK.DEAD_LETTER_NOT_FOUND';

  constructor(readonly id: string) {
    super(`no webhook dead letter ${id}`);
    this.name = 'WebhookDeadLetterNotFoundError';
  }
}

/** The dead letter's department has no webhook configured any more, so there is nowhere to send it. */
export class NoWebhookForDepartmentError extends Error {
  readonly code = 'WEBHOOK.NOT_CONFIGURED';

  constructor(readonly department: string) {
    super(`the ${department} department has no webhook configured`);
    this.name = 'NoWebhookForDepartmentError';
  }
}
