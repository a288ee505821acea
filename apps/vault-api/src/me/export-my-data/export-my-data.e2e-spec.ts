import { aPdf, aPng } from '../../../../../test/support/files';
import { eventually } from '@kluis/event-store/testing';
import { unzip } from '../../../../../test/support/unzip';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../../test/support/vault-harness';
import { binary, expectProblem, getAs, passportFacts, review, upload } from '../../../../../test/support/vault-requests';

describe('GET /v1/me/export: everything the bank holds on a customer', () => {
  let vault: VaultUnderTest;
  let maria: { id: string; token: string };
  let other: { id: string; token: string };
  let anna: { id: string; token: string };
  let mandates: { id: string; token: string };
  const passportScan = aPdf();
  const addressScan = aPng();
  let passportId: string;
  let addressId: string;
  let requestId: string;
  /** The other customer's ids and values: none may appear in Maria's export. */
  const othersValues: string[] = [];

  const exportAs = (token: string, query = '') => getAs(vault, token, `/v1/me/export${query}`);

  beforeAll(async () => {
    vault = await startVault();
    maria = await vault.customer();
    other = await vault.customer();
    anna = await vault.reviewer();
    mandates = await vault.department('mandates', ['evidence:read', 'content:read', 'references:write']);
    const investments = await vault.department('investments', ['evidence:read', 'requests:write']);

    const passport = await upload(vault, maria.token, maria.id, { file: passportScan, type: 'passport', filename: 'My passport.pdf' }).expect(201);
    passportId = passport.body.id;
    await review(vault, anna.token, passportId, { decision: 'approve', facts: passportFacts }, 0).expect(201);
    const address = await upload(vault, maria.token, maria.id, { file: addressScan, type: 'proof-of-address' }).expect(201);
    addressId = address.body.id;
    await review(vault, anna.token, addressId, { decision: 'reject', reasonCode: 'ILLEGIBLE', message: 'The scan is too blurry to read the address.' }, 0).expect(201);

    await vault
      .http()
      .post(`/v1/documents/${passportId}/references`)
      .set('Authorization', `Bearer ${mandates.token}`)
      .send({ purpose: 'Joint account mandate', caseRef: 'MND-77' })
      .expect(201);
    const asked = await vault
      .http()
      .post(`/v1/customers/${maria.id}/document-requests`)
      .set('Authorization', `Bearer ${investments.token}`)
      .send({ kind: 'address', purpose: 'Opening an investment account' })
      .expect(201);
    requestId = asked.body.id;
    await getAs(vault, mandates.token, `/v1/documents/${passportId}`).expect(200);

    const othersPassport = await upload(vault, other.token, other.id, { file: aPdf(), type: 'passport', filename: 'jans-passport.pdf' }).expect(201);
    await review(vault, anna.token, othersPassport.body.id, { decision: 'approve', facts: { ...passportFacts, documentNumber: 'OTHER0001', holderName: 'Jan Jansen' } }, 0).expect(201);
    othersValues.push(other.id, othersPassport.body.id, othersPassport.body.file.sha256, 'OTHER0001', 'Jan Jansen', 'jans-passport');

    // The department's read reaches the access log through its projection.
    await eventually(async () => {
      const log = await getAs(vault, maria.token, '/v1/me/access-log').expect(200);
      expect(log.body.entries.map((entry: { type: string }) => entry.type)).toContain('DocumentRead');
    });
  });
  afterAll(async () => {
    await vault?.stop();
    if (vault) await removeDataDir(vault);
  });

  it('answers JSON with the documents, their facts, references and history, the requests and the access log', async () => {
    const response = await exportAs(maria.token).expect(200);

    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="kluis-export-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.body;
    expect(body.customerId).toBe(maria.id);
    expect(new Date(body.generatedAt).getTime()).not.toBeNaN();
    expect(body.documents.map((document: { id: string }) => document.id).sort()).toEqual([passportId, addressId].sort());

    const passport = body.documents.find((document: { id: string }) => document.id === passportId);
    expect(passport).toMatchObject({ status: 'verified', facts: passportFacts, file: { filename: 'My passport.pdf', mediaType: 'application/pdf' } });
    expect(passport.references).toEqual([{ department: 'mandates', purpose: 'Joint account mandate', since: expect.any(String) }]);
    expect(passport.history.map((entry: { type: string }) => entry.type)).toEqual(['DocumentSubmitted', 'DocumentReviewed', 'DocumentVerified', 'DocumentReferenced']);
    expect(passport.history[1].by).toBe('a reviewer');
    // As GET /v1/documents/{id} gives it to the owner, plus references and history.
    const { body: asServed } = await getAs(vault, maria.token, `/v1/documents/${passportId}`).expect(200);
    expect(passport).toEqual({ ...asServed, references: passport.references, history: passport.history });

    const address = body.documents.find((document: { id: string }) => document.id === addressId);
    expect(address).toMatchObject({ status: 'rejected', rejection: { reasonCode: 'ILLEGIBLE', message: 'The scan is too blurry to read the address.' } });

    expect(body.requests).toEqual([expect.objectContaining({ id: requestId, kind: 'address', status: 'open' })]);
    expect(body.accessLog).toContainEqual(expect.objectContaining({ type: 'DocumentRead', who: 'the mandates department', documentId: passportId }));

    for (const value of othersValues) expect(response.text).not.toContain(value);
    expect(response.text).not.toMatch(/documents\/[0-9a-f]{8}-|blobKey/);
    expect(response.text).not.toContain(vault.dataDir);
  });

  it('answers a zip of export.json and the files, byte for byte as they were handed in', async () => {
    const response = await binary(exportAs(maria.token).set('Accept', 'application/zip')).expect(200);

    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="kluis-export-\d{4}-\d{2}-\d{2}\.zip"$/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');
    const entries = unzip(response.body as Buffer);
    const passportPath = `files/${passportId}-My passport.pdf`;
    const addressPath = `files/${addressId}-scan.png`;
    expect([...entries.keys()].sort()).toEqual(['export.json', passportPath, addressPath].sort());
    expect(entries.get(passportPath)!.equals(passportScan)).toBe(true);
    expect(entries.get(addressPath)!.equals(addressScan)).toBe(true);

    const exported = JSON.parse(entries.get('export.json')!.toString('utf8'));
    expect(exported.customerId).toBe(maria.id);
    expect(exported.documents).toHaveLength(2);
    expect(exported.requests).toEqual([expect.objectContaining({ id: requestId })]);
    expect(exported.files).toEqual(
      expect.arrayContaining([
        { documentId: passportId, path: passportPath, erased: false },
        { documentId: addressId, path: addressPath, erased: false },
      ]),
    );
    const text = (response.body as Buffer).toString('latin1');
    for (const value of othersValues) expect(text).not.toContain(value);
  });

  it('chooses the zip with ?format=zip whatever the Accept header says', async () => {
    const response = await binary(exportAs(maria.token, '?format=zip').set('Accept', 'application/json')).expect(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(unzip(response.body as Buffer).has('export.json')).toBe(true);
  });

  it('shows the export to the customer in their access log', async () => {
    const fresh = await vault.customer();
    await exportAs(fresh.token).expect(200);
    await eventually(async () => {
      const log = await getAs(vault, fresh.token, '/v1/me/access-log').expect(200);
      expect(log.body.entries).toEqual([expect.objectContaining({ type: 'PersonalDataExported', who: 'you', what: 'downloaded a copy of everything the bank holds on you' })]);
    });
  });

  it('exports an empty file for a customer the bank holds nothing on', async () => {
    const fresh = await vault.customer();
    const response = await exportAs(fresh.token).expect(200);
    expect(response.body).toEqual({ customerId: fresh.id, generatedAt: expect.any(String), documents: [], requests: [], accessLog: [], notices: [], contact: { email: null } });
  });

  it('refuses an Accept header it cannot answer, and an unknown format', async () => {
    expectProblem(await exportAs(maria.token).set('Accept', 'text/csv'), 406, vault);
    expectProblem(await exportAs(maria.token, '?format=xml'), 400, vault);
  });

  it('is for customers only, and needs a token', async () => {
    expectProblem(await exportAs(anna.token), 403, vault);
    expectProblem(await exportAs(mandates.token), 403, vault);
    expectProblem(await exportAs(await vault.token('support-1', ['admin'])), 403, vault);
    expectProblem(await vault.http().get('/v1/me/export'), 401, vault);
  });

  it('documents both formats and the format parameter in OpenAPI', async () => {
    const { body: openApi } = await vault.http().get('/docs-json').expect(200);
    const operation = openApi.paths['/v1/me/export'].get;
    expect(Object.keys(operation.responses['200'].content).sort()).toEqual(['application/json', 'application/zip']);
    expect(operation.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/PersonalDataExportResponse');
    expect(operation.parameters).toContainEqual(expect.objectContaining({ name: 'format', in: 'query', required: false }));
  });

  it('limits how often one customer exports', async () => {
    const fresh = await vault.customer();
    for (let attempt = 0; attempt < 12; attempt += 1) await exportAs(fresh.token).expect(200);
    expectProblem(await exportAs(fresh.token), 429, vault);
  });
});
