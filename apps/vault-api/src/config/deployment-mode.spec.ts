import { ConfigError } from './config-error';
import { deploymentMode, isProduction } from './deployment-mode';

describe('deployment mode', () => {
  it.each([
    [undefined, 'development'],
    ['', 'development'],
    ['development', 'development'],
    ['test', 'test'],
    ['production', 'production'],
  ])('reads NODE_ENV=%j as %s', (NODE_ENV, mode) => {
    expect(deploymentMode({ NODE_ENV })).toBe(mode);
  });

  it.each(['prod', 'Production', 'PRODUCTION', ' production', 'staging', 'dev'])('stops at NODE_ENV=%j, naming the variable', (NODE_ENV) => {
    expect(() => deploymentMode({ NODE_ENV })).toThrow(ConfigError);
    expect(() => isProduction({ NODE_ENV })).toThrow(/NODE_ENV must be one of production, development, test/);
  });
});
