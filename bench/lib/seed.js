'use strict';
const Database = require('better-sqlite3');
const { randomUUID } = require('node:crypto');
const { requireBuilt } = require('./dist');

/** The types a seeded customer holds, one each: all identity or address evidence, one review each. */
const TYPES = [
  { type: 'passport', evidenceKind: 'identity' },
  { type: 'id-card', evidenceKind: 'identity' },
  { type: 'driving-licence', evidenceKind: 'identity' },
  { type: 'residence-permit', evidenceKind: 'identity' },
  { type: 'proof-of-address', evidenceKind: 'address' },
];
const IDENTITY_FACTS = { documentNumber: 'NXC4K8R71', issuingCountry: 'NLD', holderName: 'Maria de Vries', dateOfBirth: '1974-08-12', expiresOn: '2031-01-01' };
const ADDRESS_FACTS = { holderName: 'Maria de Vries', address: 'Keizersgracht 1, Amsterdam', issuedOn: '2026-10-01' };
const ROWS_PER_TRANSACTION = 20_000;

/**
 * Seeds documents straight into a SQLite events file, in large transactions without syncing: the vault's own write
 * path (one synced transaction per stream) would take hours for a million. The rows are exactly what the vault
 * writes: the file is created by the vault's event store adapter, and the events are the vault's own, version for
 * version. Positions and revisions follow the adapter's rules, so the vault and its projector read them as their own.
 */
async function createEventsFile(file) {
  const { createSqliteEventStore } = requireBuilt('libs', 'event-store', 'src', 'index.js');
  const store = await createSqliteEventStore(file);
  await store.close();
}

function* documentEvents({ documentId, customerId, kind, at, verified }) {
  const submittedBy = { id: customerId, kind: 'customer' };
  const facts = kind.evidenceKind === 'address' ? ADDRESS_FACTS : IDENTITY_FACTS;
  yield {
    type: 'DocumentSubmitted',
    data: {
      documentId,
      customerId,
      type: kind.type,
      evidenceKind: kind.evidenceKind,
      file: { blobKey: `documents/${randomUUID()}`, sha256: randomUUID().replace(/-/g, '').repeat(2), size: 245_760, mediaType: 'application/pdf', filename: 'scan.pdf' },
      channel: 'online',
      relatedCustomerIds: [],
      submittedBy,
      submittedAt: at,
      reviewDueAt: at,
    },
  };
  if (!verified) return;
  const reviewer = { id: 'anna', kind: 'staff' };
  yield { type: 'DocumentReviewed', data: { documentId, reviewer, decision: 'approve', facts, reasonCode: null, message: null, reviewedAt: at } };
  yield { type: 'DocumentVerified', data: { documentId, facts, validUntil: kind.evidenceKind === 'address' ? '2027-01-01' : '2031-01-01', verifiedAt: at } };
}

/**
 * Adds `customers` customers of `perCustomer` verified documents each, and `pending` passports waiting for review,
 * each with a customer of its own. Returns a sample of the identity documents to query, and the pending ones.
 */
function seedDocuments(file, { customers, perCustomer, pending = 0, sample = 2000, label }) {
  const { DOCUMENT_EVENT_VERSIONS } = requireBuilt('libs', 'document-domain', 'src', 'index.js');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insert = db.prepare('insert into events (event_id, stream, revision, type, version, data, metadata, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)');
  const metadata = JSON.stringify({ correlationId: 'bench-seed', causationId: 'bench-seed', principal: { sub: 'bench-seed', roles: [], department: null }, at: new Date().toISOString() });
  const recordedAt = new Date().toISOString();
  const documents = [];
  const pendingDocuments = [];
  let events = 0;
  let rows = [];
  const flush = db.transaction((batch) => {
    for (const row of batch) insert.run(row);
  });
  const write = (document) => {
    let revision = 0;
    for (const event of documentEvents(document)) {
      rows.push([randomUUID(), `document-${document.documentId}`, revision++, event.type, DOCUMENT_EVENT_VERSIONS[event.type], JSON.stringify(event.data), metadata, recordedAt]);
    }
    events += revision;
    if (rows.length >= ROWS_PER_TRANSACTION) {
      flush(rows);
      rows = [];
    }
  };
  const every = Math.max(1, Math.floor((customers * perCustomer) / sample));
  const at = new Date(Date.now() - 86_400_000).toISOString();
  for (let customer = 0; customer < customers; customer += 1) {
    const customerId = `C-${label}-${customer}`;
    for (let index = 0; index < perCustomer; index += 1) {
      const document = { documentId: randomUUID(), customerId, kind: TYPES[index % TYPES.length], at, verified: true };
      write(document);
      // Only identity documents: the bench asks as a department that may see identity evidence and nothing else.
      if (document.kind.evidenceKind === 'identity' && (customer * perCustomer + index) % every === 0) documents.push({ documentId: document.documentId, customerId });
    }
  }
  for (let index = 0; index < pending; index += 1) {
    const document = { documentId: randomUUID(), customerId: `C-${label}-pending-${index}`, kind: TYPES[0], at, verified: false };
    write(document);
    pendingDocuments.push({ documentId: document.documentId, customerId: document.customerId });
  }
  if (rows.length > 0) flush(rows);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { events, documents, pending: pendingDocuments };
}

/**
 * The same documents through any event store adapter, one append per document as the vault does, several at a time:
 * how PostgreSQL (or EventStoreDB) gets its seed. Slower by design; the counts are the caller's to choose.
 */
async function seedThroughAdapter(store, { customers, perCustomer, pending = 0, sample = 2000, label, parallel = 16 }) {
  const { DOCUMENT_EVENT_VERSIONS } = requireBuilt('libs', 'document-domain', 'src', 'index.js');
  const metadata = { correlationId: 'bench-seed', causationId: 'bench-seed', principal: { sub: 'bench-seed', roles: [], department: null }, at: new Date().toISOString() };
  const at = new Date(Date.now() - 86_400_000).toISOString();
  const all = [];
  for (let customer = 0; customer < customers; customer += 1) {
    for (let index = 0; index < perCustomer; index += 1) all.push({ documentId: randomUUID(), customerId: `C-${label}-${customer}`, kind: TYPES[index % TYPES.length], at, verified: true });
  }
  for (let index = 0; index < pending; index += 1) all.push({ documentId: randomUUID(), customerId: `C-${label}-pending-${index}`, kind: TYPES[0], at, verified: false });
  let next = 0;
  let events = 0;
  const worker = async () => {
    while (next < all.length) {
      const document = all[next++];
      const batch = [...documentEvents(document)].map((event) => ({ id: randomUUID(), type: event.type, version: DOCUMENT_EVENT_VERSIONS[event.type], data: event.data, metadata }));
      await store.append(`document-${document.documentId}`, batch, 'no_stream');
      events += batch.length;
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  const verified = all.filter((document) => document.verified && document.kind.evidenceKind === 'identity');
  const every = Math.max(1, Math.floor(verified.length / sample));
  return {
    events,
    documents: verified.filter((_, index) => index % every === 0).map(({ documentId, customerId }) => ({ documentId, customerId })),
    pending: all.filter((document) => !document.verified).map(({ documentId, customerId }) => ({ documentId, customerId })),
  };
}

module.exports = { createEventsFile, seedDocuments, seedThroughAdapter, IDENTITY_FACTS };
