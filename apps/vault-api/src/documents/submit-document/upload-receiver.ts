import type { UploadScan } from '@kluis/document-domain';
import { MALWARE_SCANNER, type MalwareScanner } from '@kluis/malware-scanner';
import { inspectPdf, PdfInspector } from '@kluis/pdf-inspector';
import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import busboy from 'busboy';
import type { Request } from 'express';
import { pipeline, type Readable } from 'node:stream';
import { UPLOAD_CONFIG } from '../../config/config-tokens';
import type { UploadConfig } from '../../config/upload-config';
import { DocumentContentStore, type StoredContent } from '../../encryption/document-content-store';
import { byteLimit, TooLarge } from './byte-limit';
import { type AcceptedMediaType, SNIFF_BYTES, sniffMediaType } from './media-type';
import { peekHead } from './peek-head';
import { sanitiseFilename } from './sanitise-filename';
import { declaredTypeMatches } from './upload-check-declared-type';
import { checkImage } from './upload-check-image';
import { scanAlongside, uploadScanOf } from './upload-check-malware-scan';
import { judgePdf } from './upload-check-policy';
import { declaredTypeMismatch, fileInfected, pdfRefused } from './upload-check-problems';
import { guardBody } from './upload-body-guard';
import { fileTooLarge, fileTypeNotAccepted, malformedUpload, uploadTooSlow } from './upload-problems';
import { closeAfterAnswer } from '../../shared/http/close-after-answer';

export interface ReceivedUpload {
  readonly fields: Readonly<Record<string, string>>;
  readonly blob: StoredContent;
  readonly mediaType: AcceptedMediaType;
  readonly filename: string | null;
  readonly scan: UploadScan;
}

/** The pipeline's own callback: the blob store's put reports the same error, and that is where it is handled. */
const ignore = () => undefined;
const reportedElsewhere = ignore;

/** Why a file being stored was cut off: the upload had already failed for a reason of its own. */
class UploadStopped extends Error {
  constructor() {
    super('the upload was stopped');
  }
}

/** A refused body is not read to its end, so the connection cannot carry another request. */
const closeAfterRefusal = (request: Request) => closeAfterAnswer(request.res);

/** Multipart framing and the few text fields around the file; generous, but bounded. */
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * Streams one multipart upload into the blob store: the type is judged on the first bytes before anything is
 * written, the size is capped while streaming, and the SHA-256 is computed on the way. Whatever goes wrong, no blob
 * is left behind.
 */
@Injectable()
export class UploadReceiver implements BeforeApplicationShutdown {
  private readonly logger = new Logger(UploadReceiver.name);
  /** Uploads still being received, so that stopping waits until a cut-off one has removed what it wrote. */
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly contents: DocumentContentStore,
    @Inject(UPLOAD_CONFIG) private readonly uploads: UploadConfig,
    @Inject(MALWARE_SCANNER) private readonly scanner: MalwareScanner,
  ) {}

  async receive(request: Request, customerId: string): Promise<ReceivedUpload> {
    const limit = this.uploads.maxBytes;
    const declaredLength = Number(request.headers['content-length']);
    if (Number.isFinite(declaredLength) && declaredLength > limit + MULTIPART_OVERHEAD) {
      closeAfterRefusal(request);
      throw fileTooLarge(limit);
    }
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: request.headers,
        // Browsers send a file's name as raw UTF-8; busboy's default, latin1, would garble every name that is not ASCII.
        defParamCharset: 'utf8',
        limits: { files: 1, fields: 16, fieldSize: 8 * 1024, parts: 24, headerPairs: 32, fileSize: limit + 1 },
      });
    } catch {
      closeAfterRefusal(request);
      throw malformedUpload('file', 'Send the upload as multipart/form-data with the document in a field named "file".');
    }
    const receiving = this.parse(request, parser, limit, customerId);
    const settled = receiving.catch(() => undefined).finally(() => this.inFlight.delete(settled));
    this.inFlight.add(settled);
    return receiving;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.inFlight);
  }

  /** Removes a received blob that ended up unused (a duplicate, a replay, or a refused request). */
  async discard(upload: ReceivedUpload): Promise<void> {
    await this.contents.delete(upload.blob.key).catch((error: unknown) => this.logger.error({ err: error }, 'could not remove an unused upload; reconciliation will find it'));
  }

  /**
   * Reads the body through the parser. The first problem stops the upload at once: the file being stored is
   * destroyed (the blob store removes what it wrote), the rest of the body is not read, and the connection is closed
   * after the answer, so a refused upload neither waits for its last byte nor holds the connection.
   */
  private parse(request: Request, parser: busboy.Busboy, limit: number, customerId: string): Promise<ReceivedUpload> {
    return new Promise((resolve, reject) => {
      const fields: Record<string, string> = {};
      let file: Readable | null = null;
      let storing: Promise<Omit<ReceivedUpload, 'fields'>> | null = null;
      let failure: unknown = null;
      let settled = false;

      const settle = async () => {
        if (settled) return;
        settled = true;
        endGuard();
        request.unpipe(parser);
        const stored = storing ? await storing.catch((error: unknown) => ((failure ??= error), null)) : null;
        if (failure) {
          if (stored) await this.discard({ ...stored, fields });
          if (!request.complete) closeAfterRefusal(request);
          reject(failure);
        } else if (!stored) {
          reject(malformedUpload('file', 'A file is required, in a field named "file".'));
        } else {
          resolve({ ...stored, fields });
        }
      };
      const stop = (error: unknown) => {
        failure ??= error;
        file?.destroy(new UploadStopped());
        void settle();
      };
      const cutOff = () => stop(malformedUpload('file', 'The multipart body is malformed or was cut off.'));
      const endGuard = guardBody(request, { maxBytes: limit + MULTIPART_OVERHEAD, stallMs: this.uploads.stallMs }, (reason) =>
        stop(reason === 'too-large' ? fileTooLarge(limit) : uploadTooSlow()),
      );

      parser.on('field', (name, value, info) => {
        if (info.nameTruncated || info.valueTruncated) stop(malformedUpload(name, 'This field is too long.'));
        else if (Object.hasOwn(fields, name)) stop(malformedUpload(name, 'This field was sent twice.'));
        else fields[name] = value;
      });
      parser.on('file', (name, stream, info) => {
        // Listened to from the moment it exists, at every await of the store: the parser can fail a file cut off by
        // the end of the body at any time. The parser reports that itself, and the store reports its own failures.
        stream.on('error', reportedElsewhere);
        if (name !== 'file' || storing) {
          stream.resume();
          stop(malformedUpload(name, 'Send exactly one file, in a field named "file".'));
          return;
        }
        file = stream;
        storing = this.store(customerId, stream, info.filename, info.mimeType, limit);
        storing.catch(stop);
      });
      parser.on('filesLimit', () => stop(malformedUpload('file', 'Send exactly one file per upload.')));
      parser.on('fieldsLimit', () => stop(malformedUpload('fields', 'Too many fields.')));
      parser.on('partsLimit', () => stop(malformedUpload('fields', 'Too many parts.')));
      parser.on('error', cutOff);
      parser.on('close', () => void settle());
      const interrupted = () => stop(malformedUpload('file', 'The upload was interrupted.'));
      request.on('aborted', interrupted);
      request.on('error', interrupted);
      request.pipe(parser);
    });
  }

  private async store(customerId: string, file: Readable, rawFilename: string | undefined, declaredType: string | undefined, limit: number): Promise<Omit<ReceivedUpload, 'fields'>> {
    const { head, source } = await peekHead(file, SNIFF_BYTES);
    const mediaType = sniffMediaType(head);
    if (!mediaType) throw fileTypeNotAccepted();
    if (!declaredTypeMatches(declaredType, mediaType)) throw declaredTypeMismatch();
    // A PDF is read as it streams by, for pages and active content, and an image for its structure and dimensions
    // (which fail the stream when wrong); nothing is buffered for either.
    const check = mediaType === 'application/pdf' ? inspectPdf() : checkImage(mediaType, this.uploads.maxImagePixels);
    const inspector = check instanceof PdfInspector ? check : null;
    // pipeline carries an error from any stage to every other, so the blob store sees it and cleans up.
    const checked = pipeline(source(), byteLimit(limit), check, ignore);
    const scanning = scanAlongside(this.scanner, checked);
    let blob: StoredContent;
    try {
      blob = await this.contents.put(customerId, scanning.stream);
    } catch (error) {
      throw error instanceof TooLarge ? fileTooLarge(limit) : error;
    }
    const scanned = await scanning.outcome.catch(async (error: unknown) => {
      await this.contents.delete(blob.key);
      throw error;
    });
    if (scanned.status === 'infected') {
      this.logger.warn({ signature: scanned.signature }, 'upload refused: the malware scan found something');
      await this.contents.delete(blob.key);
      throw fileInfected();
    }
    // Fail closed without losing the upload: it is kept, and held out of review until the scanner answers.
    if (scanned.status === 'unavailable') this.logger.warn({ reason: scanned.error.reason }, 'malware scanner unavailable; the upload is held for a scan');
    if (inspector) {
      const judgement = judgePdf(await inspector.result, this.uploads.checks);
      if (judgement.outcome !== 'accept') {
        await this.contents.delete(blob.key);
        throw pdfRefused(judgement);
      }
    }
    return { blob, mediaType, filename: sanitiseFilename(rawFilename), scan: uploadScanOf(this.scanner, scanned) };
  }
}
