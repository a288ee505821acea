import { ConfigError } from './config-error';
import { mrzSpecimensSetting } from './mrz-specimens-setting';

describe('reading the ICAO specimen state (VAULT_MRZ_SPECIMENS)', () => {
  it('is on by default outside production, for tests and training', () => {
    expect(mrzSpecimensSetting({})).toBe(true);
    expect(mrzSpecimensSetting({ NODE_ENV: 'test' })).toBe(true);
    expect(mrzSpecimensSetting({ NODE_ENV: 'development', VAULT_MRZ_SPECIMENS: 'off' })).toBe(false);
  });

  it('is off in production, and cannot be switched on there', () => {
    expect(mrzSpecimensSetting({ NODE_ENV: 'production' })).toBe(false);
    expect(mrzSpecimensSetting({ NODE_ENV: 'production', VAULT_MRZ_SPECIMENS: 'off' })).toBe(false);
    expect(() => mrzSpecimensSetting({ NODE_ENV: 'production', VAULT_MRZ_SPECIMENS: 'on' })).toThrow(ConfigError);
  });

  it('reads NODE_ENV as every production rule does, so a near miss stops the vault rather than allowing specimens', () => {
    expect(() => mrzSpecimensSetting({ NODE_ENV: 'Production', VAULT_MRZ_SPECIMENS: 'on' })).toThrow(/NODE_ENV must be one of/);
  });

  it('refuses anything but on or off', () => {
    expect(() => mrzSpecimensSetting({ VAULT_MRZ_SPECIMENS: 'yes' })).toThrow('VAULT_MRZ_SPECIMENS must be on or off');
  });
});
