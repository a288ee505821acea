import { filesContainingPlaintext, inMemoryKeyVault } from '@kluis/crypto/testing';
import { documentStream } from '@kluis/document-domain';
import { aReviewer, approvedBy, aSubmission, passportFacts, storedEvent, submitted, verified } from '@kluis/document-domain/testing';
import { createSqliteEventStore, type EventStore, type NewEvent, type RecordedEvent } from '@kluis/event-store';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '@kluis/event-store/testing';
import { CachingKeyVault } from './caching-key-vault';
import { SealingEventStore } from './sealing-event-store';

const facts = passportFacts({ holderName: 'Wilhelmina Zonderland', documentNumber: 'QX9K2L7M4', dateOfBirth: '1961-03-17' });

const customerId = 'C-free-text';
const anEvent = (type: string, data: Record<string, unknown>): NewEvent => ({ id: randomUUID(), type, version: 1, data: { customerId, ...data }, metadata: {} });

/** What staff write about a customer, as they like: every piece of it can name the customer or their affairs. */
const written = {
  DocumentReferenced: anEvent('DocumentReferenced', { documentId: 'd-1', referenceId: 'r-1', department: 'mortgages', purpose: 'Mortgage for Prinsengracht 12', caseRef: 'HYP-PRINSEN-12' }),
  DocumentRequested: anEvent('DocumentRequested', { requestId: 'q-1', kind: 'address', department: 'mortgages', purpose: 'Move to Prinsengracht 12', dueBy: null }),
  DocumentRequestJoined: anEvent('DocumentRequestJoined', { requestId: 'q-1', kind: 'address', department: 'payments', purpose: 'Standing order for Prinsengracht rent', dueBy: null }),
  LegalHoldPlaced: anEvent('LegalHoldPlaced', { holdId: 'h-1', reason: 'Prosecutor inquiry into Prinsengracht fraud', caseRef: 'OM-PRINSEN-7' }),
  DocumentRejected: anEvent('DocumentRejected', { documentId: 'd-2', reasonCode: 'ILLEGIBLE', message: 'The Prinsengracht letter is cut off' }),
  DocumentRevoked: anEvent('DocumentRevoked', { documentId: 'd-1', reason: 'Reported stolen at Prinsengracht' }),
  EvidenceQueried: anEvent('EvidenceQueried', { kind: 'identity', satisfied: true, documentId: 'd-1', purpose: 'Checking Prinsengracht tenancy' }),
  DocumentContentRead: anEvent('DocumentContentRead', { documentId: 'd-1', purpose: 'Valuing Prinsengracht 12' }),
};
const freeText = ['Prinsengracht'];

describe('sealing personal fields in events', () => {
  let dir: string;
  let raw: EventStore;
  let keys: CachingKeyVault;
  let store: SealingEventStore;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kluis-sealing-'));
    raw = await createSqliteEventStore(join(dir, 'events.db'));
    keys = new CachingKeyVault(inMemoryKeyVault());
    store = new SealingEventStore(raw, keys);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function aVerifiedPassport(): Promise<{ customerId: string; stream: string }> {
    const submission = aSubmission('passport', { file: { blobKey: `documents/${randomUUID()}`, sha256: 'b'.repeat(64), size: 10, mediaType: 'application/pdf', filename: 'paspoort-wilhelmina.pdf' } });
    const stream = documentStream(submission.documentId);
    const anna = aReviewer('anna');
    await store.append(
      stream,
      [
        storedEvent(submitted(submission)),
        storedEvent(approvedBy(submission.documentId, anna, facts), { subject: submission.customerId }),
        storedEvent(verified(submission.documentId, facts, '2031-01-01'), { subject: submission.customerId }),
      ],
      'no_stream',
    );
    return { customerId: submission.customerId, stream };
  }

  const personal = ['Wilhelmina Zonderland', 'QX9K2L7M4', '1961-03-17', 'paspoort-wilhelmina.pdf'];

  it('stores ciphertext, and gives every reader the plain events back', async () => {
    const { customerId, stream } = await aVerifiedPassport();

    // The hash is not personal and stays readable: proof that the search looks where the events are.
    expect(await filesContainingPlaintext(dir, Buffer.from('b'.repeat(64)))).not.toEqual([]);
    for (const value of personal) expect(await filesContainingPlaintext(dir, Buffer.from(value))).toEqual([]);
    const stored = (await raw.readStream(stream)).events;
    expect(stored[0].data).toMatchObject({ customerId, file: { filename: null, sha256: 'b'.repeat(64) } });
    expect(stored[2].data).toMatchObject({ facts: {}, validUntil: '2031-01-01' });

    const [submittedEvent, reviewed, verifiedEvent] = (await store.readStream(stream)).events;
    expect(submittedEvent.data).toMatchObject({ file: { filename: 'paspoort-wilhelmina.pdf' } });
    expect(reviewed.data).toMatchObject({ facts, decision: 'approve' });
    expect(verifiedEvent.data).toMatchObject({ facts });
    expect(verifiedEvent.metadata).toEqual({ subject: customerId });
    expect((await store.readAll({ after: 0, limit: 10 })).map((event) => event.data)).toEqual((await store.readStream(stream)).events.map((event) => event.data));

    const delivered: RecordedEvent[] = [];
    const subscription = store.subscribe({ after: 0 }, async (batch) => {
      delivered.push(...batch);
    });
    await eventually(async () => expect(delivered).toHaveLength(3));
    await subscription.stop();
    expect(delivered[2].data).toMatchObject({ facts });
  });

  it('reads a destroyed customer back with the personal fields absent and marked erased, without throwing', async () => {
    const { customerId, stream } = await aVerifiedPassport();
    await store.readStream(stream);
    await keys.destroy(customerId);

    const [submittedEvent, reviewed, verifiedEvent] = (await store.readStream(stream)).events;
    expect(submittedEvent.data).toMatchObject({ customerId, file: { filename: null, size: 10 } });
    expect(submittedEvent.metadata.erased).toEqual(['file.filename']);
    expect(reviewed.data).toMatchObject({ facts: {}, decision: 'approve', reviewer: { id: 'anna' } });
    expect(reviewed.metadata.erased).toEqual(['facts']);
    expect(verifiedEvent.data).toMatchObject({ facts: {}, validUntil: '2031-01-01' });
    const anotherVerification = storedEvent(verified(String(submittedEvent.data.documentId), facts, null), { subject: customerId });
    await expect(store.append(stream, [anotherVerification], 2)).rejects.toMatchObject({ code: 'CUSTOMER.ERASED' });
  });

  it('refuses an event with personal data that names no customer', async () => {
    const documentId = randomUUID();
    await expect(store.append(documentStream(documentId), [storedEvent(verified(documentId, facts, null))], 'no_stream')).rejects.toThrow(/names no customer/);
    await expect(
      store.append(documentStream(documentId), [storedEvent(submitted(aSubmission('passport')), { subject: 'C-someone-else' })], 'no_stream'),
    ).rejects.toThrow(/different customers/);
  });

  it('leaves events without personal data as they are', async () => {
    const event: NewEvent = { id: randomUUID(), type: 'DocumentRead', version: 1, data: { customerId: 'C-1', documentId: 'd-1', what: 'history' }, metadata: { at: 'now' } };
    await store.append('access-C-1', [event], 'no_stream');
    const [stored] = (await raw.readStream('access-C-1')).events;
    expect({ data: stored.data, metadata: stored.metadata }).toEqual({ data: event.data, metadata: event.metadata });
  });

  it('stores purposes, case references, hold reasons and messages as ciphertext, and reads them back plain', async () => {
    const events = Object.values(written);
    await store.append(`mixed-${customerId}`, events, 'no_stream');

    for (const text of freeText) expect(await filesContainingPlaintext(dir, Buffer.from(text))).toEqual([]);
    const stored = (await raw.readStream(`mixed-${customerId}`)).events;
    expect(stored.map((event) => event.metadata.personalData)).toEqual(events.map(() => expect.objectContaining({ fields: expect.any(Array) })));
    expect((await store.readStream(`mixed-${customerId}`)).events.map((event) => event.data)).toEqual(events.map((event) => event.data));
  });

  it('reads them back absent once the customer is erased, and still records a read with its purpose left out', async () => {
    await store.append(`mixed-${customerId}`, Object.values(written), 'no_stream');
    await keys.destroy(customerId);

    const erased = (await store.readStream(`mixed-${customerId}`)).events;
    expect(erased.find((event) => event.type === 'LegalHoldPlaced')).toMatchObject({ data: { reason: '', caseRef: '' }, metadata: { erased: ['reason', 'caseRef'] } });
    expect(erased.find((event) => event.type === 'DocumentContentRead')).toMatchObject({ data: { purpose: null }, metadata: { erased: ['purpose'] } });

    await store.append(`access-${customerId}`, [anEvent('EvidenceQueried', { kind: 'identity', satisfied: false, documentId: null, purpose: 'Prinsengracht again' })], 'no_stream');
    const [recorded] = (await raw.readStream(`access-${customerId}`)).events;
    expect(recorded).toMatchObject({ data: { purpose: null, satisfied: false }, metadata: { subject: customerId, erased: ['purpose'] } });
    await expect(store.append(`other-${customerId}`, [anEvent('DocumentRequested', { requestId: 'q-2', kind: 'identity', purpose: 'Anything' })], 'no_stream')).rejects.toMatchObject({ code: 'CUSTOMER.ERASED' });
    for (const text of freeText) expect(await filesContainingPlaintext(dir, Buffer.from(text))).toEqual([]);
  });
});
