import Database from 'better-sqlite3';
import { KEY_VAULT, type KeyVault } from '@kluis/crypto';
import { filesContainingPlaintext } from '@kluis/crypto/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupVault } from '../../apps/vault-api/src/backup/backup-vault';
import { restoreVault } from '../../apps/vault-api/src/backup/restore-vault';
import { loadVaultConfig } from '../../apps/vault-api/src/config/vault-config';
import { RetentionProcess } from '../../apps/vault-api/src/retention/retention.process';
import { eventually } from '@kluis/event-store/testing';
import { aPdf } from '../support/files';
import { startVault, type VaultUnderTest } from '../support/vault-harness';
import { getAs, passportFacts, review, upload } from '../support/vault-requests';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Everything a customer's records can say about them, each written so it can be found again in any file's bytes. */
const maria = {
  facts: { ...passportFacts, holderName: 'Maria Oranjeboom', documentNumber: 'XRQ7M29K4', dateOfBirth: '1961-03-17', expiresOn: '2045-01-01' },
  filename: 'oranjeboom-paspoort.pdf',
  file: aPdf(),
  purpose: 'Mortgage for Keizersgracht 991',
  caseRef: 'HYP-88123',
  evidencePurpose: 'Valuation file Keizersgracht 991',
  requestPurpose: 'Address proof for the Keizersgracht 991 move',
  holdReason: 'Inquiry into Oranjeboom by the prosecutor',
  holdCaseRef: 'OM-5551-ORANJE',
  rejection: 'Letter from Oranjeboom is illegible',
  revocation: 'Passport of Oranjeboom reported stolen',
};
const secrets = [
  maria.facts.holderName,
  maria.facts.documentNumber,
  maria.filename,
  maria.purpose,
  maria.caseRef,
  maria.evidencePurpose,
  maria.requestPurpose,
  maria.holdReason,
  maria.holdCaseRef,
  maria.rejection,
  maria.revocation,
];

/** Which of `needles` a file under `dir` holds, in any 16-byte run of its bytes. */
async function foundIn(dir: string, needles: readonly (string | Buffer)[]): Promise<string[]> {
  const found: string[] = [];
  for (const needle of needles) {
    const files = await filesContainingPlaintext(dir, typeof needle === 'string' ? Buffer.from(needle) : needle);
    found.push(...files.map((file) => `${typeof needle === 'string' ? needle : 'the uploaded file'} in ${file}`));
  }
  return found;
}

/** Every row of every table in a SQLite read model, as text. */
function readModelRows(file: string): string {
  const database = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = database.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[];
    return tables.map(({ name }) => JSON.stringify(database.prepare(`select * from "${name}"`).all())).join('\n');
  } finally {
    database.close();
  }
}

/**
 * A customer is erased after last night's backup. Restoring that backup must not bring back anything that says who
 * they were: not their facts, filenames or files, and not what staff wrote about them.
 */
describe('erasure reaches every copy: a backup taken before an erasure restores nothing of the customer', () => {
  const dirs: string[] = [];
  const vaults: VaultUnderTest[] = [];
  const aDir = async (name: string) => {
    const dir = await mkdtemp(join(tmpdir(), `kluis-${name}-`));
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    for (const vault of vaults) await vault.stop().catch(() => undefined);
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('leaves no plaintext of an erased customer in the backup, the live read model or the restored vault', async () => {
    // The erasure journal lives apart from the data and its backups, as in production.
    const env = { VAULT_KEY_TOMBSTONES: join(await aDir('erasures'), 'key-tombstones.jsonl') };
    const original = await aDir('original');
    const vault = await startVault(env, { dataDir: original });
    vaults.push(vault);
    const admin = await vault.token(`support-${randomUUID()}`, ['admin']);
    const anna = await vault.reviewer();
    const mortgages = await vault.department('mortgages', ['evidence:read', 'content:read', 'references:write', 'requests:write']);
    const as = (token: string, method: 'post' | 'delete', path: string) => vault.http()[method](path).set('Authorization', `Bearer ${token}`);

    const customer = await vault.customer();
    const kept = await vault.customer();
    await as(admin, 'post', `/v1/customers/${customer.id}/relationship`).expect(200);
    const passport = await upload(vault, customer.token, customer.id, { file: maria.file, type: 'passport', filename: maria.filename, idempotencyKey: randomUUID() }).expect(201);
    await review(vault, anna.token, passport.body.id, { decision: 'approve', facts: maria.facts }, passport.body.revision).expect(201);
    const reference = await as(mortgages.token, 'post', `/v1/documents/${passport.body.id}/references`).send({ purpose: maria.purpose, caseRef: maria.caseRef }).expect(201);
    await getAs(vault, mortgages.token, `/v1/customers/${customer.id}/evidence?kind=identity&purpose=${encodeURIComponent(maria.evidencePurpose)}`).expect(200);
    await as(mortgages.token, 'post', `/v1/customers/${customer.id}/document-requests`).send({ kind: 'address', purpose: maria.requestPurpose }).expect(201);
    const letter = await upload(vault, customer.token, customer.id, { file: aPdf(), type: 'proof-of-address' }).expect(201);
    await review(vault, anna.token, letter.body.id, { decision: 'reject', reasonCode: 'ILLEGIBLE', message: maria.rejection }, letter.body.revision).expect(201);
    const hold = await as(admin, 'post', `/v1/customers/${customer.id}/legal-holds`).send({ reason: maria.holdReason, caseRef: maria.holdCaseRef }).expect(201);
    const idCard = await upload(vault, customer.token, customer.id, { file: aPdf(), type: 'id-card' }).expect(201);
    await review(vault, anna.token, idCard.body.id, { decision: 'approve', facts: maria.facts }, idCard.body.revision).expect(201);
    await as(admin, 'post', `/v1/documents/${idCard.body.id}/revocation`).send({ reason: maria.revocation }).expect(200);

    // Someone who stays: their records must come back whole, or leaving everything out would pass too.
    const keptPassport = await upload(vault, kept.token, kept.id, { file: aPdf(), type: 'passport' }).expect(201);
    await review(vault, anna.token, keptPassport.body.id, { decision: 'approve', facts: { ...passportFacts, expiresOn: '2045-01-01' } }, keptPassport.body.revision).expect(201);

    const backup = join(await aDir('backups'), 'nightly');
    await backupVault(loadVaultConfig({ VAULT_DATA_DIR: original, ...env }), backup);

    // Then the relationship ends, the hold is lifted, and five years later the customer is erased.
    await as(mortgages.token, 'delete', `/v1/documents/${passport.body.id}/references/${reference.body.id}`).expect(200);
    await as(admin, 'delete', `/v1/customers/${customer.id}/legal-holds/${hold.body.id}`).expect(200);
    await as(admin, 'post', `/v1/customers/${customer.id}/relationship/end`).send({ endedOn: vault.clock.now().toISOString().slice(0, 10) }).expect(200);
    vault.clock.advance(6 * 366 * DAY_MS);
    expect(await vault.app.get(RetentionProcess).sweep()).toBe(1);
    expect(await vault.app.get<KeyVault>(KEY_VAULT).isDestroyed(customer.id)).toBe(true);

    // The live read model forgot them too, free text included.
    const live = readModelRows(join(original, 'read-models.db'));
    expect(secrets.filter((secret) => live.includes(secret))).toEqual([]);
    await vault.stop();
    // Not even in the free space of the files it left behind.
    expect(await foundIn(original, [...secrets, maria.file])).toEqual([]);

    // The backup never held them in the clear, nor the master key that opens what it holds.
    const masterKey = (await readFile(join(original, 'dev-master-key'), 'utf8')).trim();
    expect(await foundIn(backup, [...secrets, maria.file, masterKey, Buffer.from(masterKey, 'base64')])).toEqual([]);

    const restored = await aDir('restored');
    const restoredEnv = { ...env, VAULT_MASTER_KEY_FILE: join(original, 'dev-master-key') };
    const outcome = await restoreVault(loadVaultConfig({ VAULT_DATA_DIR: restored, ...restoredEnv }), backup);
    expect(outcome).toMatchObject({ reshreddedKeys: 1 });
    expect(await foundIn(restored, [...secrets, maria.file])).toEqual([]);

    // Started, the restored vault rebuilds its read models from the sealed events: the kept customer whole, the
    // erased one without a trace of who they were.
    const again = await startVault(restoredEnv, { dataDir: restored, clock: vault.clock });
    vaults.push(again);
    await eventually(async () => {
      const document = await getAs(again, kept.token, `/v1/documents/${keptPassport.body.id}`).expect(200);
      expect(document.body).toMatchObject({ status: 'verified', facts: { holderName: passportFacts.holderName } });
      const evidence = await getAs(again, mortgages.token, `/v1/customers/${kept.id}/evidence?kind=identity`).expect(200);
      expect(evidence.body).toMatchObject({ satisfied: true, documentId: keptPassport.body.id });
    });
    const erased = await getAs(again, customer.token, `/v1/documents/${passport.body.id}`).expect(200);
    expect(erased.body.file).toMatchObject({ filename: null });
    await getAs(again, mortgages.token, `/v1/customers/${customer.id}/evidence?kind=identity`).expect(200, { satisfied: false });
    expect(secrets.filter((secret) => erased.text.includes(secret))).toEqual([]);
    await again.stop();
    expect(await foundIn(restored, [...secrets, maria.file])).toEqual([]);
  }, 120_000);

  it('refuses to restore without the master key, which no backup holds, and leaves the target as it was', async () => {
    const original = await aDir('original');
    const vault = await startVault({}, { dataDir: original });
    vaults.push(vault);
    const customer = await vault.customer();
    await upload(vault, customer.token, customer.id, { file: aPdf(), type: 'passport' }).expect(201);
    const backup = join(await aDir('backups'), 'nightly');
    const manifest = await backupVault(loadVaultConfig({ VAULT_DATA_DIR: original }), backup);
    await vault.stop();
    expect(manifest).toMatchObject({ keyStore: true, readModelsToRebuild: ['documents', 'access-log'] });
    expect(manifest.devMasterKey).toBeUndefined();

    const restored = join(await aDir('restored'), 'data');
    await expect(restoreVault(loadVaultConfig({ VAULT_DATA_DIR: restored }), backup)).rejects.toThrow(/VAULT_MASTER_KEY or VAULT_MASTER_KEY_FILE/);
    await expect(readdir(restored)).rejects.toMatchObject({ code: 'ENOENT' });

    // Nor with another vault's key: the data keys it cannot open are taken away again, and nothing else was written.
    const otherKey = { VAULT_MASTER_KEY: randomBytes(32).toString('base64') };
    await expect(restoreVault(loadVaultConfig({ VAULT_DATA_DIR: restored, ...otherKey }), backup)).rejects.toThrow(/master key/i);
    expect(await readdir(restored, { recursive: true })).toEqual([]);
  });
});
