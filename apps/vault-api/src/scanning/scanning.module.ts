import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents';
import { MalwareScannerModule } from '../infrastructure/malware-scanner.module';
import { RescanHeldDocumentsProcess } from './rescan-held-documents/rescan-held-documents.process';

@Module({ imports: [MalwareScannerModule, DocumentsModule], providers: [RescanHeldDocumentsProcess], exports: [RescanHeldDocumentsProcess] })
export class ScanningModule {}
