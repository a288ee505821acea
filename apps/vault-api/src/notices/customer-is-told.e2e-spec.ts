import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eventually } from '@kluis/event-store/testing';
import { aPdf } from '../../../../test/support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../test/support/vault-harness';
import { expectProblem, getAs, passportFacts, review, upload } from '../../../../test/support/vault-requests';
import { SmtpInbox } from './testing/smtp-inbox';
import { longDate } from './wording/names';

type Who = { id: string; token: string };

describe('the customer is told what happens to her documents, in her inbox and by mail', () => {
  let vault: VaultUnderTest;
  let smtp: SmtpInbox;
  let anna: Who;
  let bram: Who;
  let carla: Who;
  let investments: Who;

  beforeAll(async () => {
    smtp = await SmtpInbox.start();
    vault = await startVault({ VAULT_SMTP_URL: smtp.url, VAULT_NOTICE_FROM: 'Kluis <no-reply@bank.example>', VAULT_PUBLIC_URL: 'https://kluis.bank.example/', VAULT_NOTICE_POLL_MS: '50' });
    anna = await vault.reviewer('anna');
    bram = await vault.reviewer('bram');
    carla = await vault.reviewer('carla');
    investments = await vault.department('investments', ['evidence:read', 'requests:write']);
  });
  afterAll(async () => {
    await vault.stop();
    await smtp.stop();
    await removeDataDir(vault);
  });

  const inbox = async (who: Who, query = '', language?: string) => {
    const call = getAs(vault, who.token, `/v1/me/notices${query}`);
    return (await (language ? call.set('Accept-Language', language) : call).expect(200)).body;
  };
  const mailsTo = (address: string) => smtp.mails.filter((mail) => mail.to.includes(address));

  it('replays her story: a receipt at the branch, an ask, a rejection with its reason, then verification', async () => {
    const maria = await vault.customer();
    const address = `maria.${maria.id.toLowerCase()}@example.nl`;
    await vault.http().put('/v1/me/contact').set('Authorization', `Bearer ${maria.token}`).send({ email: address }).expect(200, { email: address });

    // The branch takes her ID card.
    const first = await upload(vault, carla.token, maria.id, { file: aPdf(), type: 'id-card', channel: 'branch', filename: 'maria-id-front.pdf' }).expect(201);
    const reviewDueAt: string = first.body.reviewDueAt;
    const receipt = await eventually(async () => {
      const [mail] = mailsTo(address);
      expect(mail).toBeDefined();
      return mail;
    });
    const [received] = (await inbox(maria)).notices;
    expect(received).toMatchObject({ kind: 'received', reference: expect.stringMatching(/^K-[0-9A-F]{8}$/), title: 'We received your document' });
    expect(received.body).toBe(`We received your ID card at a branch. We will check it by ${longDate(reviewDueAt, 'en')}.`);
    expect(receipt.headers.subject).toBe(`We received your document (${received.reference})`);
    expect(receipt.headers.from).toBe('Kluis <no-reply@bank.example>');
    expect(receipt.headers['message-id']).toBe(`<notice-${received.id}@kluis>`);
    expect(receipt.text).toContain(`Your reference: ${received.reference}`);
    expect(receipt.text).toContain(`We will check it by ${longDate(reviewDueAt, 'en')}.`);
    expect(receipt.text).toContain('Sign in to see the details: https://kluis.bank.example/');
    expect(receipt.raw).not.toMatch(/maria-id-front|id-card|ID card|\.pdf/i);
    await eventually(async () => expect((await inbox(maria)).notices[0].delivery).toBe('delivered'));

    // Dutch on request, by header or by field.
    expect((await inbox(maria, '', 'nl-NL,nl;q=0.9,en;q=0.5')).notices[0]).toMatchObject({ title: 'We hebben uw document ontvangen' });
    expect((await inbox(maria, '?lang=nl')).notices[0].body).toBe(`We hebben uw identiteitskaart op een kantoor ontvangen. We controleren het uiterlijk ${longDate(reviewDueAt, 'nl')}.`);

    // A department asks for something she has not handed in.
    const dueBy = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    await vault.http().post(`/v1/customers/${maria.id}/document-requests`).set('Authorization', `Bearer ${investments.token}`).send({ kind: 'address', purpose: 'Opening an investment account', dueBy }).expect(201);
    const requested = await eventually(async () => {
      const [newest] = (await inbox(maria)).notices;
      expect(newest.kind).toBe('requested');
      return newest;
    });
    expect(requested.body).toBe(`We need a proof of address from you for investments by ${longDate(dueBy, 'en')}. Their stated purpose: "Opening an investment account".`);

    // The reviewer rejects the ID card, with a reason she reads in her inbox only.
    const reason = `The photo page is cut off at the bottom ${maria.id}`;
    await review(vault, anna.token, first.body.id, { decision: 'reject', reasonCode: 'INCOMPLETE', message: reason }, 0).expect(201);
    const rejected = await eventually(async () => {
      const [newest] = (await inbox(maria)).notices;
      expect(newest.kind).toBe('rejected');
      return newest;
    });
    expect(rejected.reference).toBe(received.reference);
    expect(rejected.body).toContain(reason);
    const rejectionMail = await eventually(async () => {
      const mail = mailsTo(address).find((each) => each.headers.subject.startsWith('We could not accept'));
      expect(mail).toBeDefined();
      return mail!;
    });
    expect(rejectionMail.raw).not.toContain('cut off');

    // A new ID card, approved by two reviewers where policy asks: verified.
    const second = await upload(vault, carla.token, maria.id, { file: aPdf(), type: 'id-card', channel: 'branch' }).expect(201);
    const facts = { ...passportFacts, documentNumber: 'IDNL98765' };
    const approved = await review(vault, anna.token, second.body.id, { decision: 'approve', facts }, 0).expect(201);
    if (approved.body.status === 'awaiting_second_review') await review(vault, bram.token, second.body.id, { decision: 'approve', facts }, 1).expect(201);
    const verified = await eventually(async () => {
      const [newest] = (await inbox(maria)).notices;
      expect(newest.kind).toBe('verified');
      return newest;
    });
    expect(verified.body).toBe('Your ID card was checked and accepted. You do not need to send it again.');

    // Every notice was mailed exactly once, and no mail carries a fact read from her documents.
    const { notices } = await eventually(async () => {
      const page = await inbox(maria);
      expect(page.notices.map((notice: { delivery: string }) => notice.delivery)).toEqual(page.notices.map(() => 'delivered'));
      return page;
    });
    expect(notices.map((notice: { kind: string }) => notice.kind)).toEqual(['verified', 'received', 'rejected', 'requested', 'received']);
    const mails = mailsTo(address);
    expect(mails.map((mail) => mail.headers['message-id']).sort()).toEqual(notices.map((notice: { id: string }) => `<notice-${notice.id}@kluis>`).sort());
    for (const mail of mails) expect(mail.raw).not.toMatch(/IDNL98765|Maria de Vries|1974|Opening an investment account/);

    // Paged, newest first.
    const page = await inbox(maria, '?limit=2');
    expect(page.notices.map((notice: { kind: string }) => notice.kind)).toEqual(['verified', 'received']);
    expect((await inbox(maria, `?limit=2&before=${page.next}`)).notices.map((notice: { kind: string }) => notice.kind)).toEqual(['rejected', 'requested']);

    // What a notice says is sealed under her key: the reason and her address are nowhere in the stored bytes.
    const stored = Buffer.concat(await Promise.all(['events.db', 'events.db-wal'].map((file) => readFile(join(vault.dataDir, file)).catch(() => Buffer.alloc(0)))));
    expect(stored.includes(Buffer.from(reason))).toBe(false);
    expect(stored.includes(Buffer.from(address))).toBe(false);
  });

  it("keeps each customer's notices to herself", async () => {
    const maria = await vault.customer();
    const other = await vault.customer();
    await upload(vault, carla.token, maria.id, { file: aPdf(), type: 'passport', channel: 'branch' }).expect(201);
    await eventually(async () => expect((await inbox(maria)).notices).toHaveLength(1));
    expect(await inbox(other)).toEqual({ notices: [], next: null });
    expectProblem(await getAs(vault, investments.token, '/v1/me/notices'), 403);
    expectProblem(await getAs(vault, anna.token, '/v1/me/contact'), 403);
  });

  it.each([
    ['not an address', { email: 'maria at example' }],
    ['no address at all', {}],
    ['a display name instead of an address', { email: 'Maria <maria@example.nl>' }],
    ['a header injection', { email: 'maria@example.nl\r\nBcc: all@example.nl' }],
    ['an address too long to be one', { email: `${'m'.repeat(250)}@example.nl` }],
  ])('refuses %s as the contact address, naming the field and keeping the old one', async (_label, body) => {
    const maria = await vault.customer();
    await vault.http().put('/v1/me/contact').set('Authorization', `Bearer ${maria.token}`).send({ email: 'maria@example.nl' }).expect(200);
    const refused = await vault.http().put('/v1/me/contact').set('Authorization', `Bearer ${maria.token}`).send(body);
    expectProblem(refused, 400, vault);
    expect(refused.body.errors.map((error: { field: string }) => error.field)).toContain('email');
    expect((await getAs(vault, maria.token, '/v1/me/contact').expect(200)).body).toEqual({ email: 'maria@example.nl' });
  });

  it('refuses a bad language or page, naming the field', async () => {
    const maria = await vault.customer();
    for (const [query, field] of [['?lang=fr', 'lang'], ['?limit=0', 'limit'], ['?before=-1', 'before']]) {
      const refused = await getAs(vault, maria.token, `/v1/me/notices${query}`);
      expectProblem(refused, 400, vault);
      expect(refused.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    }
  });
});
