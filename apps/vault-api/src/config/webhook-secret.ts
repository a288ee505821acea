import { inspect } from 'node:util';

/**
 * A department's signing secret. It prints as redacted however it is logged or serialised, so a configuration dump
 * or an error report never carries it; only `reveal` gives it to the signer.
 */
export class WebhookSecret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return '[redacted]';
  }

  toJSON(): string {
    return '[redacted]';
  }

  [inspect.custom](): string {
    return 'WebhookSecret([redacted])';
  }
}
