import { resolve } from 'node:path';

/** What the vault needs to serve the browser UI, beyond its own configuration. */
export interface WebConfig {
  /** The built UI. When it holds no index.html the vault serves the API alone. */
  readonly assetsDir: string;
  /** The OIDC client the browser signs in as; null when no browser sign-in is configured. */
  readonly oidcClientId: string | null;
}

// `npm run build` writes the UI to dist/web, beside the compiled vault in dist/apps/vault-api/src.
const BUILT_UI_DIR = resolve(__dirname, '../../../../web');

export function loadWebConfig(env: NodeJS.ProcessEnv): WebConfig {
  return { assetsDir: BUILT_UI_DIR, oidcClientId: env.VAULT_OIDC_CLIENT_ID?.trim() || null };
}
