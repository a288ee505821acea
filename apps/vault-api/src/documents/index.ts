export { DocumentCommandsService } from './document-commands.service';
export { DocumentReader } from './document-reader';
export { documentSummaryView, type ListContext } from './document-summary.view';
export { DocumentResponse, DocumentSummaryResponse, HistoryEntryResponse } from './document.response';
export { type DocumentView, documentView } from './document.view';
export { DocumentsModule } from './documents.module';
export { downloadFilename } from './download-filename';
export { documentTimeline, TYPE_NAMES } from './get-document-history/document-timeline';
export { ListCustomerDocumentsQuery } from './list-customer-documents/list-customer-documents.query';
