import { addBusinessDays } from '@kluis/document-domain';
import { EVENT_STORE, type EventStore } from '@kluis/event-store';
import { randomUUID } from 'node:crypto';
import { eventually } from '@kluis/event-store/testing';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../test/support/vault-harness';
import { expectProblem, getAs } from '../../../../test/support/vault-requests';

type Who = { id: string; token: string };
const DAY_MS = 86_400_000;

describe('no escalation without proper notice', () => {
  let vault: VaultUnderTest;
  let officer: Who;
  let secondOfficer: string;
  let mortgages: Who;

  beforeAll(async () => {
    vault = await startVault();
    officer = await vault.department('investments', ['evidence:read', 'requests:write']);
    secondOfficer = await vault.token('investments-officer-2', ['department'], { department: 'investments', scopes: ['evidence:read', 'requests:write'] });
    mortgages = await vault.department('mortgages', ['evidence:read', 'requests:write']);
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  const escalate = (token: string, requestId: string) =>
    vault.http().post(`/v1/document-requests/${requestId}/escalations`).set('Authorization', `Bearer ${token}`).send({ action: 'restrict-account', purpose: 'No valid ID after notice and a reminder' });
  const confirm = (token: string, requestId: string, escalationId: string) =>
    vault.http().post(`/v1/document-requests/${requestId}/escalations/${escalationId}/confirmation`).set('Authorization', `Bearer ${token}`).send();
  const refusedFor = async (token: string, requestId: string) => {
    const refused = await escalate(token, requestId).expect(409);
    expectProblem(refused, 409);
    return refused.body.errors.map((error: { field: string }) => error.field);
  };

  /** What the notices process records in the customer's notice stream when it tells her of the ask and mails it. */
  async function noticeDelivered(customerId: string, requestId: string, kind: 'requested' | 'reminder', at: Date): Promise<string> {
    const store = vault.app.get<EventStore>(EVENT_STORE);
    const noticeId = randomUUID();
    const reference = `K-${requestId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
    const metadata = { correlationId: noticeId, causationId: noticeId, principal: { sub: 'kluis:notices', roles: [], department: null }, at: at.toISOString() };
    const stream = `notices-${customerId}`;
    const { revision } = await store.readStream(stream);
    await store.append(
      stream,
      [
        { id: randomUUID(), type: 'NoticeIssued', version: 1, data: { noticeId, customerId, kind, reference, about: {}, causedBy: requestId, issuedAt: at.toISOString() }, metadata },
        { id: randomUUID(), type: 'NoticeDelivered', version: 1, data: { noticeId, customerId, channel: 'email', attempts: 1, deliveredAt: at.toISOString() }, metadata },
      ],
      revision,
    );
    return noticeId;
  }

  it('is refused, naming every reason, until the customer was told, reminded and given time; then needs a second officer', async () => {
    const customer = await vault.customer();
    const start = vault.clock.now();
    const dueBy = addBusinessDays(start, 10).toISOString().slice(0, 10);
    const asked = await vault
      .http()
      .post(`/v1/customers/${customer.id}/document-requests`)
      .set('Authorization', `Bearer ${officer.token}`)
      .send({ kind: 'identity', purpose: 'Opening investment account INV-4480', dueBy })
      .expect(201);
    const requestId = asked.body.id as string;
    try {
      expect(await refusedFor(officer.token, requestId)).toEqual(['dueBy', 'notices', 'noticePeriod']);

      // Past the due date, and the ask is in her inbox, but no notice reached her: still refused, and the notice
      // period has not even begun.
      await eventually(async () => expect((await getAs(vault, customer.token, '/v1/me/notices').expect(200)).body.notices).toHaveLength(1));
      vault.clock.set(new Date(start.getTime() + 30 * DAY_MS));
      expect(await refusedFor(officer.token, requestId)).toEqual(['notices', 'noticePeriod']);

      // Told at once, but never reminded.
      await noticeDelivered(customer.id, requestId, 'requested', start);
      expect(await refusedFor(officer.token, requestId)).toEqual(['notices']);
      const reminderId = await noticeDelivered(customer.id, requestId, 'reminder', new Date(start.getTime() + 10 * DAY_MS));

      // The ask itself was issued to her inbox by the notices process; with no address on file it was never mailed.
      const shown = await getAs(vault, customer.token, `/v1/document-requests/${requestId}`).expect(200);
      expect(shown.body.notices).toEqual([
        expect.objectContaining({ topic: 'requested', channel: 'inbox', state: 'inbox' }),
        expect.objectContaining({ topic: 'requested', channel: 'email', state: 'delivered' }),
        expect.objectContaining({ noticeId: reminderId, topic: 'reminder', channel: 'email', state: 'delivered' }),
      ]);
      await getAs(vault, mortgages.token, `/v1/document-requests/${requestId}`).expect(404);
      const stranger = await vault.customer();
      await getAs(vault, stranger.token, `/v1/document-requests/${requestId}`).expect(404);
      await escalate(mortgages.token, requestId).expect(404);

      const proposed = await escalate(officer.token, requestId).expect(201);
      expect(proposed.body).toEqual({ escalationId: expect.any(String), requestId, action: 'restrict-account', status: 'awaiting_confirmation' });
      const sameOfficer = await confirm(officer.token, requestId, proposed.body.escalationId).expect(409);
      expect(sameOfficer.body.code).toBe('REQUEST.ESCALATION_NEEDS_SECOND_OFFICER');
      await confirm(secondOfficer, requestId, proposed.body.escalationId).expect(200);

      const hers = await getAs(vault, customer.token, `/v1/document-requests/${requestId}`).expect(200);
      expect(hers.body.escalations).toEqual([
        expect.objectContaining({ escalationId: proposed.body.escalationId, department: 'investments', action: 'restrict-account', confirmedBy: 'investments-officer-2', confirmedAt: expect.any(String) }),
      ]);
      await eventually(async () => {
        const feed = await getAs(vault, officer.token, '/v1/feed?after=0').expect(200);
        expect(feed.body.entries).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'EscalationConfirmed', requestId, customerId: customer.id })]));
      });
      // She is told, under the ask's reference, what the department will now do.
      const [escalated] = await eventually(async () => {
        const { notices } = (await getAs(vault, customer.token, '/v1/me/notices').expect(200)).body;
        expect(notices[0].kind).toBe('escalated');
        return notices;
      });
      expect(escalated).toMatchObject({ reference: `K-${requestId.replace(/-/g, '').slice(0, 8).toUpperCase()}`, title: 'We are acting on a missing document' });
      expect(escalated.body).toContain('restrict-account');
    } finally {
      vault.clock.set(start);
    }
  });

  it('refuses bad input with 400 naming the field, and an unknown ask with 404', async () => {
    const customer = await vault.customer();
    const asked = await vault
      .http()
      .post(`/v1/customers/${customer.id}/document-requests`)
      .set('Authorization', `Bearer ${officer.token}`)
      .send({ kind: 'identity', purpose: 'Opening investment account INV-4481', dueBy: addBusinessDays(vault.clock.now(), 10).toISOString().slice(0, 10) })
      .expect(201);
    const bad = await vault.http().post(`/v1/document-requests/${asked.body.id}/escalations`).set('Authorization', `Bearer ${officer.token}`).send({ action: 'Block It!', purpose: 'x' }).expect(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['action', 'purpose']);
    await escalate(officer.token, randomUUID()).expect(404);
    await escalate(officer.token, 'not-a-uuid').expect(400);
    await escalate(customer.token, asked.body.id).expect(403);
  });
});
