import { ConfigError } from './config-error';
import { isProduction } from './deployment-mode';

const VARIABLE = 'VAULT_MRZ_SPECIMENS';

/**
 * Reads VAULT_MRZ_SPECIMENS: whether an MRZ of Doc 9303's specimen state, Utopia, is read as a real document, so that
 * tests and training can use the ICAO specimens. On by default outside production; production refuses `on`, since a
 * specimen never identifies a customer.
 */
export function mrzSpecimensSetting(env: NodeJS.ProcessEnv): boolean {
  const production = isProduction(env);
  const raw = env[VARIABLE];
  if (raw === undefined || raw === '') return !production;
  if (raw !== 'on' && raw !== 'off') throw new ConfigError(`${VARIABLE} must be on or off`);
  if (raw === 'on' && production) throw new ConfigError(`${VARIABLE}=on is refused in production: specimen documents identify nobody`);
  return raw === 'on';
}
