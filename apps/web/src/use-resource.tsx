import { type DependencyList, useCallback, useEffect, useState } from 'react';

export type Resource<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly error: unknown }
  | { readonly state: 'ready'; readonly value: T };

/** Loads something when the page shows it and again on `reload`, ignoring answers that arrive after a newer request. */
export function useResource<T>(load: () => Promise<T>, deps: DependencyList): [Resource<T>, () => void] {
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  // The caller lists what `load` depends on, as with useEffect.
  const stableLoad = useCallback(load, deps);
  useEffect(() => {
    let current = true;
    stableLoad().then(
      (value) => current && setResource({ state: 'ready', value }),
      (error: unknown) => current && setResource({ state: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [stableLoad, round]);
  const reload = useCallback(() => setRound((value) => value + 1), []);
  return [resource, reload];
}
