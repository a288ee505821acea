/** The dev-mode signing key's file in the data directory: the key that signed the tokens the backup's users hold. */
export const DEV_SIGNING_KEY_FILE = 'dev-signing-key.json';
