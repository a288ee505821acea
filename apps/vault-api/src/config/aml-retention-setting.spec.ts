import { amlRetentionYears } from './aml-retention-setting';
import { ConfigError } from './config-error';

describe('VAULT_AML_RETENTION_YEARS', () => {
  it('keeps records five years by default', () => expect(amlRetentionYears({})).toBe(5));

  it('may be longer anywhere, and shorter outside production only', () => {
    expect(amlRetentionYears({ NODE_ENV: 'production', VAULT_AML_RETENTION_YEARS: '7' })).toBe(7);
    expect(amlRetentionYears({ NODE_ENV: 'test', VAULT_AML_RETENTION_YEARS: '1' })).toBe(1);
    expect(() => amlRetentionYears({ NODE_ENV: 'production', VAULT_AML_RETENTION_YEARS: '3' })).toThrow(/at least 5 in production.*Wwft/);
    expect(() => amlRetentionYears({ NODE_ENV: 'Production', VAULT_AML_RETENTION_YEARS: '3' })).toThrow(ConfigError);
  });

  it.each(['0', '-5', 'five', '2.5', '101'])('refuses %s, naming the variable', (value) =>
    expect(() => amlRetentionYears({ VAULT_AML_RETENTION_YEARS: value })).toThrow(/VAULT_AML_RETENTION_YEARS/));
});
