import type { Principal } from '../principal';
import { DEFAULT_DEPARTMENT_POLICIES, departmentMay, departmentPolicyOf, DepartmentPoliciesError, parseDepartmentPolicies } from './department-policy';

const desk = (department: string, scopes: Principal['scopes']): Principal => ({ sub: `${department}-desk`, roles: ['department'], department, scopes });

describe('department policies', () => {
  it('grant a scope only when both the token and the policy do', () => {
    expect(departmentMay(desk('mandates', ['content:read']), DEFAULT_DEPARTMENT_POLICIES, 'content:read')).toBe(true);
    expect(departmentMay(desk('payments', ['content:read']), DEFAULT_DEPARTMENT_POLICIES, 'content:read')).toBe(false);
    expect(departmentMay(desk('mandates', []), DEFAULT_DEPARTMENT_POLICIES, 'content:read')).toBe(false);
  });

  it('know nothing of a department that is not configured', () => {
    expect(departmentPolicyOf(desk('marketing', ['evidence:read']), DEFAULT_DEPARTMENT_POLICIES)).toBeNull();
    expect(departmentMay(desk('marketing', ['evidence:read']), DEFAULT_DEPARTMENT_POLICIES, 'evidence:read')).toBe(false);
    expect(departmentPolicyOf({ sub: 'c', roles: ['customer'], scopes: [] }, DEFAULT_DEPARTMENT_POLICIES)).toBeNull();
  });

  it('by default let investments see identity and address, never a notarial deed or any file', () => {
    const investments = DEFAULT_DEPARTMENT_POLICIES.investments;
    expect(investments.factTypes).toEqual(expect.arrayContaining(['passport', 'id-card', 'proof-of-address']));
    expect(investments.factTypes).not.toContain('notarial-deed');
    expect(investments.contentTypes).toEqual([]);
  });

  it('take hourly and daily bulk limits, and refuse one that is not a whole number', () => {
    const lending = { evidenceKinds: ['identity'], factTypes: ['passport'], contentTypes: [], scopes: ['evidence:read'] };
    expect(parseDepartmentPolicies({ lending: { ...lending, customersPerHour: 10, customersPerDay: 40, departmentCustomersPerDay: 400 } }).lending).toMatchObject({
      customersPerHour: 10,
      customersPerDay: 40,
      departmentCustomersPerDay: 400,
    });
    expect(() => parseDepartmentPolicies({ lending: { ...lending, customersPerDay: 0.5 } })).toThrow(/lending\.customersPerDay: must be a whole number/);
  });

  it('parse from configuration and name every problem by path', () => {
    expect(parseDepartmentPolicies({ lending: { evidenceKinds: ['identity'], factTypes: ['passport'], contentTypes: [], scopes: ['evidence:read'] } })).toEqual({
      lending: { evidenceKinds: ['identity'], factTypes: ['passport'], contentTypes: [], scopes: ['evidence:read'] },
    });
    let problems: readonly string[] = [];
    try {
      parseDepartmentPolicies({ Lending: { evidenceKinds: ['gossip'], factTypes: ['passport'], contentTypes: ['notarial-deed'], scopes: ['root'], colour: 1 } });
    } catch (error) {
      problems = (error as DepartmentPoliciesError).problems;
    }
    expect(problems).toEqual([
      'Lending: a department id is lowercase letters, digits and -',
      'Lending.colour: unknown setting',
      expect.stringMatching(/^Lending\.evidenceKinds: must be a list of/),
      expect.stringMatching(/^Lending\.scopes: must be a list of/),
      'Lending.contentTypes: notarial-deed must also be among its factTypes',
    ]);
  });
});
