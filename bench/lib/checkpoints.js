'use strict';
const Database = require('better-sqlite3');

/** Runs one statement against a SQLite file or a PostgreSQL URL and returns the first row. */
async function queryOne(location, sqliteSql, postgresSql, parameters) {
  if (location.kind === 'sqlite') {
    const db = new Database(location.file);
    try {
      const statement = db.prepare(sqliteSql);
      return statement.reader ? statement.get(...parameters) : (statement.run(...parameters), undefined);
    } finally {
      db.close();
    }
  }
  const { Client } = require('pg');
  const client = new Client({ connectionString: location.url });
  await client.connect();
  try {
    return (await client.query(postgresSql, parameters)).rows[0];
  } finally {
    await client.end();
  }
}

/**
 * Marks a process manager as having seen every seeded event. The bench seeds documents nobody asked for, in which
 * request fulfilment finds nothing to do; without this, the vault would spend its first minutes reading them all.
 */
async function markCaughtUp({ events, readModel }, name) {
  const row = await queryOne(events, 'select max(position) as head from events', 'select max(position) as head from events', []);
  const head = Number(row?.head ?? 0);
  await queryOne(
    readModel,
    'insert into projection_checkpoints (name, position) values (?, ?) on conflict (name) do update set position = excluded.position',
    'insert into projection_checkpoints (name, position) values ($1, $2) on conflict (name) do update set position = excluded.position',
    [name, head],
  );
}

module.exports = { markCaughtUp };
