import { addBusinessDays } from '@kluis/document-domain';
import { eventually } from '@kluis/event-store/testing';
import { aPdf } from '../../../../test/support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../test/support/vault-harness';
import { getAs, review, upload } from '../../../../test/support/vault-requests';
import { ReminderSweep } from './issue-notices/reminder-sweep.service';
import { longDate } from './wording/names';

type Who = { id: string; token: string };
const DAY_MS = 24 * 60 * 60 * 1000;

describe('notices of an ask that waits on a document in review', () => {
  let vault: VaultUnderTest;
  let branch: Who;
  let anna: Who;
  let investments: Who;

  beforeAll(async () => {
    vault = await startVault();
    branch = await vault.reviewer('branch-desk-7');
    anna = await vault.reviewer('anna');
    investments = await vault.department('investments', ['evidence:read', 'requests:write']);
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  const inbox = async (token: string) => (await getAs(vault, token, '/v1/me/notices').expect(200)).body.notices as { kind: string; body: string; reference: string }[];
  const kinds = async (token: string) => (await inbox(token)).map((notice) => notice.kind);
  const sweep = () => vault.app.get(ReminderSweep).sweep();

  it('asks and reminds her nothing while it waits, then asks once with the reason when the document is rejected, and reminds her of that', async () => {
    const customer = await vault.customer();
    const start = vault.clock.now();
    const idCard = (await upload(vault, branch.token, customer.id, { file: aPdf(), type: 'id-card', channel: 'branch' }).expect(201)).body;
    const dueBy = addBusinessDays(start, 10).toISOString().slice(0, 10);
    const asked = await vault
      .http()
      .post(`/v1/customers/${customer.id}/document-requests`)
      .set('Authorization', `Bearer ${investments.token}`)
      .send({ kind: 'identity', purpose: 'Opening investment account INV-5501', dueBy })
      .expect(200);
    expect(asked.body.status).toBe('in_review');
    await eventually(async () => expect(await kinds(customer.token)).toEqual(['received']));
    try {
      // Within the reminder days of the due date, an ask she was never sent is not one to remind her of.
      vault.clock.set(new Date(Date.parse(dueBy) - DAY_MS));
      await sweep();
      expect(await kinds(customer.token)).toEqual(['received']);
      vault.clock.set(start);

      const message = 'The photo on the card cannot be read';
      await review(vault, anna.token, idCard.id, { decision: 'reject', reasonCode: 'ILLEGIBLE', message }, 0).expect(201);
      const requested = await eventually(async () => {
        const notices = await inbox(customer.token);
        expect(notices.map((notice) => notice.kind).sort()).toEqual(['received', 'rejected', 'requested']);
        return notices.find((notice) => notice.kind === 'requested')!;
      });
      expect(requested.body).toBe(`We could not accept the document you sent. The reason: ${message}. We need a valid proof of identity from you for investments by ${longDate(dueBy, 'en')}.`);

      vault.clock.set(new Date(Date.parse(dueBy) - DAY_MS));
      await sweep();
      await sweep();
      const notices = await inbox(customer.token);
      expect(notices.filter((notice) => notice.kind === 'reminder')).toEqual([expect.objectContaining({ reference: requested.reference })]);
      expect(notices.filter((notice) => notice.kind === 'requested')).toHaveLength(1);
    } finally {
      vault.clock.set(start);
    }
  });
});
