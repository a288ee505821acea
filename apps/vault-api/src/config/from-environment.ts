import { loadVaultConfig, type VaultConfig } from './vault-config';

/** The configuration of this process, for the server and every command-line tool: the one reader of process.env. */
export const vaultConfigFromEnvironment = (): VaultConfig => loadVaultConfig(process.env);
