import { aPdf } from '../support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../support/vault-harness';
import { expectProblem, getAs, upload } from '../support/vault-requests';

/**
 * A customer uploading from home claims what only a bank employee at the counter may: that the document was seen
 * at the branch, or that it concerns other customers. Either would let an online upload pass as an in-person one.
 */
describe('a customer claiming a branch intake', () => {
  let vault: VaultUnderTest;

  beforeAll(async () => {
    vault = await startVault();
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  it.each([
    ['channel=branch', { channel: 'branch' }, ['channel']],
    ['related customers', { relatedCustomerIds: 'C-2001' }, ['relatedCustomerIds']],
    ['both', { channel: 'branch', relatedCustomerIds: 'C-2001,C-2002' }, ['channel', 'relatedCustomerIds']],
  ])('refuses %s from the customer with 403 naming the field, storing nothing', async (_name, claims, fields) => {
    const maria = await vault.customer();
    const blobsBefore = await vault.storedBlobs();
    const response = await upload(vault, maria.token, maria.id, { file: aPdf(), type: 'notarial-power-of-attorney', ...claims });
    expectProblem(response, 403, vault);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(fields);
    expect(await vault.storedBlobs()).toEqual(blobsBefore);
    const list = await getAs(vault, maria.token, `/v1/customers/${maria.id}/documents`).expect(200);
    expect(list.body.documents).toEqual([]);
  });

  it('still takes the customer\'s own upload as online', async () => {
    const maria = await vault.customer();
    const response = await upload(vault, maria.token, maria.id, { file: aPdf(), type: 'passport', channel: 'online' }).expect(201);
    expect(response.body).toMatchObject({ channel: 'online', relatedCustomerIds: [] });
  });

  it('still lets staff at intake record a branch upload that concerns other customers', async () => {
    const maria = await vault.customer();
    const anna = await vault.reviewer('anna');
    const response = await upload(vault, anna.token, maria.id, { file: aPdf(), type: 'notarial-power-of-attorney', channel: 'branch', relatedCustomerIds: 'C-2001' }).expect(201);
    expect(response.body).toMatchObject({ channel: 'branch', relatedCustomerIds: ['C-2001'] });
  });
});
