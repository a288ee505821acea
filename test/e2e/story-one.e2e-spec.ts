import { addBusinessDays } from '@kluis/document-domain';
import { ReminderSweep } from '../../apps/vault-api/src/notices/issue-notices/reminder-sweep.service';
import { SmtpInbox } from '../../apps/vault-api/src/notices/testing/smtp-inbox';
import { longDate } from '../../apps/vault-api/src/notices/wording/names';
import { eventually } from '@kluis/event-store/testing';
import { aPdf } from '../support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../support/vault-harness';
import { expectProblem, getAs, passportFacts, review, upload } from '../support/vault-requests';

type Who = { id: string; token: string };
type Notice = { id: string; kind: string; reference: string; title: string; body: string; delivery: string };
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The story the vault exists for, told literally across its use cases: the branch takes her documents, a department
 * asks for what is being checked and waits, she is asked only when she must be, reminded before the date, and only
 * then, with a second officer, may the bank act; she is told of each step by mail.
 */
describe('story one: a customer is asked once, and only when she must be', () => {
  let vault: VaultUnderTest;
  let smtp: SmtpInbox;
  let branch: Who;
  let anna: Who;
  let investments: Who;
  let secondOfficer: string;

  beforeAll(async () => {
    smtp = await SmtpInbox.start();
    vault = await startVault({ VAULT_SMTP_URL: smtp.url, VAULT_NOTICE_FROM: 'Kluis <no-reply@bank.example>', VAULT_PUBLIC_URL: 'https://kluis.bank.example/', VAULT_NOTICE_POLL_MS: '50' });
    branch = await vault.reviewer('branch-desk-1');
    anna = await vault.reviewer('anna');
    investments = await vault.department('investments', ['evidence:read', 'requests:write']);
    secondOfficer = await vault.token('investments-officer-2', ['department'], { department: 'investments', scopes: ['evidence:read', 'requests:write'] });
  });
  afterAll(async () => {
    await vault.stop();
    await smtp.stop();
    await removeDataDir(vault);
  });

  const withAddress = async (): Promise<Who & { address: string }> => {
    const customer = await vault.customer();
    const address = `${customer.id.toLowerCase()}@example.nl`;
    await vault.http().put('/v1/me/contact').set('Authorization', `Bearer ${customer.token}`).send({ email: address }).expect(200);
    return { ...customer, address };
  };
  const inbox = async (who: Who): Promise<Notice[]> => (await getAs(vault, who.token, '/v1/me/notices?limit=50').expect(200)).body.notices;
  const ofKind = async (who: Who, kind: string) => (await inbox(who)).filter((notice) => notice.kind === kind);
  const mailsTo = (address: string) => smtp.mails.filter((mail) => mail.to.includes(address));
  const mailFor = (address: string, notice: Notice) =>
    eventually(async () => {
      const mail = mailsTo(address).find((each) => each.headers['message-id'] === `<notice-${notice.id}@kluis>`);
      expect(mail).toBeDefined();
      return mail!;
    });
  const atBranch = async (customerId: string, type: string, filename: string) =>
    (await upload(vault, branch.token, customerId, { file: aPdf(), type, channel: 'branch', filename }).expect(201)).body;
  const ask = (customerId: string, dueBy: string) =>
    vault.http().post(`/v1/customers/${customerId}/document-requests`).set('Authorization', `Bearer ${investments.token}`).send({ kind: 'identity', purpose: 'Opening investment account INV-7001', dueBy });
  const escalate = (token: string, requestId: string) =>
    vault.http().post(`/v1/document-requests/${requestId}/escalations`).set('Authorization', `Bearer ${token}`).send({ action: 'restrict-account', purpose: 'No valid ID after notice and a reminder' });
  const refusedFor = async (requestId: string) => {
    const refused = await escalate(investments.token, requestId).expect(409);
    expectProblem(refused, 409);
    return refused.body.errors.map((error: { field: string }) => error.field);
  };
  const yesterday = () => new Date(vault.clock.now().getTime() - DAY_MS).toISOString().slice(0, 10);

  it('waits on the ID card in review, refuses to escalate, and is satisfied when it is verified: she is never asked', async () => {
    const maria = await withAddress();
    const feedStart = (await getAs(vault, investments.token, '/v1/feed').expect(200)).body.next;

    // The branch takes the notarial power of attorney first, then the ID card; a receipt is mailed for each.
    const attorney = await atBranch(maria.id, 'notarial-power-of-attorney', 'volmacht-de-vries.pdf');
    const idCard = await atBranch(maria.id, 'id-card', 'maria-id-front.pdf');
    const receipts = await eventually(async () => {
      const received = await ofKind(maria, 'received');
      expect(received).toHaveLength(2);
      return received;
    });
    for (const [receipt, document] of [
      [receipts.find((notice) => notice.reference === `K-${attorney.id.replace(/-/g, '').slice(0, 8).toUpperCase()}`)!, attorney],
      [receipts.find((notice) => notice.reference === `K-${idCard.id.replace(/-/g, '').slice(0, 8).toUpperCase()}`)!, idCard],
    ] as const) {
      const mail = await mailFor(maria.address, receipt);
      expect(mail.headers.subject).toBe(`We received your document (${receipt.reference})`);
      expect(mail.text).toContain(`Your reference: ${receipt.reference}`);
      expect(mail.text).toContain(`We will check it by ${longDate(document.reviewDueAt, 'en')}.`);
      expect(mail.raw).not.toMatch(/volmacht|maria-id-front|\.pdf|id-card|ID card|power of attorney|Maria de Vries|NXC4K8R71/i);
    }

    // Investments asks for identity while the ID card is in review: it is told so, and waits.
    const late = await ask(maria.id, yesterday()).expect(400);
    expectProblem(late, 400);
    expect(late.body.errors.map((error: { field: string }) => error.field)).toEqual(['dueBy']);
    const asked = await ask(maria.id, addBusinessDays(vault.clock.now(), 10).toISOString().slice(0, 10)).expect(200);
    expect(asked.body).toMatchObject({ id: expect.any(String), status: 'in_review', documentId: idCard.id, reviewDueAt: idCard.reviewDueAt });

    const mine = (await getAs(vault, maria.token, '/v1/me/documents').expect(200)).body;
    expect(mine.openRequests.filter((request: { overdue: boolean }) => request.overdue)).toEqual([]);
    expect(await ofKind(maria, 'requested')).toEqual([]);
    expect(await refusedFor(asked.body.id)).toEqual(['documents', 'dueBy', 'notices', 'noticePeriod']);

    // The ID card is verified: the ask is satisfied, the feed says so, and she is told.
    await review(vault, anna.token, idCard.id, { decision: 'approve', facts: { ...passportFacts, documentNumber: 'IDNL70001' } }, 0).expect(201);
    await eventually(async () => {
      const feed = (await getAs(vault, investments.token, `/v1/feed?after=${feedStart}`).expect(200)).body;
      expect(feed.entries).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'DocumentRequestSatisfied', requestId: asked.body.id, customerId: maria.id, documentId: idCard.id })]));
    });
    const [verified] = await eventually(async () => {
      const notices = await ofKind(maria, 'verified');
      expect(notices).toHaveLength(1);
      return notices;
    });
    expect((await mailFor(maria.address, verified)).headers.subject).toBe(`Your document was checked (${verified.reference})`);

    // Nothing was ever asked of her.
    expect(await ofKind(maria, 'requested')).toEqual([]);
    expect(mailsTo(maria.address).filter((mail) => mail.headers.subject.startsWith('We need a document'))).toEqual([]);
  });

  it('asks her once when the ID card is rejected, reminds her, and only after the notice period lets a second officer confirm an escalation', async () => {
    const maria = await withAddress();
    const start = vault.clock.now();
    try {
      const idCard = await atBranch(maria.id, 'id-card', 'maria-id-front.pdf');
      const dueBy = addBusinessDays(start, 10).toISOString().slice(0, 10);
      const asked = await ask(maria.id, dueBy).expect(200);
      expect(asked.body.status).toBe('in_review');
      const requestId: string = asked.body.id;

      // The card is rejected five days in: only now is she asked, once, by mail, with the reason in her inbox.
      vault.clock.set(new Date(start.getTime() + 5 * DAY_MS));
      const told = vault.clock.now();
      const reason = 'The photo on the card cannot be read';
      await review(vault, anna.token, idCard.id, { decision: 'reject', reasonCode: 'ILLEGIBLE', message: reason }, 0).expect(201);
      const [requested] = await eventually(async () => {
        const notices = await ofKind(maria, 'requested');
        expect(notices).toHaveLength(1);
        return notices;
      });
      expect(requested.body).toBe(`We could not accept the document you sent. The reason: ${reason}. We need a valid proof of identity from you for investments by ${longDate(dueBy, 'en')}.`);
      const askMail = await mailFor(maria.address, requested);
      expect(askMail.headers.subject).toBe(`We need a document from you (${requested.reference})`);
      expect(askMail.text).toContain(`Please send it by ${longDate(dueBy, 'en')}.`);
      expect(askMail.raw).not.toContain(reason);

      // The day before the due date the sweep on the leader's timer reminds her, once, by mail.
      vault.clock.set(new Date(Date.parse(dueBy) - DAY_MS + 9 * 60 * 60 * 1000));
      await vault.app.get(ReminderSweep).sweep();
      await vault.app.get(ReminderSweep).sweep();
      const [reminder] = await eventually(async () => {
        const notices = await ofKind(maria, 'reminder');
        expect(notices).toHaveLength(1);
        return notices;
      });
      expect(reminder.reference).toBe(requested.reference);
      expect((await mailFor(maria.address, reminder)).headers.subject).toBe(`Reminder: we still need a document from you (${reminder.reference})`);
      await eventually(async () => {
        const shown = await getAs(vault, maria.token, `/v1/document-requests/${requestId}`).expect(200);
        expect(shown.body.notices).toEqual([
          expect.objectContaining({ noticeId: requested.id, topic: 'requested', channel: 'email', state: 'delivered' }),
          expect.objectContaining({ noticeId: reminder.id, topic: 'reminder', channel: 'email', state: 'delivered' }),
        ]);
      });
      expect(await refusedFor(requestId)).toEqual(['dueBy', 'noticePeriod']);

      // Past the due date, but not yet 14 days since she was first told.
      vault.clock.set(new Date(Date.parse(dueBy) + DAY_MS));
      expect(told.getTime() + 14 * DAY_MS).toBeGreaterThan(vault.clock.now().getTime());
      expect(await refusedFor(requestId)).toEqual(['noticePeriod']);

      // 14 days after the first notice: an escalation may be proposed, and needs a second officer.
      vault.clock.set(new Date(told.getTime() + 14 * DAY_MS + 60_000));
      const proposed = await escalate(investments.token, requestId).expect(201);
      expect(proposed.body).toMatchObject({ requestId, status: 'awaiting_confirmation' });
      const confirm = (token: string) => vault.http().post(`/v1/document-requests/${requestId}/escalations/${proposed.body.escalationId}/confirmation`).set('Authorization', `Bearer ${token}`).send();
      expect((await confirm(investments.token).expect(409)).body.code).toBe('REQUEST.ESCALATION_NEEDS_SECOND_OFFICER');
      expect(await ofKind(maria, 'escalated')).toEqual([]);
      await confirm(secondOfficer).expect(200);

      const [escalated] = await eventually(async () => {
        const notices = await ofKind(maria, 'escalated');
        expect(notices).toHaveLength(1);
        return notices;
      });
      expect(escalated.reference).toBe(requested.reference);
      expect(escalated.body).toContain('restrict-account');
      const escalationMail = await mailFor(maria.address, escalated);
      expect(escalationMail.headers.subject).toBe(`We are acting on a missing document (${escalated.reference})`);
      expect(escalationMail.raw).not.toContain('No valid ID after notice');

      // Asked once, in all of it.
      expect(await ofKind(maria, 'requested')).toHaveLength(1);
    } finally {
      vault.clock.set(start);
    }
  });
});
