import type { DocumentOnFile } from '@kluis/document-domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@kluis/event-store';
import { accessLog, listCustomerDocuments, listRequests, type ReadModelDatabase } from '@kluis/read-models';
import { Inject, Injectable } from '@nestjs/common';
import { DocumentReader, documentTimeline, documentView } from '../../documents';
import { READ_MODEL_DB } from '../../infrastructure/tokens';
import { noticeView, readNotices } from '../../notices';
import { requestViews } from '../../reuse';
import { accessLogEntryView } from '../access-log/access-log-entry.view';

/** The access log is read in pages of this size, so a long log never needs one huge query. */
const ACCESS_LOG_PAGE = 500;

const reliance = (reference: DocumentOnFile['references'][number]) => ({ department: reference.department, purpose: reference.purpose, since: reference.at });

/** A document as its owner sees it, with who relies on it and its whole history. */
const exportedDocument = (state: DocumentOnFile, revision: number, events: readonly RecordedEvent[]) => ({
  ...documentView(state, revision, 'customer'),
  references: state.references.map(reliance),
  history: documentTimeline(events, 'customer'),
});

export type ExportedDocument = ReturnType<typeof exportedDocument>;

export interface PersonalDataExport {
  readonly customerId: string;
  readonly generatedAt: string;
  readonly documents: readonly ExportedDocument[];
  readonly requests: Awaited<ReturnType<typeof requestViews>>;
  readonly accessLog: readonly ReturnType<typeof accessLogEntryView>[];
  /** Everything the bank told the customer, newest first, and where it is mailed. */
  readonly notices: readonly ReturnType<typeof noticeView>[];
  readonly contact: { readonly email: string | null };
}

/** What the storage needs to add a document's file to an archive; never part of the export itself. */
export interface ExportedFile {
  readonly documentId: string;
  readonly type: string;
  readonly status: string;
  readonly blobKey: string;
  readonly mediaType: string;
  /** As the document holds it; once erased it is no name at all. */
  readonly filename: DocumentOnFile['file']['filename'];
}

/**
 * Everything Kluis holds on one customer (GDPR Art. 15). Each document is folded from its own stream, so its status
 * and history are exact even where the read models keep less; the read models only say which documents there are.
 */
@Injectable()
export class PersonalDataExporter {
  constructor(
    private readonly reader: DocumentReader,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async collect(customerId: string, now: Date): Promise<{ data: PersonalDataExport; files: ExportedFile[] }> {
    const [summaries, requests, log, notices] = await Promise.all([
      listCustomerDocuments(this.db, customerId),
      listRequests(this.db, customerId),
      this.wholeAccessLog(customerId),
      readNotices(this.store, customerId),
    ]);
    const documents: ExportedDocument[] = [];
    const files: ExportedFile[] = [];
    for (const summary of summaries) {
      const loaded = await this.reader.load(summary.id);
      if (!loaded || loaded.state.customerId !== customerId) continue;
      const { state, revision, events } = loaded;
      documents.push(exportedDocument(state, revision, events));
      files.push({ documentId: state.documentId, type: state.type, status: state.status, blobKey: state.file.blobKey, mediaType: state.file.mediaType, filename: state.file.filename });
    }
    const data: PersonalDataExport = {
      customerId,
      generatedAt: now.toISOString(),
      documents,
      requests: await requestViews(this.db, customerId, requests, now.toISOString().slice(0, 10)),
      accessLog: log.map((entry) => accessLogEntryView(entry, customerId)),
      notices: [...notices.notices].reverse().map((record) => noticeView(record, 'en')),
      contact: { email: notices.email || null },
    };
    return { data, files };
  }

  private async wholeAccessLog(customerId: string) {
    const entries = [];
    for (let before: number | undefined; ; ) {
      const page = await accessLog(this.db, customerId, { before, limit: ACCESS_LOG_PAGE });
      entries.push(...page);
      if (page.length < ACCESS_LOG_PAGE) return entries;
      before = page[page.length - 1].position;
    }
  }
}
