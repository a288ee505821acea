/** Wakes this process's subscriptions as soon as this process appends, instead of at their next poll. */
export class AppendSignal {
  private readonly listeners = new Set<() => void>();
  private appends = 0;

  /** Changes on every append, so a reader can tell whether one happened while it was reading. */
  get generation(): number {
    return this.appends;
  }

  notify(): void {
    this.appends += 1;
    for (const listener of [...this.listeners]) listener();
  }

  /** Returns the function that removes the listener. */
  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
