import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReconciliationReport } from './reconciliation-report';

/** What one reconciliation hands the next, and what /health reports until then. */
export interface ReconciliationState {
  readonly last: ReconciliationSummary | null;
  readonly orphansFirstSeen: ReadonlyMap<string, string>;
}

/** A report with its lists cut short, small enough to keep and to show. */
export interface ReconciliationSummary extends Omit<ReconciliationReport, 'orphans' | 'missing' | 'mismatches' | 'deletedOrphans' | 'lockedOrphans'> {
  readonly counts: { readonly missing: number; readonly mismatches: number; readonly orphans: number; readonly deletedOrphans: number; readonly lockedOrphans: number };
  readonly missing: ReconciliationReport['missing'];
  readonly mismatches: ReconciliationReport['mismatches'];
  readonly orphans: ReconciliationReport['orphans'];
}

const FILE = 'reconciliation.json';
const FORMAT = 1;
/** Enough to act on; the counts tell how many more there are. */
const LISTED = 100;

export const reconciliationStatePath = (dataDir: string) => join(dataDir, FILE);

export function summarise(report: ReconciliationReport): ReconciliationSummary {
  const { missing, mismatches, orphans, deletedOrphans, lockedOrphans, ...rest } = report;
  return {
    ...rest,
    counts: { missing: missing.length, mismatches: mismatches.length, orphans: orphans.length, deletedOrphans: deletedOrphans.length, lockedOrphans: lockedOrphans.length },
    missing: missing.slice(0, LISTED),
    mismatches: mismatches.slice(0, LISTED),
    orphans: orphans.slice(0, LISTED),
  };
}

export const stateAfter = (report: ReconciliationReport): ReconciliationState => ({
  last: summarise(report),
  orphansFirstSeen: new Map(report.orphans.map((orphan) => [orphan.key, orphan.firstSeenAt])),
});

/** Kept in the data directory, so the command line and the running vault carry on from each other's runs. */
export async function loadReconciliationState(dataDir: string): Promise<ReconciliationState> {
  let text: string;
  try {
    text = await readFile(reconciliationStatePath(dataDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { last: null, orphansFirstSeen: new Map() };
    throw error;
  }
  const parsed = JSON.parse(text) as { format?: unknown; last?: ReconciliationSummary | null; orphansFirstSeen?: Record<string, string> };
  if (parsed.format !== FORMAT) throw new Error(`${FILE} has an unknown format; move it aside to start afresh`);
  return { last: parsed.last ?? null, orphansFirstSeen: new Map(Object.entries(parsed.orphansFirstSeen ?? {})) };
}

/** Written whole to a temporary file and renamed over the old one, so a reader never sees half of it. */
export async function saveReconciliationState(dataDir: string, state: ReconciliationState): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const target = reconciliationStatePath(dataDir);
  const temp = `${target}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify({ format: FORMAT, last: state.last, orphansFirstSeen: Object.fromEntries(state.orphansFirstSeen) }, null, 2)}\n`);
  await rename(temp, target);
}
