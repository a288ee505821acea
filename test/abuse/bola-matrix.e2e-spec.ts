import { randomUUID } from 'node:crypto';
import { DEFAULT_DEPARTMENT_POLICIES, type DepartmentPolicy, type Scope } from '@kluis/auth';
import type { DocumentType } from '@kluis/document-domain';
import type { Response } from 'supertest';
import { aPdf } from '../support/files';
import { removeDataDir, startVault, type VaultUnderTest } from '../support/vault-harness';
import { passportFacts, powerOfAttorneyFacts, review, upload } from '../support/vault-requests';
import { hostileTokens } from './support/hostile-tokens';
import { internalLeaks, revealed } from './support/leaks';
import { fillPath, type Operation, servedOperations } from './support/openapi-operations';

/**
 * Broken object level authorization, endpoint by endpoint: every operation the vault's own OpenAPI document lists,
 * called by every kind of principal against one customer's file. Each answer must have the status the API promises
 * that principal, and must carry nothing the principal may not see, nor anything internal.
 */

const EVERY_SCOPE: Scope[] = ['evidence:read', 'content:read', 'references:write', 'requests:write', 'documents:write'];
const DEPARTMENTS = Object.entries(DEFAULT_DEPARTMENT_POLICIES);
const BAD_TOKENS = ['no token', 'expired token', 'token signed by another key', 'token of another issuer', 'alg:none token'] as const;
const PRINCIPALS = ['owner', 'other customer', ...DEPARTMENTS.map(([name]) => `department ${name}`), 'reviewer', 'admin', ...BAD_TOKENS];

/** Which of the owner's documents a cell targets; destructive cells get a fresh one of their own. */
type Target = 'passport' | 'power of attorney' | 'fresh pending passport' | 'fresh verified passport';

interface Caller {
  readonly kind: 'owner' | 'other' | 'reviewer' | 'admin' | 'department' | 'bad token';
  readonly policy?: DepartmentPolicy;
  readonly department?: string;
}

interface Cell {
  /** The statuses this caller may get; more than one only where the outcome depends on state, not on who asks. */
  readonly allowed: (caller: Caller, target: Target) => readonly number[];
  readonly target?: Target | readonly Target[];
  readonly body?: object;
  readonly ifMatch?: string;
}

const typeOf: Record<Target, DocumentType> = {
  passport: 'passport',
  'power of attorney': 'notarial-power-of-attorney',
  'fresh pending passport': 'passport',
  'fresh verified passport': 'passport',
};

const sees = (policy: DepartmentPolicy, target: Target) => policy.factTypes.includes(typeOf[target]);
const holds = (policy: DepartmentPolicy, scope: Scope) => policy.scopes.includes(scope);
const asksFor = (caller: Caller) => holds(caller.policy!, 'requests:write') || holds(caller.policy!, 'evidence:read');

type PersonKind = 'owner' | 'other' | 'reviewer' | 'admin';
/** A row's statuses for people, and for a department as its policy decides. */
const byRole = (caller: Caller, people: Record<PersonKind, number[]>, department: (policy: DepartmentPolicy) => number[]) =>
  caller.kind === 'department' ? department(caller.policy!) : people[caller.kind as PersonKind];

/**
 * One row per operation: who gets what. Read with the API rules: 403 when the role or scope may never do it (which
 * reveals nothing), 404 when the thing is another customer's or a type outside a department's policy.
 */
const EXPECTATIONS: Record<string, Cell> = {
  'POST /v1/customers/{customerId}/documents': {
    allowed: (c) =>
      byRole(c, { owner: [201], other: [404], reviewer: [201], admin: [403] }, (policy) => holds(policy, 'documents:write') ? [201] : [403]),
  },
  'POST /v1/customers/{customerId}/chip-readings': {
    // This vault has no CSCA trust store: those allowed are told chip verification is off, and nothing is stored.
    body: { sod: 'dwA=', dataGroups: { '1': 'YQA=' }, chipAuthentication: 'not-performed' },
    allowed: (c) => byRole(c, { owner: [503], other: [404], reviewer: [503], admin: [403] }, () => [403]),
  },
  'GET /v1/customers/{customerId}/documents': {
    allowed: (c) => byRole(c, { owner: [200], other: [404], reviewer: [200], admin: [403] }, () => [200]),
  },
  'GET /v1/documents/{documentId}': {
    target: ['passport', 'power of attorney'],
    allowed: (c, t) => byRole(c, { owner: [200], other: [404], reviewer: [200], admin: [403] }, (policy) => sees(policy, t) ? [200] : [404]),
  },
  'GET /v1/documents/{documentId}/content': {
    target: ['passport', 'power of attorney'],
    allowed: (c, t) => {
      if (c.kind !== 'department') return byRole(c, { owner: [200], other: [404], reviewer: [200], admin: [403] }, () => []);
      // Without content:read nothing may be downloaded at all, which a 403 says without looking at the document.
      if (!holds(c.policy!, 'content:read')) return [403];
      if (!sees(c.policy!, t)) return [404];
      return c.policy!.contentTypes.includes(typeOf[t]) ? [200] : [403];
    },
  },
  'GET /v1/documents/{documentId}/history': {
    target: ['passport', 'power of attorney'],
    allowed: (c) => byRole(c, { owner: [200], other: [404], reviewer: [200], admin: [403] }, () => [403]),
  },
  'DELETE /v1/documents/{documentId}': {
    target: 'fresh pending passport',
    ifMatch: '"0"',
    allowed: (c) => byRole(c, { owner: [200], other: [404], reviewer: [200], admin: [403] }, () => [403]),
  },
  'POST /v1/documents/{documentId}/disputes': {
    target: 'fresh verified passport',
    ifMatch: '"2"',
    body: { fields: ['dateOfBirth'], message: 'Authorization matrix' },
    // Only the customer disputes her own file: staff are refused before any lookup, another customer finds nothing.
    allowed: (c) => byRole(c, { owner: [200], other: [404], reviewer: [403], admin: [403] }, () => [403]),
  },
  'POST /v1/documents/{documentId}/revocation': {
    target: 'fresh verified passport',
    body: { reason: 'Authorization matrix' },
    // Only support revokes: everyone else is refused before any lookup, with the same 403 whether or not the
    // document exists, so the refusal reveals nothing.
    allowed: (c) => byRole(c, { owner: [403], other: [403], reviewer: [403], admin: [200] }, () => [403]),
  },
  'POST /v1/documents/{documentId}/reviews': {
    target: 'fresh pending passport',
    ifMatch: '"0"',
    body: { decision: 'approve', facts: passportFacts },
    allowed: (c) => byRole(c, { owner: [403], other: [403], reviewer: [201], admin: [403] }, () => [403]),
  },
  'GET /v1/review-queue': {
    allowed: (c) => (c.kind === 'reviewer' ? [200] : [403]),
  },
  'POST /v1/documents/{documentId}/claim': {
    target: 'fresh pending passport',
    allowed: (c) => (c.kind === 'reviewer' ? [200] : [403]),
  },
  'DELETE /v1/documents/{documentId}/claim': {
    target: 'fresh pending passport',
    // Releasing a claim nobody holds may be a no-op or a conflict; either way only reviewers get that far.
    allowed: (c) => (c.kind === 'reviewer' ? [200, 409] : [403]),
  },
  'GET /v1/me/documents': {
    // The other customer gets their own (empty of the owner's) view: the leak checks prove it.
    allowed: (c) => (c.kind === 'owner' || c.kind === 'other' ? [200] : [403]),
  },
  'GET /v1/me/access-log': {
    allowed: (c) => (c.kind === 'owner' || c.kind === 'other' ? [200] : [403]),
  },
  'GET /v1/me/export': {
    allowed: (c) => (c.kind === 'owner' || c.kind === 'other' ? [200] : [403]),
  },
  'GET /v1/me/notices': {
    allowed: (c) => (c.kind === 'owner' || c.kind === 'other' ? [200] : [403]),
  },
  'GET /v1/admin/undelivered-notices': {
    allowed: (c) => (c.kind === 'admin' ? [200] : [403]),
  },
  'GET /v1/me/contact': {
    allowed: (c) => (c.kind === 'owner' || c.kind === 'other' ? [200] : [403]),
  },
  'PUT /v1/me/contact': {
    body: { email: 'matrix@example.nl' },
    // The other customer may already be erased by the erasure-request cell: nothing new is recorded about them then.
    allowed: (c) => (c.kind === 'owner' ? [200] : c.kind === 'other' ? [200, 410] : [403]),
  },
  'POST /v1/me/erasure-request': {
    // Departments relied on the owner's documents, so the law keeps them; the other customer is a prospect, erased at once.
    allowed: (c) => (c.kind === 'owner' ? [409] : c.kind === 'other' ? [200] : [403]),
  },
  'POST /v1/customers/{customerId}/relationship': {
    allowed: (c) => (c.kind === 'admin' ? [200] : [403]),
  },
  'POST /v1/customers/{customerId}/relationship/end': {
    body: { endedOn: new Date().toISOString().slice(0, 10) },
    // Ending needs a relationship that was started: which comes first is the document's order, not the caller's.
    allowed: (c) => (c.kind === 'admin' ? [200, 409] : [403]),
  },
  'POST /v1/customers/{customerId}/legal-holds': {
    body: { reason: 'Authorization matrix', caseRef: 'BOLA-1' },
    allowed: (c) => (c.kind === 'admin' ? [201] : [403]),
  },
  'DELETE /v1/customers/{customerId}/legal-holds/{holdId}': {
    allowed: (c) => (c.kind === 'admin' ? [404] : [403]),
  },
  'GET /v1/customers/{customerId}/retention': {
    allowed: (c) => (c.kind === 'admin' ? [200] : [403]),
  },
  'GET /v1/customers/{customerId}/evidence': {
    // Evidence is a staff and department question; a customer asking is refused by role, whoever the customer is.
    allowed: (c) => byRole(c, { owner: [403], other: [403], reviewer: [200], admin: [403] }, (policy) => policy.evidenceKinds.includes('identity') ? [200] : [403]),
  },
  'POST /v1/documents/{documentId}/references': {
    target: 'passport',
    body: { purpose: 'Authorization matrix', caseRef: 'BOLA-1' },
    allowed: (c) => (c.kind === 'department' ? (holds(c.policy!, 'references:write') ? [201] : [403]) : [403]),
  },
  'DELETE /v1/documents/{documentId}/references/{referenceId}': {
    target: 'passport',
    // The reference is the mandates department's: another department has no such reference of its own.
    allowed: (c) => (c.kind === 'department' ? (c.department === 'mandates' ? [200] : [404]) : [403]),
  },
  'POST /v1/customers/{customerId}/document-requests': {
    // Identity is on file, so a department asking is told it is satisfied and nobody is asked anything.
    body: { kind: 'identity', purpose: 'Authorization matrix' },
    allowed: (c) => (c.kind === 'department' ? (holds(c.policy!, 'requests:write') ? [200] : [403]) : [403]),
  },
  'GET /v1/customers/{customerId}/document-requests': {
    allowed: (c) => byRole(c, { owner: [200], other: [404], reviewer: [200], admin: [403] }, () => [200]),
  },
  'GET /v1/document-requests/{requestId}': {
    // The owner's ask is the investments department's: any other department asks nothing of her under that id.
    allowed: (c) => (c.kind === 'department' ? (asksFor(c) ? (c.department === 'investments' ? [200] : [404]) : [403]) : ({ owner: [200], other: [404], reviewer: [200], admin: [403] } as Record<string, number[]>)[c.kind]),
  },
  'POST /v1/document-requests/{requestId}/escalations': {
    // Investments may try, and is refused for lack of notice: the ask has no due date and nobody was told of it.
    body: { action: 'restrict-account', purpose: 'Authorization matrix' },
    allowed: (c) => (c.kind === 'department' && holds(c.policy!, 'requests:write') ? (c.department === 'investments' ? [409] : [404]) : [403]),
  },
  'POST /v1/document-requests/{requestId}/escalations/{escalationId}/confirmation': {
    allowed: (c) => (c.kind === 'department' && holds(c.policy!, 'requests:write') ? [404] : [403]),
  },
  'GET /v1/feed': {
    allowed: (c) => (c.kind === 'department' ? [200] : [403]),
  },
  'GET /v1/admin/bulk-blocks': {
    allowed: (c) => (c.kind === 'admin' ? [200] : [403]),
  },
  'DELETE /v1/admin/bulk-blocks/{scope}': {
    allowed: (c) => (c.kind === 'admin' ? [404] : [403]),
  },
  'GET /v1/admin/identity-number-conflicts': {
    allowed: (c) => (c.kind === 'admin' ? [200] : [403]),
  },
  'GET /v1/admin/webhook-dead-letters': {
    allowed: (c) => (c.kind === 'admin' ? [200] : [403]),
  },
  'POST /v1/admin/webhook-dead-letters/{id}/retry': {
    allowed: (c) => (c.kind === 'admin' ? [404] : [403]),
  },
};

describe('the BOLA matrix: every endpoint, every kind of principal', () => {
  let vault: VaultUnderTest;
  let operations: Operation[];
  let owner: { id: string; token: string };
  let other: { id: string; token: string };
  let reviewer: { id: string; token: string };
  let secondReviewer: { id: string; token: string };
  let mandates: { id: string; token: string };
  const tokens = new Map<string, string | undefined>();
  const seed: Partial<Record<Target, string>> = {};
  /** Everything of the owner's that would be a leak in the wrong hands: value → what it is. */
  const ownersSecrets = new Map<string, string>();
  const othersSecrets = new Map<string, string>();
  /** The type of the owner's document each id and hash belongs to, for what a department may see. */
  const ownersTypeOf = new Map<string, DocumentType>();
  let seededReference: string;
  let seededRequest: string;

  const remember = (secrets: Map<string, string>, document: { id: string; type: DocumentType; file: { sha256: string } }) => {
    secrets.set(document.id, `document id of a ${document.type}`);
    secrets.set(document.file.sha256, `sha256 of a ${document.type}`);
    if (secrets === ownersSecrets) {
      ownersTypeOf.set(document.id, document.type);
      ownersTypeOf.set(document.file.sha256, document.type);
    }
  };

  async function ownersDocument(type: DocumentType, approvals: number) {
    const uploaded = await upload(vault, owner.token, owner.id, { file: aPdf(), type }).expect(201);
    remember(ownersSecrets, uploaded.body);
    const facts = type === 'passport' ? passportFacts : powerOfAttorneyFacts;
    for (const [revision, by] of [reviewer, secondReviewer].slice(0, approvals).entries()) {
      await review(vault, by.token, uploaded.body.id, { decision: 'approve', facts }, revision).expect(201);
    }
    return uploaded.body.id as string;
  }

  beforeAll(async () => {
    vault = await startVault();
    owner = await vault.customer();
    other = await vault.customer();
    reviewer = await vault.reviewer();
    secondReviewer = await vault.reviewer();
    mandates = await vault.department('mandates', EVERY_SCOPE);
    ownersSecrets.set(owner.id, "the owner's customer id");
    othersSecrets.set(other.id, "the other customer's customer id");

    seed.passport = await ownersDocument('passport', 1);
    seed['power of attorney'] = await ownersDocument('notarial-power-of-attorney', 2);
    const relied = await vault
      .http()
      .post(`/v1/documents/${seed['power of attorney']}/references`)
      .set('Authorization', `Bearer ${mandates.token}`)
      .send({ purpose: 'Joint account mandate', caseRef: 'MND-1' })
      .expect(201);
    seededReference = relied.body.id;
    const investments = await vault.department('investments', EVERY_SCOPE);
    const asked = await vault
      .http()
      .post(`/v1/customers/${owner.id}/document-requests`)
      .set('Authorization', `Bearer ${investments.token}`)
      .send({ kind: 'address', purpose: 'Opening an investment account' })
      .expect(201);
    ownersSecrets.set(asked.body.id, "the owner's open request");
    seededRequest = asked.body.id;
    const othersPassport = await upload(vault, other.token, other.id, { file: aPdf(), type: 'passport' }).expect(201);
    remember(othersSecrets, othersPassport.body);

    tokens.set('owner', owner.token);
    tokens.set('other customer', other.token);
    for (const [name] of DEPARTMENTS) tokens.set(`department ${name}`, (await vault.department(name, EVERY_SCOPE)).token);
    tokens.set('reviewer', (await vault.reviewer()).token);
    tokens.set('admin', await vault.token(`admin-${randomUUID()}`, ['admin']));
    const hostile = await hostileTokens(vault.dataDir, owner.id);
    tokens.set('no token', undefined);
    tokens.set('expired token', hostile.expired);
    tokens.set('token signed by another key', hostile.foreignKey);
    tokens.set('token of another issuer', hostile.wrongIssuer);
    tokens.set('alg:none token', hostile.algNone);

    ({ operations } = await servedOperations(vault));
  });
  afterAll(async () => {
    await vault?.stop();
    if (vault) await removeDataDir(vault);
  });

  it('has an expectation for every endpoint the vault serves', () => {
    expect(operations.length).toBeGreaterThan(20);
    expect(operations.map((operation) => operation.key).filter((key) => !(key in EXPECTATIONS))).toEqual([]);
  });

  function callerOf(principal: string): Caller {
    if (principal === 'owner') return { kind: 'owner' };
    if (principal === 'other customer') return { kind: 'other' };
    if (principal === 'reviewer' || principal === 'admin') return { kind: principal };
    if (principal.startsWith('department ')) {
      const department = principal.slice('department '.length);
      return { kind: 'department', department, policy: DEFAULT_DEPARTMENT_POLICIES[department] };
    }
    return { kind: 'bad token' };
  }

  /** The document a cell acts on: the seeded ones, or a fresh one nobody else's cell will see. */
  async function documentFor(target: Target): Promise<string> {
    if (target === 'fresh pending passport') return ownersDocument('passport', 0);
    if (target === 'fresh verified passport') return ownersDocument('passport', 1);
    return seed[target]!;
  }

  async function referenceFor(documentId: string): Promise<string> {
    const relied = await vault
      .http()
      .post(`/v1/documents/${documentId}/references`)
      .set('Authorization', `Bearer ${mandates.token}`)
      .send({ purpose: 'Checking the account holder', caseRef: `MND-${randomUUID()}` })
      .expect(201);
    return relied.body.id;
  }

  function send(operation: Operation, path: string, token: string | undefined, cell: Cell): Promise<Response> {
    let call = vault.http()[operation.method](path);
    if (token !== undefined) call = call.set('Authorization', `Bearer ${token}`);
    if (cell.ifMatch) call = call.set('If-Match', cell.ifMatch);
    if (operation.bodyMediaTypes.includes('multipart/form-data')) return call.field('type', 'passport').attach('file', aPdf(), 'scan.pdf');
    return cell.body ? call.send(cell.body) : call;
  }

  function queryFor(operation: Operation): string {
    const query = new URLSearchParams();
    for (const parameter of operation.parameters) {
      if (parameter.in !== 'query') continue;
      if (parameter.name === 'kind') query.set('kind', 'identity');
      // Staff and departments must state why they download; sending it always tests authorization, not validation.
      if (parameter.name === 'purpose') query.set('purpose', 'Authorization matrix');
    }
    return query.size > 0 ? `?${query}` : '';
  }

  it.each(PRINCIPALS)('%s gets exactly what it may, and learns nothing it may not', async (principal) => {
    const caller = callerOf(principal);
    const token = tokens.get(principal);
    const failures: string[] = [];
    const secretsOf = (text: string) => {
      if (caller.kind === 'reviewer' || caller.kind === 'admin') return [];
      if (caller.kind === 'owner') return revealed(text, othersSecrets);
      if (caller.kind === 'other') return revealed(text, ownersSecrets);
      if (caller.kind === 'department') {
        // A department sees the owner's documents of the types in its policy, and nothing of the others'.
        const hidden = new Map([...ownersSecrets].filter(([value]) => {
          const type = ownersTypeOf.get(value);
          return type !== undefined && !caller.policy!.factTypes.includes(type);
        }));
        return revealed(text, new Map([...hidden, ...othersSecrets]));
      }
      return revealed(text, new Map([...ownersSecrets, ...othersSecrets]));
    };

    for (const operation of operations) {
      const cell = EXPECTATIONS[operation.key];
      if (!cell) continue;
      const targets: readonly (Target | undefined)[] = cell.target === undefined ? [undefined] : typeof cell.target === 'string' ? [cell.target] : cell.target;
      for (const target of targets) {
        const documentId = target ? await documentFor(target) : seed.passport!;
        const values: Record<string, string> = {
          customerId: owner.id,
          documentId,
          referenceId: operation.path.includes('{referenceId}') ? await referenceFor(documentId) : seededReference,
          scope: `principal:nobody-${randomUUID()}`,
          id: randomUUID(),
          holdId: randomUUID(),
          requestId: seededRequest,
          escalationId: randomUUID(),
        };
        const path = `${fillPath(operation.path, values)}${queryFor(operation)}`;
        const response = await send(operation, path, token, cell);
        const text = response.text ?? '';
        const label = `${operation.key}${target ? ` on the ${target}` : ''}`;
        const allowed = caller.kind === 'bad token' ? [401] : cell.allowed(caller, target ?? 'passport');
        if (!allowed.includes(response.status)) failures.push(`${label}: ${response.status}, expected ${allowed.join(' or ')} — ${text.slice(0, 200)}`);
        for (const leak of internalLeaks(text, vault.dataDir, [])) failures.push(`${label}: the answer carries ${leak}`);
        for (const secret of secretsOf(text)) failures.push(`${label}: the answer reveals ${secret}`);
        if (response.status >= 400 && !/^application\/problem\+json/.test(response.headers['content-type'] ?? '')) {
          failures.push(`${label}: a ${response.status} that is not problem+json`);
        }

        // Whatever another customer gets for the owner's things, they must get for things that do not exist at all.
        if (caller.kind === 'other') {
          const nowhere = `${fillPath(operation.path, { ...values, customerId: `C-${randomUUID()}`, documentId: randomUUID(), referenceId: randomUUID(), holdId: randomUUID() })}${queryFor(operation)}`;
          const control = await send(operation, nowhere, token, cell);
          if (control.status !== response.status || control.body?.type !== response.body?.type) {
            failures.push(`${label}: ${response.status} ${response.body?.type} for the owner's, but ${control.status} ${control.body?.type} for nothing at all`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
