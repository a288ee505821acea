import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { downloadFilename } from '../../documents';
import type { DocumentContentStore } from '../../encryption/document-content-store';
import { ContentErased } from '../../shared/erasure/content-erased.error';
import type { ExportedFile, PersonalDataExport } from './personal-data-export';

/** `files/<documentId>-<name>.<ext>`: the extension follows the sniffed media type, not what the upload was called. */
export function archivePath(file: ExportedFile): string {
  return `files/${file.documentId}-${downloadFilename(file.filename, file.mediaType, file.type)}`;
}

/** Where each document's file is in the archive, or why it is not. */
export interface ArchivedFile {
  readonly documentId: string;
  readonly path: string | null;
  readonly erased: boolean;
}

/**
 * Streams the export as a zip: the files as they were handed in, then `export.json`. The JSON comes last so it can
 * say which files made it in; a zip reader finds entries by its central directory, whatever their order. One file
 * is open at a time and none is buffered whole, so memory does not grow with the files.
 */
export function exportArchive(data: PersonalDataExport, files: readonly ExportedFile[], contents: Pick<DocumentContentStore, 'get'>, mtime: Date): Readable {
  const zip = new ZipFile();
  const output = zip.outputStream as Readable;
  let current: Readable | null = null;
  // A client that goes away leaves the current file unread; close it rather than wait on it forever.
  output.once('close', () => current?.destroy());

  const open = async (file: ExportedFile): Promise<Readable | null> => {
    if (file.status === 'erased') return null;
    try {
      return await contents.get(data.customerId, file.blobKey);
    } catch (error) {
      if (error instanceof ContentErased) return null;
      throw error;
    }
  };

  const feed = async () => {
    const archived: ArchivedFile[] = [];
    for (const file of files) {
      current = await open(file);
      if (!current) {
        archived.push({ documentId: file.documentId, path: null, erased: true });
        continue;
      }
      const path = archivePath(file);
      // Scans and PDFs are compressed already: storing them costs no space and no CPU.
      zip.addReadStream(current, path, { mtime, compress: false });
      archived.push({ documentId: file.documentId, path, erased: false });
      await finished(current);
    }
    zip.addBuffer(Buffer.from(JSON.stringify({ ...data, files: archived }, null, 2)), 'export.json', { mtime });
    zip.end();
  };
  feed().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return output;
}
