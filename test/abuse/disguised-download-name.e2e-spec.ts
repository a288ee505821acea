import { documentStream } from '@kluis/document-domain';
import { EVENT_STORE, type EventStore } from '@kluis/event-store';
import { randomUUID } from 'node:crypto';
import { eventually } from '@kluis/event-store/testing';
import { aPdf } from '../support/files';
import { unzip } from '../support/unzip';
import { removeDataDir, startVault, type VaultUnderTest } from '../support/vault-harness';
import { binary, getAs, upload } from '../support/vault-requests';

/**
 * A PDF that is also an HTML application, named so that a right-to-left override makes `….hta` read as `….pdf`.
 * Windows runs an .hta it is asked to open, so no name the vault serves may keep either the extension or the
 * invisible characters that disguise it.
 */
const RIGHT_TO_LEFT_OVERRIDE = '\u202E';
const DISGUISED = `Bankafschrift${RIGHT_TO_LEFT_OVERRIDE}fdp.hta`;
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/;
const polyglot = () => Buffer.concat([aPdf(), Buffer.from('<hta:application windowstate="minimize"><script>new ActiveXObject("WScript.Shell").Run("calc")</script>')]);

describe('a polyglot whose name disguises its extension', () => {
  let vault: VaultUnderTest;
  let maria: { id: string; token: string };
  let documentId: string;

  beforeAll(async () => {
    vault = await startVault();
    maria = await vault.customer();
    const uploaded = await upload(vault, maria.token, maria.id, { file: polyglot(), type: 'proof-of-address', filename: DISGUISED }).expect(201);
    documentId = uploaded.body.id;
  });

  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  it('is stored under its name without the invisible override', async () => {
    const document = await getAs(vault, maria.token, `/v1/documents/${documentId}`).expect(200);
    expect(document.body.file.filename).toBe('Bankafschriftfdp.hta');
  });

  it('downloads as a .pdf, the type its bytes were judged to be, in both forms of the name', async () => {
    const content = await getAs(vault, maria.token, `/v1/documents/${documentId}/content`).expect(200);
    const disposition = content.headers['content-disposition'];
    expect(disposition).toBe(`attachment; filename="Bankafschriftfdp.pdf"; filename*=UTF-8''Bankafschriftfdp.pdf`);
  });

  it('is listed without the override', async () => {
    await eventually(async () => {
      const listed = await getAs(vault, maria.token, '/v1/me/documents').expect(200);
      expect(JSON.stringify(listed.body)).toContain('Bankafschriftfdp.hta');
    });
    const listed = await getAs(vault, maria.token, '/v1/me/documents').expect(200);
    expect(JSON.stringify(listed.body)).not.toMatch(INVISIBLE);
  });

  it('is exported as a .pdf, and export.json carries no invisible character', async () => {
    const archive = await binary(getAs(vault, maria.token, '/v1/me/export?format=zip')).expect(200);
    const entries = unzip(archive.body as Buffer);
    expect([...entries.keys()]).toContain(`files/${documentId}-Bankafschriftfdp.pdf`);
    expect([...entries.keys()].join('\n')).not.toMatch(/\.hta|[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(entries.get('export.json')!.toString('utf8')).not.toMatch(INVISIBLE);
  });

  it('arrives intact when the name is sent in the RFC 5987 form, and still downloads as a .pdf', async () => {
    const form = `--b\r\nContent-Disposition: form-data; name="type"\r\n\r\nproof-of-address\r\n--b\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''${encodeURIComponent(`Uittreksel${RIGHT_TO_LEFT_OVERRIDE}\u2066fdp.hta`)}\r\nContent-Type: application/pdf\r\n\r\n`;
    const body = Buffer.concat([Buffer.from(form), polyglot(), Buffer.from('\r\n--b--\r\n')]);
    const uploaded = await vault
      .http()
      .post(`/v1/customers/${maria.id}/documents`)
      .set('Authorization', `Bearer ${maria.token}`)
      .set('Content-Type', 'multipart/form-data; boundary=b')
      .send(body)
      .expect(201);
    expect(uploaded.body.file.filename).toBe('Uittrekselfdp.hta');
    const content = await getAs(vault, maria.token, `/v1/documents/${uploaded.body.id}/content`).expect(200);
    expect(content.headers['content-disposition']).toContain(`filename*=UTF-8''Uittrekselfdp.pdf`);
  });

  it('is cleaned when served although an older version stored it as sent', async () => {
    // An older version kept the name as sent: the same submission again, under a new document, with the raw name.
    const events = vault.app.get<EventStore>(EVENT_STORE);
    const [original] = (await events.readStream(documentStream(documentId))).events;
    const olderId = randomUUID();
    const data = original.data as { file: Record<string, unknown> };
    await events.append(documentStream(olderId), [{ ...original, id: randomUUID(), data: { ...data, documentId: olderId, file: { ...data.file, filename: DISGUISED } } }], 'no_stream');

    const content = await getAs(vault, maria.token, `/v1/documents/${olderId}/content`).expect(200);
    expect(content.headers['content-disposition']).toBe(`attachment; filename="Bankafschriftfdp.pdf"; filename*=UTF-8''Bankafschriftfdp.pdf`);
    const document = await getAs(vault, maria.token, `/v1/documents/${olderId}`).expect(200);
    expect(document.body.file.filename).toBe('Bankafschriftfdp.hta');
    await eventually(async () => {
      const listed = await getAs(vault, maria.token, '/v1/me/documents').expect(200);
      expect(listed.body.documents.map((listedDocument: { id: string }) => listedDocument.id)).toContain(olderId);
    });
    const listed = await getAs(vault, maria.token, '/v1/me/documents').expect(200);
    expect(JSON.stringify(listed.body)).not.toMatch(INVISIBLE);
    const archive = unzip((await binary(getAs(vault, maria.token, '/v1/me/export?format=zip')).expect(200)).body as Buffer);
    expect([...archive.keys()]).toContain(`files/${olderId}-Bankafschriftfdp.pdf`);
    expect(archive.get('export.json')!.toString('utf8')).not.toMatch(INVISIBLE);
  });
});
