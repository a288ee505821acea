import { DEFAULT_CATALOGUE, documentAggregate, type DocumentCommand, type DocumentContext, type DocumentEvent, type DocumentState, isOnFile } from '@kluis/document-domain';
import { aReviewer, aSubmission, reject } from '@kluis/document-domain/testing';
import { createSqliteEventStore, type EventStore } from '@kluis/event-store';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventMetadata } from './event-metadata';
import { type CommandRequest, runCommand } from './run-command';
import { StaleRevision } from './stale-revision.error';

const metadata: EventMetadata = { correlationId: 'hooks', causationId: 'hooks', principal: { sub: 'test', roles: [], department: null }, at: new Date().toISOString() };
const context: DocumentContext = { now: new Date(), catalogue: DEFAULT_CATALOGUE };

class NotYours extends Error {}

describe('what the pipeline asks of a use case, and when', () => {
  let dir: string;
  let store: EventStore;
  const anna = aReviewer('anna');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kluis-pipeline-hooks-'));
    store = await createSqliteEventStore(join(dir, 'events.db'));
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function aDocumentInReview(): Promise<string> {
    const submission = aSubmission('passport');
    await runCommand(store, documentAggregate, submission.documentId, { command: submission, context, metadata });
    return submission.documentId;
  }

  const rejecting = (documentId: string, extra: Partial<CommandRequest<DocumentCommand, DocumentEvent, DocumentState, DocumentContext>> = {}) => ({
    command: reject(documentId, anna),
    context,
    metadata,
    ...extra,
  });
  const revisionOf = async (documentId: string) => (await store.readStream(documentAggregate.streamName(documentId))).revision;

  it('checks access before the revision, so a refused caller learns nothing from a stale If-Match, and nothing changes', async () => {
    const documentId = await aDocumentInReview();
    const refuse = () => {
      throw new NotYours();
    };
    await expect(runCommand(store, documentAggregate, documentId, rejecting(documentId, { authorize: refuse, expectedRevision: 7 }))).rejects.toBeInstanceOf(NotYours);
    expect(await revisionOf(documentId)).toBe(0);
  });

  it('answers a stale If-Match once access is granted, and changes nothing', async () => {
    const documentId = await aDocumentInReview();
    await expect(runCommand(store, documentAggregate, documentId, rejecting(documentId, { authorize: () => undefined, expectedRevision: 7 }))).rejects.toBeInstanceOf(StaleRevision);
    expect(await revisionOf(documentId)).toBe(0);
  });

  it('shows the loaded state and revision to the access check and to a command made from them', async () => {
    const documentId = await aDocumentInReview();
    const seen: Array<{ status: string; revision: number }> = [];
    const outcome = await runCommand(store, documentAggregate, documentId, {
      context,
      metadata,
      authorize: ({ state, revision }) => void seen.push({ status: state.status, revision }),
      command: ({ state, revision }) => {
        seen.push({ status: state.status, revision });
        return reject(documentId, anna);
      },
    });
    expect(seen).toEqual([
      { status: 'pending_review', revision: 0 },
      { status: 'pending_review', revision: 0 },
    ]);
    expect(outcome.state.status).toBe('rejected');
  });

  it('appends nothing when a check beyond the stream refuses what the decision would record', async () => {
    const documentId = await aDocumentInReview();
    const refused = runCommand(store, documentAggregate, documentId, {
      ...rejecting(documentId),
      beforeAppend: async (events) => {
        expect(events.map((event) => event.type)).toEqual(['DocumentReviewed', 'DocumentRejected']);
        throw new NotYours();
      },
    });
    await expect(refused).rejects.toBeInstanceOf(NotYours);
    expect(await revisionOf(documentId)).toBe(0);
  });

  it('follows an append with the new state, and names the customer of the stream as the subject its events are sealed under', async () => {
    const documentId = await aDocumentInReview();
    const followed: string[] = [];
    await runCommand(store, documentAggregate, documentId, {
      ...rejecting(documentId),
      subject: (state) => (isOnFile(state) ? state.customerId : undefined),
      afterAppend: async (_, state) => void followed.push(state.status),
    });
    expect(followed).toEqual(['rejected']);
    const { events } = await store.readStream(documentAggregate.streamName(documentId));
    const customerId = events[0].data.customerId;
    expect(events.slice(1).map((event) => event.metadata.subject)).toEqual([customerId, customerId]);
  });
});
