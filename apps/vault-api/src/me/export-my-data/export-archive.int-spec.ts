import { createFileBlobStore } from '@kluis/blob-store';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { aPdf, aPng } from '../../../../../test/support/files';
import { unzip } from '../../../../../test/support/unzip';
import { ContentErased } from '../../shared/erasure/content-erased.error';
import { exportArchive } from './export-archive';
import type { ExportedFile, PersonalDataExport } from './personal-data-export';

const collect = async (stream: Readable) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

describe('the export archive', () => {
  let dir: string;
  let blobs: ReturnType<typeof createFileBlobStore>;
  const customerId = `C-${randomUUID()}`;
  const data: PersonalDataExport = { customerId, generatedAt: '2026-11-23T10:00:00.000Z', documents: [], requests: [], accessLog: [], notices: [], contact: { email: null } };
  const at = new Date('2026-11-23T10:00:00Z');
  /** The file store as the vault reads it, where some files' key is destroyed, answering as DocumentContentStore does. */
  const contents = (erasedKeys: readonly string[] = []) => ({
    get: async (_subject: string, key: string) => {
      if (erasedKeys.includes(key)) throw new ContentErased();
      return blobs.get(key);
    },
  });
  const file = (overrides: Partial<ExportedFile> & { blobKey: string }): ExportedFile => ({
    documentId: randomUUID(),
    type: 'passport',
    status: 'verified',
    mediaType: 'application/pdf',
    filename: null,
    ...overrides,
  });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kluis-export-'));
    blobs = createFileBlobStore(dir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('holds every file byte for byte under a safe name, and export.json last, saying where each is', async () => {
    const pdf = aPdf();
    const png = aPng();
    await blobs.put('documents/one', Readable.from([pdf]));
    await blobs.put('documents/two', Readable.from([png]));
    const named = file({ blobKey: 'documents/one', filename: '../../etc/My passport.PDF' });
    const unnamed = file({ blobKey: 'documents/two', type: 'proof-of-address', mediaType: 'image/png' });

    const entries = unzip(await collect(exportArchive(data, [named, unnamed], contents(), at)));

    expect([...entries.keys()]).toEqual([`files/${named.documentId}-My passport.pdf`, `files/${unnamed.documentId}-proof-of-address.png`, 'export.json']);
    expect(entries.get(`files/${named.documentId}-My passport.pdf`)!.equals(pdf)).toBe(true);
    expect(entries.get(`files/${unnamed.documentId}-proof-of-address.png`)!.equals(png)).toBe(true);
    expect(JSON.parse(entries.get('export.json')!.toString('utf8'))).toEqual({
      ...data,
      files: [
        { documentId: named.documentId, path: `files/${named.documentId}-My passport.pdf`, erased: false },
        { documentId: unnamed.documentId, path: `files/${unnamed.documentId}-proof-of-address.png`, erased: false },
      ],
    });
  });

  it('leaves out an erased file, whether the document says so or the key is gone, and export.json tells', async () => {
    await blobs.put('documents/kept', Readable.from([aPdf()]));
    await blobs.put('documents/shredded', Readable.from([aPdf()]));
    const kept = file({ blobKey: 'documents/kept' });
    const markedErased = file({ blobKey: 'documents/never-read', status: 'erased' });
    const keyDestroyed = file({ blobKey: 'documents/shredded' });

    const entries = unzip(await collect(exportArchive(data, [markedErased, kept, keyDestroyed], contents(['documents/shredded']), at)));

    expect([...entries.keys()]).toEqual([`files/${kept.documentId}-passport.pdf`, 'export.json']);
    expect(JSON.parse(entries.get('export.json')!.toString('utf8')).files).toEqual([
      { documentId: markedErased.documentId, path: null, erased: true },
      { documentId: kept.documentId, path: `files/${kept.documentId}-passport.pdf`, erased: false },
      { documentId: keyDestroyed.documentId, path: null, erased: true },
    ]);
  });

  it('fails the stream, rather than end a short archive, when a file cannot be read', async () => {
    const missing = file({ blobKey: `documents/${randomUUID()}` });
    await expect(text(exportArchive(data, [missing], contents(), at))).rejects.toThrow();
  });
});
