import { BLOB_STORE, type BlobStore } from '@kluis/blob-store';
import { KEY_VAULT, type KeyVault } from '@kluis/crypto';
import { containsPlaintext, filesContainingPlaintext } from '@kluis/crypto/testing';
import { createHash, randomInt, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { STORAGE_CONFIG } from '../../apps/vault-api/src/config/config-tokens';
import type { StorageConfig } from '../../apps/vault-api/src/config/storage-config';
import { openEventStore } from '../../apps/vault-api/src/infrastructure/open-backends';
import { aPdf } from '../support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../support/vault-harness';
import { binary, expectProblem, getAs, passportFacts, review, upload } from '../support/vault-requests';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function bytesOf(content: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of content) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('encryption at rest: what the vault stores holds no plaintext of what it was given', () => {
  let vault: VaultUnderTest;

  beforeEach(async () => {
    vault = await startVault();
  });
  afterEach(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  const storage = () => vault.app.get<StorageConfig>(STORAGE_CONFIG);

  /** Every stored blob's bytes, and every event as the event store holds it, on whichever backends the vault runs. */
  async function bytesAtRest(): Promise<{ blobs: Buffer; events: Buffer }> {
    const blobStore = vault.app.get<BlobStore>(BLOB_STORE);
    const blobs: Buffer[] = [];
    for await (const blob of blobStore.list()) blobs.push(await bytesOf(await blobStore.get(blob.key)));
    const raw = await openEventStore(storage().eventStore);
    try {
      const events = await raw.readAll({ after: 0, limit: 10_000 });
      return { blobs: Buffer.concat(blobs), events: Buffer.from(JSON.stringify(events)) };
    } finally {
      await raw.close();
    }
  }

  /** On the embedded default, the files themselves: the event store's database and log, and the blob folder. */
  async function filesAtRest(needle: Buffer): Promise<string[]> {
    const { eventStore, blobStore } = storage();
    if (eventStore.kind !== 'sqlite' || blobStore.kind !== 'file') return [];
    const eventFiles = (await readdir(dirname(eventStore.file))).filter((name) => name.startsWith(basename(eventStore.file)));
    const found = await filesContainingPlaintext(blobStore.dir, needle);
    for (const name of eventFiles) if (containsPlaintext(await readFile(join(dirname(eventStore.file), name)), needle)) found.push(name);
    return found;
  }

  async function aVerifiedPassport() {
    const maria = await vault.customer();
    const anna = await vault.reviewer();
    const marker = randomUUID();
    const file = aPdf(marker);
    const filename = `paspoort-${randomUUID()}.pdf`;
    const facts = { ...passportFacts, holderName: `Wilhelmina ${randomUUID().slice(0, 8)} Zonderland`, documentNumber: `QX${randomInt(1e8, 1e9)}`, dateOfBirth: '1961-03-17' };
    const { body } = await upload(vault, maria.token, maria.id, { file, type: 'passport', filename }).expect(201);
    await review(vault, anna.token, body.id, { decision: 'approve', facts }, 0).expect(201);
    return { maria, anna, documentId: body.id as string, file, marker, filename, facts };
  }

  it('stores only ciphertext of a known upload and its facts, while the API still answers with them', async () => {
    const { maria, documentId, file, marker, filename, facts } = await aVerifiedPassport();

    const { body: document } = await getAs(vault, maria.token, `/v1/documents/${documentId}`).expect(200);
    expect(document).toMatchObject({ status: 'verified', facts, file: { filename, sha256: sha256(file), size: file.length } });
    const { body: content } = await binary(getAs(vault, maria.token, `/v1/documents/${documentId}/content`)).expect(200);
    expect(sha256(content as Buffer)).toBe(sha256(file));

    const atRest = await bytesAtRest();
    expect(atRest.blobs.length).toBeGreaterThan(file.length);
    const secrets = [file, Buffer.from(marker), Buffer.from(filename), ...[facts.holderName, facts.documentNumber, facts.dateOfBirth].map((value) => Buffer.from(value))];
    for (const secret of secrets) {
      expect(containsPlaintext(atRest.blobs, secret)).toBe(false);
      expect(containsPlaintext(atRest.events, secret)).toBe(false);
      expect(await filesAtRest(secret)).toEqual([]);
    }
    // The hash stays over the plaintext, for integrity, and is found where the search looks: the search is not blind.
    expect(containsPlaintext(atRest.events, Buffer.from(sha256(file)))).toBe(true);
    if (storage().eventStore.kind === 'sqlite') expect(await filesAtRest(Buffer.from(sha256(file)))).not.toEqual([]);
  });

  it('once the customer key is destroyed, the file is gone for good and the history reads with its personal fields erased', async () => {
    const { maria, anna, documentId, facts } = await aVerifiedPassport();
    await getAs(vault, maria.token, `/v1/documents/${documentId}/history`).expect(200);

    await vault.app.get<KeyVault>(KEY_VAULT).destroy(maria.id);

    const gone = await getAs(vault, maria.token, `/v1/documents/${documentId}/content`);
    expectProblem(gone, 410, vault);
    expect(gone.body).toMatchObject({ code: 'CONTENT.ERASED', title: 'Erased' });
    const { body: history } = await getAs(vault, anna.token, `/v1/documents/${documentId}/history`).expect(200);
    expect(JSON.stringify(history)).not.toContain(facts.holderName);
    const refused = await upload(vault, maria.token, maria.id, { file: aPdf(), type: 'passport' });
    expectProblem(refused, 410, vault);
  });
});
