/**
 * Runs the tasks given for one key one after another, tasks for different keys side by side. Changing a lock reads it,
 * then writes it: two changes at once could otherwise shorten a retention or lose a hold, or a delete could slip
 * between the check and a new lock.
 */
export function keyQueue(): <T>(key: string, task: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(task);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}
