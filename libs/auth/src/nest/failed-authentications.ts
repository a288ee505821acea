const WINDOW_MS = 60_000;
/** Enough for every client of a busy bank at once; past it the oldest addresses are forgotten first. */
const MAX_ADDRESSES = 10_000;

interface Window {
  readonly startedAt: number;
  failures: number;
}

/** Counts refused tokens per client address in one-minute windows. */
export class FailedAuthentications {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limitPerMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until the address may try again, or 0 when it may try now. */
  retryAfterSeconds(address: string): number {
    const window = this.current(address);
    if (!window || window.failures < this.limitPerMinute) return 0;
    return Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - this.now()) / 1000));
  }

  record(address: string): void {
    const window = this.current(address);
    if (window) {
      window.failures += 1;
      return;
    }
    if (this.windows.size >= MAX_ADDRESSES) this.forgetOldest();
    this.windows.set(address, { startedAt: this.now(), failures: 1 });
  }

  private current(address: string): Window | undefined {
    const window = this.windows.get(address);
    if (window && this.now() - window.startedAt >= WINDOW_MS) {
      this.windows.delete(address);
      return undefined;
    }
    return window;
  }

  // Maps iterate in insertion order, so the first key is the window that started longest ago.
  private forgetOldest(): void {
    const oldest = this.windows.keys().next();
    if (!oldest.done) this.windows.delete(oldest.value);
  }
}
