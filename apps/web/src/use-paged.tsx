import { type DependencyList, useCallback, useEffect, useState } from 'react';

export interface Paged<T> {
  /** Null until the first page is in. */
  readonly items: readonly T[] | null;
  /** The `before` of the next older page; null at the end. */
  readonly next: number | null;
  readonly failure: unknown;
  /** Loads the first page again (null), or appends the page before `before`. */
  load(before: number | null): Promise<void>;
}

/** A newest-first list read a page at a time, as the vault pages its logs and inboxes. */
export function usePaged<T>(page: (before: number | null) => Promise<{ items: readonly T[]; next: number | null }>, deps: DependencyList): Paged<T> {
  const [items, setItems] = useState<readonly T[] | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  // The caller lists what `page` depends on, as with useEffect.
  const stablePage = useCallback(page, deps);
  const load = useCallback(
    async (before: number | null) => {
      setFailure(null);
      try {
        const loaded = await stablePage(before);
        setItems((shown) => [...(before === null ? [] : (shown ?? [])), ...loaded.items]);
        setNext(loaded.next);
      } catch (error) {
        setFailure(error);
      }
    },
    [stablePage],
  );
  useEffect(() => {
    void load(null);
  }, [load]);
  return { items, next, failure, load };
}
