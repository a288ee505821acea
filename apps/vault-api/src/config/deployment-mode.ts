import { ConfigError } from './config-error';

const MODES = ['production', 'development', 'test'] as const;
export type DeploymentMode = (typeof MODES)[number];

/**
 * NODE_ENV, read strictly: `production`, `development` or `test`, and `development` when unset. Any other value stops
 * the vault, since a near miss such as `prod` or `Production` would otherwise run with dev sign-in and a generated
 * master key. Every production-only rule asks here, so no two of them can disagree about what production is.
 */
export function deploymentMode(env: NodeJS.ProcessEnv): DeploymentMode {
  const raw = env.NODE_ENV;
  if (raw === undefined || raw === '') return 'development';
  const mode = MODES.find((candidate) => candidate === raw);
  if (!mode) throw new ConfigError(`NODE_ENV must be one of ${MODES.join(', ')}`);
  return mode;
}

export const isProduction = (env: NodeJS.ProcessEnv): boolean => deploymentMode(env) === 'production';
