import type { Principal } from '@kluis/auth';
import type { DocumentCommand, DocumentEvent, DocumentOnFile, DocumentTypeCatalogue } from '@kluis/document-domain';
import { EVENT_STORE, type EventStore } from '@kluis/event-store';
import { Inject, Injectable } from '@nestjs/common';
import { FileAccess } from '../access';
import { VAULT_CONFIG, type VaultConfig } from '../config/vault-config';
import { Clock } from '../infrastructure/clock';
import { ProjectionsService } from '../infrastructure/projections.service';
import { DOCUMENT_CATALOGUE } from '../infrastructure/tokens';
import { actorFor, type FileAction } from '../shared/access/customer-file-access';
import { viewerOf } from '../shared/access/viewer';
import { runCommand } from '../shared/event-sourcing/command-runner';
import { documentKind } from '../shared/event-sourcing/document-kind';
import { metadataFor } from '../shared/event-sourcing/event-metadata';
import { StaleRevision } from '../shared/event-sourcing/stale-revision.error';
import { stalePrecondition } from '../shared/http/etag';
import { notFound } from '../shared/http/problem.exception';
import { DocumentReader } from './document-reader';
import { documentView, type DocumentView } from './document.view';

export interface ChangeRequest {
  readonly documentId: string;
  readonly principal: Principal;
  readonly action: FileAction;
  readonly expectedRevision: number | undefined;
  readonly requestId: string;
  readonly command: (by: ReturnType<typeof actorFor>) => DocumentCommand;
  /** Runs once the caller may touch the document and before the change: checks that reach beyond this document. */
  readonly beforeChange?: (document: DocumentOnFile, command: DocumentCommand, now: Date) => Promise<void>;
}

/** Changes an existing document: visible to the caller first, then decided and appended at the revision they saw. */
@Injectable()
export class DocumentCommandsService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DOCUMENT_CATALOGUE) private readonly catalogue: DocumentTypeCatalogue,
    @Inject(VAULT_CONFIG) private readonly config: VaultConfig,
    private readonly clock: Clock,
    private readonly projections: ProjectionsService,
    private readonly reader: DocumentReader,
    private readonly access: FileAccess,
  ) {}

  async change(request: ChangeRequest): Promise<DocumentView> {
    return (await this.changeAndTell(request)).document;
  }

  /** As `change`, also returning what happened, for answers that describe the change itself. */
  async changeAndTell(request: ChangeRequest): Promise<{ document: DocumentView; events: readonly DocumentEvent[] }> {
    const current = await this.reader.load(request.documentId);
    if (!current) throw notFound();
    const { customerId, type } = current.state;
    await this.access.assert(request.principal, { customerId, type, documentId: request.documentId }, request.action, request.requestId);
    const now = this.clock.now();
    // A stale If-Match fails below whatever the checks say, so they run only on the revision the caller saw.
    const seen = request.expectedRevision === undefined || request.expectedRevision === current.revision;
    if (seen) await request.beforeChange?.(current.state, request.command(actorFor(request.principal)), now);
    try {
      const outcome = await runCommand(
        this.store,
        documentKind,
        request.documentId,
        request.command(actorFor(request.principal)),
        { now, catalogue: this.catalogue, mrzSpecimens: this.config.mrzSpecimens },
        { metadata: metadataFor(request.principal, request.requestId, now, customerId), expectedRevision: request.expectedRevision },
      );
      if (outcome.position !== null) await this.projections.caughtUpTo(outcome.position);
      if (outcome.state.status === 'none') throw notFound();
      return { document: documentView(outcome.state, outcome.revision, viewerOf(request.principal, current.state.customerId)), events: outcome.events };
    } catch (error) {
      if (error instanceof StaleRevision) throw stalePrecondition();
      throw error;
    }
  }
}
