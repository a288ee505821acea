export interface Patience {
  /** What the caller waits for, named in the failure when the check only ever answered `false`. */
  readonly until?: string;
  readonly timeoutMs?: number;
}

/**
 * Polls `check` until it holds, for reactions that happen asynchronously. A check holds when it returns anything but
 * `false` without throwing; what it returns is handed back. Once `timeoutMs` has passed it fails with the check's own
 * last failure, so an assertion says what was wrong, or with what the caller waited for.
 */
export async function eventually<T>(check: () => T | Promise<T>, { until = 'the check holds', timeoutMs = 15_000 }: Patience = {}): Promise<Exclude<T, false>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let failure: unknown;
    try {
      const outcome = await check();
      if (outcome !== false) return outcome as Exclude<T, false>;
      failure = new Error(`timed out after ${timeoutMs} ms waiting until ${until}`);
    } catch (error) {
      failure = error;
    }
    if (Date.now() > deadline) throw failure;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
