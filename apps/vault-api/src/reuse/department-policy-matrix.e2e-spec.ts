import { DEFAULT_DEPARTMENT_POLICIES, type Scope } from '@kluis/auth';
import { DOCUMENT_TYPES, EVIDENCE_KINDS } from '@kluis/document-domain';
import { aPdf } from '../../../../test/support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../test/support/vault-harness';
import { getAs, upload } from '../../../../test/support/vault-requests';

/**
 * Every department against every document type and evidence kind, with tokens that claim every scope: what a
 * department gets is what its policy grants, never what its token says. A type outside the policy does not exist
 * for it (404); a file it may not download, or a kind it may not ask about, is refused (403).
 */
describe('department policies, enforced on every endpoint', () => {
  let vault: VaultUnderTest;
  let customerId: string;
  const documentOfType = new Map<string, string>();
  const everyScope: Scope[] = ['evidence:read', 'content:read', 'references:write', 'requests:write', 'documents:write'];

  beforeAll(async () => {
    vault = await startVault();
    const customer = await vault.customer();
    customerId = customer.id;
    for (const type of DOCUMENT_TYPES) {
      const { body } = await upload(vault, customer.token, customer.id, { file: aPdf(), type }).expect(201);
      documentOfType.set(type, body.id);
    }
  });
  afterAll(async () => {
    await vault.stop();
    await removeDataDir(vault);
  });

  describe.each(Object.entries(DEFAULT_DEPARTMENT_POLICIES))('%s', (department, policy) => {
    let token: string;
    beforeAll(async () => {
      token = (await vault.department(department, everyScope)).token;
    });

    it.each(DOCUMENT_TYPES)('sees a %s only if its policy lists the type, and downloads it only if allowed', async (type) => {
      const id = documentOfType.get(type)!;
      const read = await getAs(vault, token, `/v1/documents/${id}`);
      const content = await getAs(vault, token, `/v1/documents/${id}/content?purpose=Policy%20matrix`);
      const visible = policy.factTypes.includes(type);
      expect(read.status).toBe(visible ? 200 : 404);
      if (!visible) expect(read.text).not.toContain(customerId);
      // Without content:read no download is ever allowed, which a 403 says without revealing the document.
      const expected = !policy.scopes.includes('content:read') ? 403 : !visible ? 404 : policy.contentTypes.includes(type) ? 200 : 403;
      expect(content.status).toBe(expected);
    });

    it('lists only the types its policy allows', async () => {
      const list = await getAs(vault, token, `/v1/customers/${customerId}/documents`).expect(200);
      expect(list.body.documents.map((document: { type: string }) => document.type).sort()).toEqual([...policy.factTypes].sort());
    });

    it.each(EVIDENCE_KINDS)('asks for %s evidence only if its policy lists the kind', async (kind) => {
      const answer = await getAs(vault, token, `/v1/customers/${customerId}/evidence?kind=${kind}`);
      expect(answer.status).toBe(policy.evidenceKinds.includes(kind) ? 200 : 403);
    });

    it('holds only the scopes its policy grants, whatever its token claims', async () => {
      const history = await getAs(vault, token, `/v1/documents/${documentOfType.get('passport')}/history`);
      expect(history.status).toBe(403);
      const filed = await upload(vault, token, `C-matrix-${department}`, { file: aPdf(), type: 'passport' });
      expect(filed.status).toBe(policy.scopes.includes('documents:write') ? 201 : 403);
    });
  });
});
