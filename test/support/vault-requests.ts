import { randomBytes } from 'node:crypto';
import type { VaultUnderTest } from './vault-harness';

export interface UploadOptions {
  readonly file: Buffer;
  readonly type?: string;
  readonly filename?: string;
  readonly channel?: string;
  readonly relatedCustomerIds?: string;
  readonly idempotencyKey?: string;
  /** Send the text fields after the file instead of before it. */
  readonly fieldsLast?: boolean;
}

/** A name whose extension matches the bytes, because the declared type must agree with the content. */
function defaultFilename(file: Buffer): string {
  if (file.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))) return 'scan.png';
  if (file.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'scan.jpg';
  return 'scan.pdf';
}

export function upload(vault: VaultUnderTest, token: string, customerId: string, options: UploadOptions) {
  let call = vault.http().post(`/v1/customers/${customerId}/documents`).set('Authorization', `Bearer ${token}`);
  if (options.idempotencyKey) call = call.set('Idempotency-Key', options.idempotencyKey);
  const fields = () => {
    if (options.type !== undefined) call = call.field('type', options.type);
    if (options.channel !== undefined) call = call.field('channel', options.channel);
    if (options.relatedCustomerIds !== undefined) call = call.field('relatedCustomerIds', options.relatedCustomerIds);
  };
  if (!options.fieldsLast) fields();
  call = call.attach('file', options.file, options.filename ?? defaultFilename(options.file));
  if (options.fieldsLast) fields();
  return call;
}

export const getAs = (vault: VaultUnderTest, token: string, path: string) => vault.http().get(path).set('Authorization', `Bearer ${token}`);

export function review(vault: VaultUnderTest, token: string, documentId: string, body: object, ifMatch?: string | number) {
  const call = vault.http().post(`/v1/documents/${documentId}/reviews`).set('Authorization', `Bearer ${token}`);
  return (ifMatch === undefined ? call : call.set('If-Match', typeof ifMatch === 'number' ? `"${ifMatch}"` : ifMatch)).send(body);
}

export const passportFacts = {
  documentNumber: 'NXC4K8R71',
  issuingCountry: 'NLD',
  holderName: 'Maria de Vries',
  dateOfBirth: '1974-08-12',
  expiresOn: '2031-01-01',
};

/**
 * A passport of its own: a document number is verified for one customer only, so a test that verifies passports for
 * several customers in one vault gives each its own number.
 */
export const aPassportsFacts = () => ({ ...passportFacts, documentNumber: `NX${randomBytes(4).toString('hex').toUpperCase()}` });

export const powerOfAttorneyFacts = {
  notary: 'Mr. J. Bakker, Utrecht',
  deedDate: '2026-10-02',
  grantor: 'Jan de Vries',
  attorney: 'Maria de Vries',
  scope: 'All banking matters',
};

/** Bytes of a response body, whatever its content type. */
export const binary = (call: ReturnType<typeof getAs>) =>
  call.buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });

/** Asserts an answer is problem+json that leaks nothing internal. */
export function expectProblem(response: { status: number; headers: Record<string, string>; body: Record<string, unknown>; text: string }, status: number, vault?: VaultUnderTest) {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String), type: expect.any(String) });
  expect(response.text).not.toMatch(/\bat \S+ \(|node_modules|stack|documents\/[0-9a-f]{8}-/);
  if (vault) expect(response.text).not.toContain(vault.dataDir);
}
