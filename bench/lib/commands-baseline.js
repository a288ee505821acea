'use strict';
const Database = require('better-sqlite3');
const { randomUUID } = require('node:crypto');
const { IDENTITY_FACTS } = require('./seed');

/**
 * The rows one approval writes to the event store (DocumentReviewed and DocumentVerified, same sizes, same
 * metadata), inserted straight into the same SQLite file with the adapter's settings (WAL, synchronous FULL), one
 * transaction per approval as the vault commits them. What the vault's approval path costs above the bare write.
 */
function rawApprovalInserts(eventsFile, count) {
  const db = new Database(eventsFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  const insert = db.prepare('insert into events (event_id, stream, revision, type, version, data, metadata, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)');
  const metadata = JSON.stringify({ correlationId: randomUUID(), causationId: randomUUID(), principal: { sub: 'reviewer-bench-0', roles: ['reviewer'], department: null }, at: new Date().toISOString() });
  const approve = db.transaction((documentId) => {
    const at = new Date().toISOString();
    const reviewer = { id: 'reviewer-bench-0', kind: 'staff' };
    insert.run(randomUUID(), `bench-raw-${documentId}`, 0, 'DocumentReviewed', 1, JSON.stringify({ documentId, reviewer, decision: 'approve', facts: IDENTITY_FACTS, reasonCode: null, message: null, reviewedAt: at }), metadata, at);
    insert.run(randomUUID(), `bench-raw-${documentId}`, 1, 'DocumentVerified', 1, JSON.stringify({ documentId, facts: IDENTITY_FACTS, validUntil: '2031-01-01', verifiedAt: at }), metadata, at);
  });
  const started = process.hrtime.bigint();
  for (let index = 0; index < count; index += 1) approve.immediate(randomUUID());
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  return { approvals: count, seconds: Number(seconds.toFixed(3)), perSecond: Math.round(count / seconds) };
}

/** The same rows into a PostgreSQL event store's table, one transaction per approval. */
async function rawApprovalInsertsPostgres(url, count) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  const metadata = JSON.stringify({ correlationId: randomUUID(), causationId: randomUUID(), principal: { sub: 'reviewer-bench-0', roles: ['reviewer'], department: null }, at: new Date().toISOString() });
  const insert = 'insert into events (event_id, stream, revision, type, version, data, metadata, recorded_at) values ($1, $2, $3, $4, 1, $5, $6, $7)';
  const reviewer = { id: 'reviewer-bench-0', kind: 'staff' };
  const started = process.hrtime.bigint();
  try {
    for (let index = 0; index < count; index += 1) {
      const documentId = randomUUID();
      const at = new Date().toISOString();
      await client.query('begin');
      await client.query(insert, [randomUUID(), `bench-raw-${documentId}`, 0, 'DocumentReviewed', JSON.stringify({ documentId, reviewer, decision: 'approve', facts: IDENTITY_FACTS, reasonCode: null, message: null, reviewedAt: at }), metadata, at]);
      await client.query(insert, [randomUUID(), `bench-raw-${documentId}`, 1, 'DocumentVerified', JSON.stringify({ documentId, facts: IDENTITY_FACTS, validUntil: '2031-01-01', verifiedAt: at }), metadata, at]);
      await client.query('commit');
    }
  } finally {
    await client.end();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { approvals: count, seconds: Number(seconds.toFixed(3)), perSecond: Math.round(count / seconds) };
}

module.exports = { rawApprovalInserts, rawApprovalInsertsPostgres };
