/**
 * The caller's role or scope may never do this, or a department's policy forbids it for a type it can see. Saying
 * so reveals nothing about the customer, so the exception filter answers 403.
 */
export class AccessRefused extends Error {
  readonly code = 'ACCESS.FORBIDDEN';

  constructor(message: string) {
    super(message);
    this.name = 'AccessRefused';
  }
}

/**
 * The thing may exist, but not for this caller: another customer's file, or a type outside a department's policy.
 * The exception filter answers 404, exactly as for something that does not exist.
 */
export class NotVisible extends Error {
  readonly code = 'RESOURCE.NOT_FOUND';

  constructor() {
    super('There is nothing here you can see.');
    this.name = 'NotVisible';
  }
}

/**
 * The bulk guard stopped this principal: more different customers were touched within the period than its limit
 * allows, and access stays blocked until an administrator has looked at it. The exception filter answers 429.
 */
export class TooManyCustomers extends Error {
  readonly code = 'ACCESS.BULK_BLOCKED';

  constructor(
    readonly period: 'hour' | 'day',
    readonly limit: number,
  ) {
    super(`More than ${limit} different customers were touched within ${period === 'hour' ? 'an hour' : 'a day'}, so access is blocked until an administrator has looked at it.`);
    this.name = 'TooManyCustomers';
  }
}
