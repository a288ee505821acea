'use strict';
// `npm run bench`: the vault's throughput and latency, each figure as a ratio against a baseline measured in the
// same run on the same machine. Runs the built vault (`npm run build` first) as a process of its own, on the
// embedded default or on whatever VAULT_EVENT_STORE, VAULT_READ_MODEL and VAULT_BLOB_STORE name. Writes
// bench/results.json and prints a table. Knobs: BENCH_SMALL_DOCS (10000), BENCH_LARGE_DOCS (as many as fit the time
// budget, at most 1000000), BENCH_DURATION_S (5 seconds per load run), BENCH_BUDGET_S (520), BENCH_BIG_UPLOAD_MIB (1024).
const { mkdtemp, rm, writeFile } = require('node:fs/promises');
const os = require('node:os');
const { join } = require('node:path');
const { cannon } = require('./lib/cannon');
const { markCaughtUp } = require('./lib/checkpoints');
const { rawApprovalInserts, rawApprovalInsertsPostgres } = require('./lib/commands-baseline');
const { builtFile, requireBuilt } = require('./lib/dist');
const { runScript, startServer } = require('./lib/processes');
const { createEventsFile, IDENTITY_FACTS, seedDocuments, seedThroughAdapter } = require('./lib/seed');
const { MIB, uploadRun } = require('./lib/upload-bench');

const started = Date.now();
const SMALL_DOCS = Number(process.env.BENCH_SMALL_DOCS || 10_000);
const LARGE_DOCS = process.env.BENCH_LARGE_DOCS ? Number(process.env.BENCH_LARGE_DOCS) : null;
const DURATION_S = Number(process.env.BENCH_DURATION_S || 5);
const BUDGET_S = Number(process.env.BENCH_BUDGET_S || 520);
const BIG_UPLOAD_MIB = Number(process.env.BENCH_BIG_UPLOAD_MIB || 1024);
const DOCS_PER_CUSTOMER = 5;
const MAX_LARGE_DOCS = 1_000_000;

/** The queries a department asks. The evidence endpoint is the one that matters; the other two share its path. */
const QUERIES = {
  document: { name: 'GET /v1/documents/{id}', path: (document) => `/v1/documents/${document.documentId}` },
  list: { name: 'GET /v1/customers/{id}/documents', path: (document) => `/v1/customers/${document.customerId}/documents` },
  evidence: { name: 'GET /v1/customers/{id}/evidence?kind=identity', path: (document) => `/v1/customers/${document.customerId}/evidence?kind=identity` },
};
const QUERIES_UNDER_TEST = [QUERIES.evidence, QUERIES.document, QUERIES.list];

const BACKEND_VARIABLES = ['VAULT_EVENT_STORE', 'VAULT_READ_MODEL', 'VAULT_BLOB_STORE', 'VAULT_S3_ACCESS_KEY', 'VAULT_S3_SECRET_KEY'];
const backends = Object.fromEntries(BACKEND_VARIABLES.filter((name) => process.env[name]).map((name) => [name, process.env[name]]));
const eventsOnPostgres = /^postgres(ql)?:\/\//.test(backends.VAULT_EVENT_STORE ?? '');
const embedded = !backends.VAULT_EVENT_STORE || backends.VAULT_EVENT_STORE.startsWith('sqlite:');

const elapsedS = () => (Date.now() - started) / 1000;
const log = (message) => process.stderr.write(`[${elapsedS().toFixed(0).padStart(4)} s] ${message}\n`);
const ratio = (value, baseline) => (baseline > 0 ? Number((value / baseline).toFixed(2)) : null);
const pick = (items) => items[Math.floor(Math.random() * items.length)];

/** Department limits lifted: the bench measures throughput, and the bulk guard would (rightly) stop it at 50 customers. */
async function benchDepartments(dir) {
  const file = join(dir, 'bench-departments.json');
  const unlimited = { customersPerHour: 1_000_000_000, departmentCustomersPerHour: 1_000_000_000, customersPerDay: 1_000_000_000, departmentCustomersPerDay: 1_000_000_000 };
  const identity = ['passport', 'id-card', 'residence-permit', 'driving-licence'];
  await writeFile(file, JSON.stringify({ payments: { evidenceKinds: ['identity'], factTypes: identity, contentTypes: [], scopes: ['evidence:read', 'references:write', 'requests:write'], ...unlimited } }));
  return file;
}

async function vaultEnv(dataDir, extra = {}) {
  return {
    VAULT_DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    VAULT_RATE_LIMIT_PER_MINUTE: '1000000000',
    // All reviewers together are bulk-guarded too; the approvals run shares thousands of customers among them.
    VAULT_REVIEWERS_CUSTOMERS_PER_HOUR: '1000000000',
    VAULT_REVIEWERS_CUSTOMERS_PER_DAY: '1000000000',
    VAULT_DEPARTMENTS_FILE: await benchDepartments(dataDir),
    VAULT_RECONCILE_INTERVAL_MS: 'off',
    ...backends,
    ...extra,
  };
}

const startVault = (env) => startServer('the vault', builtFile('apps', 'vault-api', 'src', 'main.js'), { env });
const mint = (dataDir, options) => requireBuilt('libs', 'auth', 'src', 'index.js').mintDevToken(dataDir, { expiresIn: '2h', ...options });

async function measureUploads() {
  const dir = await mkdtemp(join(os.tmpdir(), 'kluis-bench-upload-'));
  const sizes = [
    { label: '1 MiB', size: MIB, count: 30 },
    { label: '25 MiB', size: 25 * MIB, count: 6 },
    // A JPEG is not scanned as a PDF is: the difference between the two rows is what the PDF inspection costs.
    { label: '25 MiB JPEG', size: 25 * MIB, count: 6, format: 'jpeg' },
    { label: BIG_UPLOAD_MIB === 1024 ? '1 GiB' : `${BIG_UPLOAD_MIB} MiB`, size: BIG_UPLOAD_MIB * MIB, count: 1 },
  ];
  const baseline = await startServer('the upload baseline', join(__dirname, 'baselines', 'upload-server.js'), { args: [dir], readyPath: '/' });
  const vault = await startVault(await vaultEnv(dir, { VAULT_MAX_UPLOAD_BYTES: String((BIG_UPLOAD_MIB + 64) * MIB) }));
  const results = [];
  try {
    const bare = { url: baseline.url, path: () => '/', headers: () => ({}) };
    for (const { label, size, count, format } of sizes) {
      // A customer per upload: the same bytes twice for one customer would be answered as a duplicate.
      const customer = (index) => `C-upload-${format ?? 'pdf'}-${size}-${index}`;
      const tokens = await Promise.all(Array.from({ length: count }, (_, index) => mint(dir, { sub: customer(index), roles: ['customer'] })));
      const asCustomers = {
        url: vault.url,
        path: (index) => `/v1/customers/${customer(index)}/documents`,
        headers: (index) => ({ authorization: `Bearer ${tokens[index]}` }),
      };
      log(`upload ${count} × ${label}: baseline`);
      const floor = await uploadRun(bare, size, count, null, format);
      log(`upload ${count} × ${label}: vault`);
      const idleRss = vault.rss();
      const measured = await uploadRun(asCustomers, size, count, vault.pid, format);
      results.push({
        file: label,
        uploads: count,
        vaultMBps: measured.mbPerSecond,
        baselineMBps: floor.mbPerSecond,
        ratio: ratio(measured.mbPerSecond, floor.mbPerSecond),
        vaultRssBeforeMiB: idleRss === null ? null : Math.round(idleRss / MIB),
        vaultPeakRssMiB: measured.peakRss === null ? null : Math.round(measured.peakRss / MIB),
        // Flat: the upload cost the vault less memory than a sliver of the file, so nothing was held whole.
        flatRss: measured.peakRss === null || idleRss === null ? null : measured.peakRss - idleRss < 64 * MIB,
      });
    }
  } finally {
    await Promise.all([vault.stop(), baseline.stop()]);
    await rm(dir, { recursive: true, force: true });
  }
  return results;
}

/** Seeds documents into the vault's event store: straight into the SQLite file, or through the adapter elsewhere. */
async function seed(dataDir, { customers, pending, label }) {
  if (embedded) {
    const file = backends.VAULT_EVENT_STORE ? backends.VAULT_EVENT_STORE.slice('sqlite:'.length) : join(dataDir, 'events.db');
    await createEventsFile(file);
    return seedDocuments(file, { customers, perCustomer: DOCS_PER_CUSTOMER, pending, label });
  }
  const { createEsdbEventStore, createPostgresEventStore } = requireBuilt('libs', 'event-store', 'src', 'index.js');
  const store = eventsOnPostgres ? await createPostgresEventStore(backends.VAULT_EVENT_STORE) : await createEsdbEventStore(backends.VAULT_EVENT_STORE);
  try {
    return await seedThroughAdapter(store, { customers, perCustomer: DOCS_PER_CUSTOMER, pending, label });
  } finally {
    await store.close();
  }
}

/** Where the backends of a data directory are, as the vault would find them. */
function locations(dataDir) {
  const where = (value, file) => (!value ? { kind: 'sqlite', file: join(dataDir, file) } : value.startsWith('sqlite:') ? { kind: 'sqlite', file: value.slice('sqlite:'.length) } : { kind: 'postgres', url: value });
  return { events: where(backends.VAULT_EVENT_STORE, 'events.db'), readModel: where(backends.VAULT_READ_MODEL, 'read-models.db') };
}

/** `npm run projections:rebuild`, timed by itself; the documents read model is the one measured. */
async function rebuild(dataDir) {
  const output = await runScript(builtFile('apps', 'vault-api', 'src', 'cli', 'rebuild-projections.js'), [], await vaultEnv(dataDir));
  const outcome = output.trim().split('\n').map((line) => JSON.parse(line)).find((line) => line.projection === 'documents');
  // The seeded documents are history: fulfilment would find nothing to do in them, and the customers were told of them
  // long ago, so neither process manager replays them while the queries are measured.
  if (embedded || eventsOnPostgres) {
    for (const name of ['request-fulfilment', 'notices']) await markCaughtUp(locations(dataDir), name);
  }
  return { events: outcome.events, seconds: Number(((outcome.buildMs + outcome.swapMs) / 1000).toFixed(1)), eventsPerSecond: outcome.eventsPerSecond, swapMs: outcome.swapMs };
}

async function queryRuns(vault, token, documents, { rates }) {
  const headers = { authorization: `Bearer ${token}` };
  const results = {};
  for (const query of QUERIES_UNDER_TEST) {
    const next = () => ({ path: query.path(pick(documents)) });
    await cannon(vault.url, { next, headers, durationS: 2 });
    const max = await cannon(vault.url, { next, headers, durationS: DURATION_S });
    const rate = rates?.[query.name] ?? max.requestsPerSecond / 2;
    const atRate = await cannon(vault.url, { next, headers, durationS: DURATION_S, rate });
    results[query.name] = { max, rate: Math.round(rate), atRate };
    log(`${query.name}: ${max.requestsPerSecond} req/s at most (${max.failed} failed); p50 ${atRate.p50Ms} ms, p99 ${atRate.p99Ms} ms at ${Math.round(rate)} req/s`);
  }
  return results;
}

async function measureApprovals(vault, dataDir, pending) {
  const reviewers = [];
  // Reviewers, too, may touch only so many customers an hour: the approvals are shared out among enough of them.
  for (let index = 0; index * 150 < pending.length; index += 1) reviewers.push(await mint(dataDir, { sub: `reviewer-bench-${index}`, roles: ['reviewer'] }));
  let taken = 0;
  const next = () => {
    const index = taken++ % pending.length;
    // One document number is verified for one customer only: each pending passport carries its own.
    const body = JSON.stringify({ decision: 'approve', facts: { ...IDENTITY_FACTS, documentNumber: `BENCH${index}` } });
    return {
      method: 'POST',
      path: `/v1/documents/${pending[index].documentId}/reviews`,
      headers: { authorization: `Bearer ${reviewers[Math.floor(index / 150)]}`, 'if-match': '"0"', 'content-type': 'application/json' },
      body,
    };
  };
  const run = await cannon(vault.url, { next, connections: 8, durationS: DURATION_S * 2 });
  return { ...run, perSecond: run.requestsPerSecond };
}

async function main() {
  const results = {
    date: new Date().toISOString(),
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 1024 ** 3), node: process.version, loadAverageAtStart: os.loadavg().map((load) => Number(load.toFixed(2))) },
    backends: embedded && !backends.VAULT_BLOB_STORE ? 'embedded (SQLite + file)' : BACKEND_VARIABLES.filter((name) => backends[name] && !name.includes('KEY')).map((name) => `${name}=${backends[name].replace(/\/\/[^@/]*@/, '//…@')}`).join(' '),
    targets: { uploadRatio: 0.6, queryRatio: 0.5, p99AtHalfLoadMs: 10, latencyGrowthAtScale: 1.5, rebuildEventsPerSecond: 50_000 },
  };
  log('uploads');
  results.upload = await measureUploads();

  const dataDir = await mkdtemp(join(os.tmpdir(), 'kluis-bench-query-'));
  const trivial = await startServer('the trivial Nest baseline', join(__dirname, 'baselines', 'nest-trivial.js'), { readyPath: '/ping' });
  try {
    log(`seeding ${SMALL_DOCS} documents`);
    const small = await seed(dataDir, { customers: Math.ceil(SMALL_DOCS / DOCS_PER_CUSTOMER), pending: 6000, label: 'small' });
    const smallRebuild = await rebuild(dataDir);
    log(`rebuilt the read model from ${smallRebuild.events} events at ${smallRebuild.eventsPerSecond} events/s`);

    await cannon(trivial.url, { next: () => ({ path: '/ping' }), durationS: 2 });
    const floor = await cannon(trivial.url, { next: () => ({ path: '/ping' }), durationS: DURATION_S });
    const floorAtHalf = await cannon(trivial.url, { next: () => ({ path: '/ping' }), durationS: DURATION_S, rate: floor.requestsPerSecond / 2 });
    log(`trivial Nest endpoint: ${floor.requestsPerSecond} req/s, p99 ${floorAtHalf.p99Ms} ms at half load`);

    let vault = await startVault(await vaultEnv(dataDir));
    const department = await mint(dataDir, { sub: 'payments-desk-1', roles: ['department'], department: 'payments', scopes: ['evidence:read'] });
    const atSmall = await queryRuns(vault, department, small.documents, {});
    log('approvals');
    const approvals = await measureApprovals(vault, dataDir, small.pending);
    await vault.stop();
    const raw = eventsOnPostgres ? await rawApprovalInsertsPostgres(backends.VAULT_EVENT_STORE, Math.max(500, approvals.ok)) : embedded ? rawApprovalInserts(join(dataDir, 'events.db'), Math.max(500, approvals.ok)) : null;
    log(`approvals: ${approvals.perSecond}/s through the vault, ${raw?.perSecond ?? '–'}/s as raw inserts`);

    const remainingS = BUDGET_S - elapsedS() - 90;
    const eventsPerDocument = small.events / (SMALL_DOCS + 6000 / 3);
    // Seeding runs at about 20,000 events/s here; the replay is assumed no faster than it was for the small set.
    const secondsPerDocument = eventsPerDocument * (1 / 20_000 + 1 / smallRebuild.eventsPerSecond);
    const largeDocs = LARGE_DOCS ?? Math.max(SMALL_DOCS * 2, Math.min(MAX_LARGE_DOCS, Math.floor(remainingS / secondsPerDocument / 10_000) * 10_000));
    log(`seeding up to ${largeDocs} documents`);
    const large = await seed(dataDir, { customers: Math.ceil((largeDocs - SMALL_DOCS) / DOCS_PER_CUSTOMER), pending: 0, label: 'large' });
    const largeRebuild = await rebuild(dataDir);
    log(`rebuilt the read model from ${largeRebuild.events} events at ${largeRebuild.eventsPerSecond} events/s`);
    vault = await startVault(await vaultEnv(dataDir));
    const rates = Object.fromEntries(Object.entries(atSmall).map(([name, run]) => [name, run.rate]));
    const atLarge = await queryRuns(vault, department, [...small.documents, ...large.documents], { rates });
    await vault.stop();

    results.query = QUERIES_UNDER_TEST.map((query) => {
      const low = atSmall[query.name];
      const high = atLarge[query.name];
      return {
        query: query.name,
        documents: SMALL_DOCS,
        vaultRps: low.max.requestsPerSecond,
        baselineRps: floor.requestsPerSecond,
        ratio: ratio(low.max.requestsPerSecond, floor.requestsPerSecond),
        failed: low.max.failed + low.atRate.failed,
        halfLoadRps: low.rate,
        halfLoadP50Ms: low.atRate.p50Ms,
        halfLoadP99Ms: low.atRate.p99Ms,
        baselineHalfLoadP99Ms: floorAtHalf.p99Ms,
        large: { documents: largeDocs, vaultRps: high.max.requestsPerSecond, p50Ms: high.atRate.p50Ms, p99Ms: high.atRate.p99Ms, failed: high.max.failed + high.atRate.failed },
        p99GrowthAtScale: ratio(high.atRate.p99Ms, low.atRate.p99Ms),
        p50GrowthAtScale: ratio(high.atRate.p50Ms, low.atRate.p50Ms),
      };
    });
    results.commands = { vaultApprovalsPerSecond: approvals.perSecond, failed: approvals.failed, rawInsertApprovalsPerSecond: raw?.perSecond ?? null, ratio: raw ? ratio(approvals.perSecond, raw.perSecond) : null };
    results.rebuild = { small: smallRebuild, large: largeRebuild, documents: largeDocs };
  } finally {
    await trivial.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  results.totalSeconds = Math.round(elapsedS());
  results.machine.loadAverageAtEnd = os.loadavg().map((load) => Number(load.toFixed(2)));
  await writeFile(join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  printTable(results);
}

function printTable(results) {
  const rows = [['measure', 'vault', 'baseline', 'ratio', 'target']];
  for (const upload of results.upload) rows.push([`upload ${upload.file} (MB/s)`, upload.vaultMBps, upload.baselineMBps, upload.ratio, '≥ 0.6']);
  const big = results.upload.find((upload) => upload.file.endsWith('GiB')) ?? results.upload[results.upload.length - 1];
  rows.push([`vault RSS during the ${big.file} upload (MiB)`, `${big.vaultRssBeforeMiB} → ${big.vaultPeakRssMiB}`, '', '', 'flat']);
  for (const query of results.query) {
    rows.push([`${query.query} (req/s)`, query.vaultRps, query.baselineRps, query.ratio, '≥ 0.5']);
    rows.push([`  p99 at half load (ms)`, query.halfLoadP99Ms, query.baselineHalfLoadP99Ms, '', '< 10']);
    rows.push([`  p99 at ${query.large.documents} vs ${query.documents} docs (ms)`, query.large.p99Ms, query.halfLoadP99Ms, query.p99GrowthAtScale, '≤ 1.5']);
  }
  rows.push(['review approvals (per s)', results.commands.vaultApprovalsPerSecond, results.commands.rawInsertApprovalsPerSecond ?? '–', results.commands.ratio ?? '–', '']);
  rows.push([`projection rebuild, ${results.rebuild.large.events} events (events/s)`, results.rebuild.large.eventsPerSecond, '', '', '≥ 50000']);
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  const text = rows.map((row) => row.map((cell, column) => String(cell).padEnd(widths[column])).join('  ')).join('\n');
  process.stdout.write(`\n${results.date}, ${results.machine.cores} cores, ${results.backends}, ${results.totalSeconds} s\n${text}\n\nbench/results.json written\n`);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
