import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PdfInspection } from '../pdf-findings';
import { inspectPdf } from '../pdf-inspector';

/** What pdf.js makes of a file: `unreadable` when it cannot open it at all. */
export interface ReferenceReading {
  readonly path: string;
  readonly unreadable?: string;
  readonly encryption?: PdfInspection['encryption'];
  readonly pages?: number | null;
  readonly activeContent?: readonly string[];
}

export interface Comparison {
  readonly path: string;
  readonly reference: ReferenceReading;
  readonly vault: PdfInspection;
  /** pdf.js found active content, or a password, that the vault let through. */
  readonly missed: boolean;
  /** The vault refused a file in which pdf.js found nothing to refuse. */
  readonly falselyRefused: boolean;
  /** The vault counted fewer pages than pdf.js shows, which would let a file past the page limit. */
  readonly pagesUndercounted: boolean;
}

export async function pdfFilesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.pdf'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Asks pdf.js, in a child process of its own, what it makes of each file. */
export function referenceReadings(paths: readonly string[]): Promise<ReferenceReading[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'pdfjs-reference.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      output += text;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`pdf.js exited with ${code}`));
      else resolve(output.split('\n').filter(Boolean).map((line) => JSON.parse(line) as ReferenceReading));
    });
    child.stdin.end(paths.map((path) => `${path}\n`).join(''));
  });
}

export async function vaultReading(path: string): Promise<PdfInspection> {
  const inspector = inspectPdf();
  await pipeline(createReadStream(path, { highWaterMark: 64 * 1024 }), inspector, new PassThrough().resume());
  return inspector.result;
}

const refuses = (reading: { encryption?: string; activeContent?: readonly string[] }) =>
  reading.encryption === 'password' || (reading.activeContent?.length ?? 0) > 0;

export function compare(reference: ReferenceReading, vault: PdfInspection): Comparison {
  return {
    path: reference.path,
    reference,
    vault,
    missed: refuses(reference) && !refuses(vault),
    falselyRefused: !reference.unreadable && !refuses(reference) && refuses(vault),
    pagesUndercounted: typeof reference.pages === 'number' && vault.pages < reference.pages,
  };
}
