import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, exportSPKI, SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { DevSigningKeyError, InvalidTokenError } from '../auth.errors';
import { DevTokenVerifier } from './dev-token-verifier';
import { DEV_AUDIENCE, DEV_ISSUER, devSigningKeyPath, loadOrCreateDevSigningKey } from './dev-signing-key';
import { mintDevToken } from './mint-dev-token';

const now = (): number => Math.floor(Date.now() / 1000);

describe('dev token verifier', () => {
  let root: string;
  let dataDir: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'kluis-auth-dev-'));
    dataDir = join(root, 'nested', 'data');
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const refusal = async (verifier: DevTokenVerifier, token: string): Promise<InvalidTokenError> => {
    const error: unknown = await verifier.verify(token).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    if (!(error instanceof InvalidTokenError)) throw new Error(`expected an InvalidTokenError, got ${String(error)}`);
    expect(error.message).not.toContain(token);
    expect(error.message).not.toContain(token.split('.')[1]);
    return error;
  };

  const signWithDevKey = async (claims: JWTPayload, build: (jwt: SignJWT) => SignJWT): Promise<string> => {
    const key = await loadOrCreateDevSigningKey(dataDir);
    return build(new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: key.kid })).sign(key.privateKey);
  };

  const valid = (jwt: SignJWT): SignJWT => jwt.setIssuer(DEV_ISSUER).setAudience(DEV_AUDIENCE).setIssuedAt(now()).setExpirationTime(now() + 600);

  it('verifies the tokens it mints, with every claim', async () => {
    const sub = randomUUID();
    const token = await mintDevToken(dataDir, {
      sub,
      roles: ['department'],
      department: 'mandates',
      scopes: ['evidence:read', 'references:write'],
      expiresIn: '8h',
    });

    await expect(new DevTokenVerifier(dataDir).verify(token)).resolves.toEqual({
      sub,
      roles: ['department'],
      department: 'mandates',
      scopes: ['evidence:read', 'references:write'],
    });
  });

  it('creates the key file readable by its owner only, creating the directory', async () => {
    await new DevTokenVerifier(dataDir).init();

    expect((await stat(devSigningKeyPath(dataDir))).mode & 0o777).toBe(0o600);
    expect(await readdir(dataDir)).toEqual(['dev-signing-key.json']);
  });

  it('reuses the key, so tokens survive a restart', async () => {
    const token = await mintDevToken(dataDir, { sub: randomUUID(), roles: ['reviewer'] });
    const keyFile = await readFile(devSigningKeyPath(dataDir), 'utf8');

    await expect(new DevTokenVerifier(dataDir).verify(token)).resolves.toMatchObject({ roles: ['reviewer'] });
    await expect(new DevTokenVerifier(dataDir).verify(token)).resolves.toMatchObject({ roles: ['reviewer'] });
    expect(await readFile(devSigningKeyPath(dataDir), 'utf8')).toBe(keyFile);
  });

  it('settles on one key when many first uses race', async () => {
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateDevSigningKey(dataDir)));

    expect(new Set(keys.map((key) => key.kid)).size).toBe(1);
    expect(await readdir(dataDir)).toEqual(['dev-signing-key.json']);
  });

  it('refuses a token signed by another data directory key', async () => {
    const token = await mintDevToken(join(root, 'other'), { sub: randomUUID(), roles: ['admin'] });

    expect((await refusal(new DevTokenVerifier(dataDir), token)).reason).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });

  it('refuses a token whose claims were changed after signing', async () => {
    const token = await mintDevToken(dataDir, { sub: 'c-1', roles: ['customer'] });
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(
      JSON.stringify({ sub: 'c-1', roles: ['admin'], iss: DEV_ISSUER, aud: DEV_AUDIENCE, exp: now() + 600 }),
    ).toString('base64url');

    await refusal(new DevTokenVerifier(dataDir), `${header}.${payload}.${signature}`);
  });

  it('refuses an unsigned token (alg none)', async () => {
    await new DevTokenVerifier(dataDir).init();
    const token = new UnsecuredJWT({ sub: 'a-1', roles: ['admin'] })
      .setIssuer(DEV_ISSUER)
      .setAudience(DEV_AUDIENCE)
      .setExpirationTime(now() + 600)
      .encode();

    await refusal(new DevTokenVerifier(dataDir), token);
  });

  it('refuses HS256 tokens whose secret is the public key', async () => {
    const { publicKey } = await loadOrCreateDevSigningKey(dataDir);
    const secrets = [Buffer.from(await exportSPKI(publicKey)), Buffer.from(JSON.stringify(await exportJWK(publicKey)))];

    for (const secret of secrets) {
      const token = await valid(new SignJWT({ sub: 'a-1', roles: ['admin'] }).setProtectedHeader({ alg: 'HS256' })).sign(
        secret,
      );
      expect((await refusal(new DevTokenVerifier(dataDir), token)).reason).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
    }
  });

  it('refuses an expired token, allowing a little clock skew', async () => {
    const claims = { sub: 'c-1', roles: ['customer'] };
    const expired = await signWithDevKey(claims, (jwt) =>
      jwt.setIssuer(DEV_ISSUER).setAudience(DEV_AUDIENCE).setIssuedAt(now() - 3600).setExpirationTime(now() - 120),
    );
    const justExpired = await signWithDevKey(claims, (jwt) =>
      jwt.setIssuer(DEV_ISSUER).setAudience(DEV_AUDIENCE).setIssuedAt(now() - 600).setExpirationTime(now() - 5),
    );

    expect((await refusal(new DevTokenVerifier(dataDir), expired)).reason).toBe('ERR_JWT_EXPIRED');
    await expect(new DevTokenVerifier(dataDir).verify(justExpired)).resolves.toMatchObject({ sub: 'c-1' });
  });

  it('refuses a token that never expires', async () => {
    const token = await signWithDevKey({ sub: 'c-1', roles: ['customer'] }, (jwt) =>
      jwt.setIssuer(DEV_ISSUER).setAudience(DEV_AUDIENCE),
    );

    await refusal(new DevTokenVerifier(dataDir), token);
  });

  it.each([
    ['issuer', (jwt: SignJWT) => jwt.setIssuer('someone-else').setAudience(DEV_AUDIENCE).setExpirationTime(now() + 600)],
    ['audience', (jwt: SignJWT) => jwt.setIssuer(DEV_ISSUER).setAudience('other-app').setExpirationTime(now() + 600)],
  ])('refuses a token with the wrong %s', async (_label, build) => {
    const token = await signWithDevKey({ sub: 'c-1', roles: ['customer'] }, build);

    expect((await refusal(new DevTokenVerifier(dataDir), token)).reason).toBe('ERR_JWT_CLAIM_VALIDATION_FAILED');
  });

  it('refuses a genuine token whose claims describe no principal', async () => {
    const token = await signWithDevKey({ sub: 'c-1', roles: ['crm-admin'] }, valid);

    expect((await refusal(new DevTokenVerifier(dataDir), token)).reason).toBe('ERR_INVALID_CLAIM_ROLES');
  });

  it.each(['', 'not-a-token', 'a.b.c', 'eyJhbGciOiJFUzI1NiJ9..'])('refuses the malformed token "%s"', async (token) => {
    await expect(new DevTokenVerifier(dataDir).verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('refuses to use, or to replace, a damaged key file', async () => {
    await loadOrCreateDevSigningKey(dataDir);
    await writeFile(devSigningKeyPath(dataDir), '{"alg":"ES256"}');

    await expect(new DevTokenVerifier(dataDir).init()).rejects.toBeInstanceOf(DevSigningKeyError);
    await expect(mintDevToken(dataDir, { sub: 'c-1', roles: ['customer'] })).rejects.toBeInstanceOf(DevSigningKeyError);
    expect(await readFile(devSigningKeyPath(dataDir), 'utf8')).toBe('{"alg":"ES256"}');
  });
});
