import type { ValueProvider } from '@nestjs/common';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigModule } from './config.module';
import { loadVaultConfig } from './vault-config';

describe('the configuration module', () => {
  const config = loadVaultConfig({ VAULT_DATA_DIR: mkdtempSync(join(tmpdir(), 'kluis-config-module-')) });
  const module = ConfigModule.forRoot(config);
  const providers = module.providers as ValueProvider[];

  it('provides every slice once, behind a token no other slice shares', () => {
    expect(new Set(providers.map((provider) => provider.provide)).size).toBe(Object.keys(config).length);
    for (const slice of Object.values(config)) expect(providers.filter((provider) => provider.useValue === slice)).toHaveLength(1);
  });

  it('exports every token it provides, and nothing that holds the whole configuration', () => {
    expect(module.exports).toEqual(providers.map((provider) => provider.provide));
    expect(providers.map((provider) => provider.useValue)).not.toContain(config);
  });
});
