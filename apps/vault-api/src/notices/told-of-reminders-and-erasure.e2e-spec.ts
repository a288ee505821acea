import { eventually } from '@kluis/event-store/testing';
import { aPdf } from '../../../../test/support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../test/support/vault-harness';
import { aPassportsFacts, getAs, review, upload } from '../../../../test/support/vault-requests';
import { ReminderSweep } from './issue-notices/reminder-sweep.service';
import { longDate } from './wording/names';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('notices that time and erasure bring', () => {
  let vault: VaultUnderTest;
  beforeAll(async () => {
    vault = await startVault();
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  const kinds = async (token: string) => (await getAs(vault, token, '/v1/me/notices').expect(200)).body.notices.map((notice: { kind: string }) => notice.kind);

  it('reminds the customer once, a few days before an ask is due, and not before', async () => {
    const maria = await vault.customer();
    const mortgages = await vault.department('mortgages', ['evidence:read', 'requests:write']);
    const dueBy = new Date(vault.clock.now().getTime() + 20 * DAY_MS).toISOString().slice(0, 10);
    await vault.http().post(`/v1/customers/${maria.id}/document-requests`).set('Authorization', `Bearer ${mortgages.token}`).send({ kind: 'address', purpose: 'Mortgage offer', dueBy }).expect(201);
    await eventually(async () => expect(await kinds(maria.token)).toEqual(['requested']));
    const sweep = () => vault.app.get(ReminderSweep).sweep();

    await sweep();
    expect(await kinds(maria.token)).toEqual(['requested']);

    vault.clock.advance(17 * DAY_MS + 12 * 60 * 60 * 1000);
    await sweep();
    await sweep();
    const [reminder] = (await getAs(vault, maria.token, '/v1/me/notices').expect(200)).body.notices;
    expect(reminder).toMatchObject({ kind: 'reminder', title: 'Reminder: we still need a document from you', body: `We still need a proof of address from you by ${longDate(dueBy, 'en')}.` });
    expect(await kinds(maria.token)).toEqual(['reminder', 'requested']);
  });

  it('tells the customer once that a verified document expires soon', async () => {
    const maria = await vault.customer();
    const anna = await vault.reviewer('anna');
    const expiresOn = new Date(vault.clock.now().getTime() + 30 * DAY_MS).toISOString().slice(0, 10);
    const uploaded = await upload(vault, maria.token, maria.id, { file: aPdf(), type: 'passport' }).expect(201);
    await review(vault, anna.token, uploaded.body.id, { decision: 'approve', facts: { ...aPassportsFacts(), expiresOn } }, 0).expect(201);
    await eventually(async () => expect(await kinds(maria.token)).toEqual(['verified', 'received']));

    await vault.app.get(ReminderSweep).sweep();
    await vault.app.get(ReminderSweep).sweep();
    const [expiring] = (await getAs(vault, maria.token, '/v1/me/notices').expect(200)).body.notices;
    expect(expiring).toMatchObject({ kind: 'expiring-soon', body: `Your passport is valid until ${longDate(expiresOn, 'en')}. Please send us a new one in time.` });
    expect(await kinds(maria.token)).toEqual(['expiring-soon', 'verified', 'received']);
  });

  it('tells the customer when support revokes a document, with the reason', async () => {
    const maria = await vault.customer();
    const anna = await vault.reviewer('anna');
    const uploaded = await upload(vault, maria.token, maria.id, { file: aPdf(), type: 'passport' }).expect(201);
    await review(vault, anna.token, uploaded.body.id, { decision: 'approve', facts: aPassportsFacts() }, 0).expect(201);
    const admin = await vault.token('support-1', ['admin']);
    await vault.http().post(`/v1/documents/${uploaded.body.id}/revocation`).set('Authorization', `Bearer ${admin}`).send({ reason: 'Reported stolen' }).expect(200);
    const revoked = await eventually(async () => {
      const [newest] = (await getAs(vault, maria.token, '/v1/me/notices').expect(200)).body.notices;
      expect(newest.kind).toBe('revoked');
      return newest;
    });
    expect(revoked.body).toBe('We can no longer rely on your passport. The reason: Reported stolen. Please send us a new one.');
  });

  it("are part of everything the customer can take away (GDPR Art. 15), with her address", async () => {
    const maria = await vault.customer();
    await vault.http().put('/v1/me/contact').set('Authorization', `Bearer ${maria.token}`).send({ email: 'maria@example.nl' }).expect(200);
    await upload(vault, maria.token, maria.id, { file: aPdf(), type: 'passport' }).expect(201);
    const [received] = await eventually(async () => {
      const { notices } = (await getAs(vault, maria.token, '/v1/me/notices').expect(200)).body;
      expect(notices).toHaveLength(1);
      return notices;
    });
    const exported = (await getAs(vault, maria.token, '/v1/me/export').expect(200)).body;
    expect(exported.notices).toEqual([{ ...received, delivery: expect.any(String) }]);
    expect(exported.contact).toEqual({ email: 'maria@example.nl' });
  });

  it('tells a prospect her erasure is done, and what earlier notices said is erased with the rest', async () => {
    const carol = await vault.customer();
    await vault.http().put('/v1/me/contact').set('Authorization', `Bearer ${carol.token}`).send({ email: 'carol@example.nl' }).expect(200);
    await upload(vault, carol.token, carol.id, { file: aPdf(), type: 'passport' }).expect(201);
    await eventually(async () => expect(await kinds(carol.token)).toEqual(['received']));

    await vault.http().post('/v1/me/erasure-request').set('Authorization', `Bearer ${carol.token}`).expect(200);
    const { notices } = await eventually(async () => {
      const page = (await getAs(vault, carol.token, '/v1/me/notices').expect(200)).body;
      expect(page.notices.map((notice: { kind: string }) => notice.kind)).toEqual(['erased', 'received']);
      return page;
    });
    expect(notices[0]).toMatchObject({ title: 'Your data was erased' });
    expect(notices[1]).toMatchObject({ kind: 'received', body: 'What this notice said was erased, with the rest of your personal data.' });
    expect((await getAs(vault, carol.token, '/v1/me/contact').expect(200)).body).toEqual({ email: null });
  });
});
