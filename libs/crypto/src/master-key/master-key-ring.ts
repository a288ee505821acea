import { UnknownMasterKeyError } from '../crypto.errors';
import type { MasterKey } from './master-key';

/** The master key new data keys are wrapped with, and the previous ones still accepted while a rotation runs. */
export interface MasterKeyRing {
  readonly current: MasterKey;
  readonly previous: readonly MasterKey[];
}

export function masterKeyRing(current: MasterKey, previous: readonly MasterKey[] = []): MasterKeyRing {
  return Object.freeze({ current, previous: Object.freeze(previous.filter((key) => key.id !== current.id)) });
}

/** `next` becomes current; the old current stays readable until every data key is wrapped by `next`. */
export const rotatedTo = (ring: MasterKeyRing, next: MasterKey): MasterKeyRing =>
  masterKeyRing(next, [ring.current, ...ring.previous]);

export function masterKeyById(ring: MasterKeyRing, id: string): MasterKey {
  const found = [ring.current, ...ring.previous].find((key) => key.id === id);
  if (!found) throw new UnknownMasterKeyError(id, [ring.current.id, ...ring.previous.map((key) => key.id)]);
  return found;
}
