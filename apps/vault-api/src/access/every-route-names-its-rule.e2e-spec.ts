import { randomUUID } from 'node:crypto';
import { DEFAULT_DEPARTMENT_POLICIES, type Principal, type Role, SCOPES, type Scope } from '@kluis/auth';
import { fillPath, type HttpMethod } from '../../../../test/abuse/support/openapi-operations';
import { removeDataDir, startVault, type VaultUnderTest } from '../../../../test/support/vault-harness';
import { ACCESS_RULES } from '../shared/access/policy/access-rules';
import { type Action, ACTIONS } from '../shared/access/policy/action';
import { grantsHeld } from '../shared/access/policy/may';
import { REQUIRES_EXTENSION } from './requires.decorator';

/**
 * Routes anyone may call without a token, each on purpose. Anything else the vault serves must name its action,
 * so a new route without a rule fails here before it ships.
 */
const PUBLIC: Readonly<Record<string, string>> = {
  'GET /health': 'readiness, for the orchestrator; says nothing about customers',
  'GET /health/live': 'liveness, for the orchestrator; says nothing about customers',
  'GET /metrics': 'Prometheus counters, for operations; no customer data',
  'GET /ui-config': 'what the browser needs before anyone has signed in',
  'GET /dev/identities': 'dev-mode sign-in, which the vault refuses to start in production',
  'POST /dev/tokens': 'dev-mode sign-in, which the vault refuses to start in production',
};

const METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

interface Route {
  readonly method: HttpMethod;
  readonly path: string;
  readonly key: string;
  readonly action?: string;
}

interface Caller {
  readonly label: string;
  readonly principal: Principal;
  readonly token: string;
}

/** A value for every parameter of a path template: ids nobody holds, unless given. */
const idsFor = (path: string, given: Readonly<Record<string, string>> = {}) =>
  Object.fromEntries([...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name, given[name] ?? randomUUID()]));

const isAction = (name: string | undefined): name is Action => (ACTIONS as readonly (string | undefined)[]).includes(name);

describe('every route names its rule, and every rule a route', () => {
  let vault: VaultUnderTest;
  let routes: Route[];
  let callers: Caller[];

  const caller = async (label: string, roles: Role[], extra: { department?: string; scopes?: Scope[] } = {}): Promise<Caller> => {
    const sub = `${label.replace(/\W+/g, '-')}-${randomUUID()}`;
    const principal: Principal = { sub, roles, scopes: extra.scopes ?? [], ...(extra.department ? { department: extra.department } : {}) };
    return { label, principal, token: await vault.token(sub, roles, extra) };
  };

  beforeAll(async () => {
    vault = await startVault();
    const document = (await vault.http().get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, Record<string, unknown>>> };
    routes = Object.entries(document.paths).flatMap(([path, byMethod]) =>
      METHODS.filter((method) => byMethod[method]).map((method) => ({
        method,
        path,
        key: `${method.toUpperCase()} ${path}`,
        action: byMethod[method][REQUIRES_EXTENSION] as string | undefined,
      })),
    );
    callers = [
      await caller('customer', ['customer']),
      await caller('reviewer', ['reviewer']),
      await caller('admin', ['admin']),
      await caller('department with every scope', ['department'], { department: 'mandates', scopes: [...SCOPES] }),
      await caller('department without scopes', ['department'], { department: 'mandates' }),
    ];
  });
  afterAll(async () => {
    await vault?.stop();
    if (vault) await removeDataDir(vault);
  });

  it('serves the routes of the rule table and the public ones', () => {
    expect(routes.length).toBeGreaterThan(30);
  });

  it('names a known action on every route that is not public on purpose', () => {
    const unruled = routes.filter((route) => !(route.key in PUBLIC) && !isAction(route.action)).map((route) => `${route.key} (${route.action ?? 'no @Requires'})`);
    expect(unruled).toEqual([]);
  });

  it('keeps the public routes public, and every one of them served', async () => {
    expect(routes.filter((route) => route.key in PUBLIC && route.action !== undefined).map((route) => route.key)).toEqual([]);
    expect(Object.keys(PUBLIC).filter((key) => !routes.some((route) => route.key === key))).toEqual([]);
    for (const route of routes.filter((candidate) => candidate.key in PUBLIC)) {
      const response = await vault.http()[route.method](route.path);
      expect({ route: route.key, status: response.status }).not.toEqual({ route: route.key, status: 401 });
    }
  });

  it('has a route for every action in the rule table', () => {
    const named = new Set(routes.map((route) => route.action));
    expect(Object.keys(ACCESS_RULES).filter((action) => !named.has(action))).toEqual([]);
  });

  it("refuses whoever holds none of a route's grants with the rule's own 403, before looking anything up", async () => {
    const failures: string[] = [];
    for (const route of routes) {
      if (!isAction(route.action)) continue;
      const action = route.action;
      const refused = callers.filter((candidate) => grantsHeld(candidate.principal, action, DEFAULT_DEPARTMENT_POLICIES).length === 0);
      expect(refused.length).toBeGreaterThan(0);
      for (const { label, token } of refused) {
        // Ids nobody holds: a refusal that depended on a lookup would answer 404 instead.
        const response = await vault.http()[route.method](fillPath(route.path, idsFor(route.path))).set('Authorization', `Bearer ${token}`);
        if (response.status !== 403 || response.body.detail !== ACCESS_RULES[action].refusal) failures.push(`${route.key} as ${label}: ${response.status} ${response.body.detail}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("lets whoever holds one of a route's grants past its rule", async () => {
    const failures: string[] = [];
    for (const route of routes) {
      if (!isAction(route.action)) continue;
      const action = route.action;
      for (const { label, principal, token } of callers.filter((candidate) => grantsHeld(candidate.principal, action, DEFAULT_DEPARTMENT_POLICIES).length > 0)) {
        const response = await vault.http()[route.method](fillPath(route.path, idsFor(route.path, { customerId: principal.sub }))).set('Authorization', `Bearer ${token}`);
        if (response.body.detail === ACCESS_RULES[action].refusal) failures.push(`${route.key} as ${label}: refused by the rule it holds a grant of`);
      }
    }
    expect(failures).toEqual([]);
  });
});
