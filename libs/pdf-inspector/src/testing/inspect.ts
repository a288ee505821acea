import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PdfInspection } from '../pdf-findings';
import { inspectPdf } from '../pdf-inspector';

/** Streams `file` through an inspector in chunks of `chunkSize` bytes and answers its inspection. */
export async function inspect(file: Buffer, chunkSize = file.length): Promise<PdfInspection> {
  const chunks: Buffer[] = [];
  for (let start = 0; start < file.length; start += chunkSize) chunks.push(file.subarray(start, start + chunkSize));
  const inspector = inspectPdf();
  await pipeline(Readable.from(chunks), inspector, new PassThrough().resume());
  return inspector.result;
}
