import { DEFAULT_CATALOGUE, type DocumentCommand, documentAggregate, NotAwaitingReview } from '@kluis/document-domain';
import { aReviewer, approve, aSubmission, powerOfAttorneyFacts, reject } from '@kluis/document-domain/testing';
import { createSqliteEventStore, type EventStore } from '@kluis/event-store';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandPipeline, type ReadModelProgress } from './command-pipeline';
import type { EventMetadata } from './event-metadata';
import { StaleRevision } from './stale-revision.error';

const metadata: EventMetadata = { correlationId: 'race', causationId: 'race', principal: { sub: 'test', roles: [], department: null }, at: new Date().toISOString() };
const context = () => ({ now: new Date(), catalogue: DEFAULT_CATALOGUE });

describe('two reviewers acting on one document at the same moment', () => {
  let dir: string;
  let store: EventStore;
  let pipeline: CommandPipeline;
  /** Every position the pipeline waited for the read model to reach, in order. */
  const awaited: number[] = [];
  const readModel: ReadModelProgress = {
    caughtUpTo: async (position) => {
      awaited.push(position);
      return true;
    },
  };
  const anna = aReviewer('anna');
  const bram = aReviewer('bram');
  const carla = aReviewer('carla');

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kluis-races-'));
    store = await createSqliteEventStore(join(dir, 'events.db'));
    pipeline = new CommandPipeline(store, readModel);
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const run = (documentId: string, command: DocumentCommand, expectedRevision?: number) =>
    pipeline.run(documentAggregate, documentId, { command, context: context(), metadata, expectedRevision });

  async function awaitingSecondReview(): Promise<string> {
    const submission = { ...aSubmission('notarial-power-of-attorney'), documentId: randomUUID() };
    await run(submission.documentId, submission);
    await run(submission.documentId, approve(submission.documentId, anna, powerOfAttorneyFacts()));
    return submission.documentId;
  }

  it('has exactly one winner in 1,000 races with If-Match; the loser is told its revision is stale', async () => {
    for (let race = 0; race < 1000; race += 1) {
      const documentId = await awaitingSecondReview();
      awaited.length = 0;
      const outcomes = await Promise.allSettled([
        run(documentId, approve(documentId, bram, powerOfAttorneyFacts()), 1),
        run(documentId, reject(documentId, carla), 1),
      ]);
      const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      const lost = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0].reason).toBeInstanceOf(StaleRevision);
      const { events } = await store.readStream(`document-${documentId}`);
      expect(events.filter((event) => event.type === 'DocumentReviewed')).toHaveLength(2);
      // Only the winner waits for the read model, and for the position its own events reached.
      expect(awaited).toEqual([(won[0] as PromiseFulfilledResult<{ position: number | null }>).value.position]);
    }
  }, 120_000);

  it('has exactly one winner without If-Match too: the loser decides again on the new state and is refused', async () => {
    for (let race = 0; race < 200; race += 1) {
      const documentId = await awaitingSecondReview();
      const outcomes = await Promise.allSettled([run(documentId, approve(documentId, bram, powerOfAttorneyFacts())), run(documentId, reject(documentId, carla))]);
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      const [lost] = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      expect(lost.reason).toBeInstanceOf(NotAwaitingReview);
    }
  }, 60_000);
});
