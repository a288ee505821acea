import { verifyKluisSignature } from '../../webhooks/kluis-signature';
import { WebhookReceiver } from '../../webhooks/testing/webhook-receiver';
import { eventually } from '@kluis/event-store/testing';
import { aPdf } from '../../../../../test/support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../../test/support/vault-harness';
import { getAs, upload } from '../../../../../test/support/vault-requests';

const SECRET = 'notice-webhook-secret-of-at-least-32-chars';

describe("notices posted to the bank's own messaging platform", () => {
  let receiver: WebhookReceiver;
  let vault: VaultUnderTest;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    vault = await startVault({ VAULT_NOTICE_WEBHOOK_URL: receiver.url, VAULT_NOTICE_WEBHOOK_SECRET: SECRET, VAULT_NOTICE_POLL_MS: '50', VAULT_NOTICE_BACKOFF_MS: '1000' });
  });
  afterAll(async () => {
    await vault.stop();
    await receiver.stop();
    await removeDataDir(vault);
  });

  it('posts each notice once, signed, with no address needed and nothing the notice says', async () => {
    let refusals = 1;
    receiver.behaviour = () => (refusals-- > 0 ? 503 : 204);
    const maria = await vault.customer();
    const carla = await vault.reviewer('carla');
    const uploaded = await upload(vault, carla.token, maria.id, { file: aPdf(), type: 'id-card', channel: 'branch', filename: 'maria-id.pdf' }).expect(201);

    const [delivery] = await eventually(async () => {
      vault.clock.advance(60_000);
      const accepted = receiver.accepted();
      expect(accepted).toHaveLength(1);
      return accepted;
    });
    const [notice] = (await getAs(vault, maria.token, '/v1/me/notices').expect(200)).body.notices;
    expect(verifyKluisSignature(SECRET, delivery.headers['x-kluis-signature'] as string, delivery.body)).toBe(true);
    expect(delivery.headers['x-kluis-delivery']).toBe(notice.id);
    expect(JSON.parse(delivery.body)).toEqual({
      id: notice.id,
      customerId: maria.id,
      kind: 'received',
      reference: notice.reference,
      issuedAt: notice.issuedAt,
      reviewDueAt: uploaded.body.reviewDueAt,
      signInUrl: 'http://localhost:3000/',
    });
    expect(receiver.received.map((each) => each.status)).toEqual([503, 204]);
    await eventually(async () => expect((await getAs(vault, maria.token, '/v1/me/notices').expect(200)).body.notices[0].delivery).toBe('delivered'));
  });
});
