import { EVENT_STORE, type EventStore } from '@kluis/event-store';
import { aPdf } from '../../../../../test/support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../../test/support/vault-harness';
import { aPassportsFacts, review, upload } from '../../../../../test/support/vault-requests';

describe('reviewing a document', () => {
  let vault: VaultUnderTest;

  beforeAll(async () => {
    vault = await startVault();
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  /**
   * How often the vault's event store read, and so unsealed, a document's stream while `act` ran, before the first
   * append to it. The customer's notices process reads the stream too once a review is appended, so what the review
   * itself read is what came before its append.
   */
  async function readsBeforeAppend(documentId: string, act: () => Promise<unknown>): Promise<number> {
    const store = vault.app.get<EventStore>(EVENT_STORE);
    const stream = `document-${documentId}`;
    const reads = jest.spyOn(store, 'readStream');
    const appends = jest.spyOn(store, 'append');
    try {
      await act();
      const order = (spy: typeof reads | typeof appends) => spy.mock.calls.flatMap(([name], call) => (name === stream ? [spy.mock.invocationCallOrder[call]] : []));
      const [appended] = order(appends);
      expect(appended).toBeDefined();
      return order(reads).filter((read) => read < appended).length;
    } finally {
      reads.mockRestore();
      appends.mockRestore();
    }
  }

  it.each([
    ['an approval of an identity document, which also looks up the holders and takes its number', { decision: 'approve', facts: aPassportsFacts() }],
    ['a rejection', { decision: 'reject', reasonCode: 'ILLEGIBLE', message: 'The scan is too dark to read.' }],
  ])('reads and unseals the document once for %s', async (_, verdict) => {
    const maria = await vault.customer();
    const anna = await vault.reviewer('anna');
    const { body } = await upload(vault, maria.token, maria.id, { file: aPdf(), type: 'passport' }).expect(201);
    expect(await readsBeforeAppend(body.id, () => review(vault, anna.token, body.id, verdict, 0).expect(201))).toBe(1);
  });
});
