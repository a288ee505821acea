import { Clock } from '../../apps/vault-api/src/infrastructure/clock';

/** A clock tests can set and move, so SLAs and expiry are tested without waiting. */
export class MovableClock extends Clock {
  constructor(private current: Date) {
    super();
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(at: Date | string): void {
    this.current = new Date(at);
  }

  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }
}
