import { type DepartmentPolicies, principalOf } from '@kluis/auth';
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DEPARTMENT_POLICIES } from '../config/config-tokens';
import type { Action } from '../shared/access/policy/action';
import { assertMay } from '../shared/access/policy/may';

export const REQUIRED_ACTION = Symbol('REQUIRED_ACTION');

/**
 * Checks the route's action against the rule table before the handler looks anything up, so a caller whose role
 * or scope may never do it is refused the same way whether or not the thing exists.
 */
@Injectable()
export class RequiresGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(DEPARTMENT_POLICIES) private readonly departments: DepartmentPolicies,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const action = this.reflector.get<Action | undefined>(REQUIRED_ACTION, context.getHandler());
    const principal = principalOf(context.switchToHttp().getRequest());
    // Both are the vault's own wiring, never the caller's doing: failing loudly beats letting the call through.
    if (!action || !principal) throw new Error('RequiresGuard runs only on an authenticated route with @Requires');
    assertMay(principal, action, this.departments);
    return true;
  }
}
