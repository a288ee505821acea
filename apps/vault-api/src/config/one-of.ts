import { ConfigError } from './config-error';

/** A setting that must be one of a few words, or the fallback when unset. */
export function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const choice = allowed.find((candidate) => candidate === raw);
  if (choice === undefined) throw new ConfigError(`${name} must be one of ${allowed.join(', ')}`);
  return choice;
}
