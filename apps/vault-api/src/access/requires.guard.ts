import { type DepartmentPolicies, type Principal, principalOf } from '@kluis/auth';
import { customerOfDocument, type ReadModelDatabase } from '@kluis/read-models';
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DEPARTMENT_POLICIES } from '../config/config-tokens';
import { READ_MODEL_DB } from '../infrastructure/tokens';
import type { FileAction } from '../shared/access/customer-file-access';
import { AccessRefused } from '../shared/access/policy/access.errors';
import type { Action } from '../shared/access/policy/action';
import { assertMay } from '../shared/access/policy/may';
import { requestIdOf } from '../shared/access/request-context';
import { FileAccess } from './file-access';

export const REQUIRED_ACTION = Symbol('REQUIRED_ACTION');

/**
 * The refusals a customer's access record shows, under the name it shows them by: attempts on their file by someone
 * whose role or scope may not read, list, download, file or withdraw there.
 */
const RECORDED_ON_FILE: Partial<Record<Action, FileAction>> = {
  'document.submit': 'submit',
  'document.chip-reading': 'chip-reading',
  'document.list': 'list',
  'document.read': 'read',
  'document.content': 'content',
  'document.history': 'history',
  'document.withdraw': 'withdraw',
};

/**
 * Checks the route's action against the rule table before the handler looks anything up, so a caller whose role
 * or scope may never do it is refused the same way whether or not the thing exists. Only once the answer is
 * settled is the attempt written to the customer's access record, when the route is about their file.
 */
@Injectable()
export class RequiresGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(DEPARTMENT_POLICIES) private readonly departments: DepartmentPolicies,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDatabase,
    private readonly files: FileAccess,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const action = this.reflector.get<Action | undefined>(REQUIRED_ACTION, context.getHandler());
    const request = context.switchToHttp().getRequest<Request>();
    const principal = principalOf(request);
    // Both are the vault's own wiring, never the caller's doing: failing loudly beats letting the call through.
    if (!action || !principal) throw new Error('RequiresGuard runs only on an authenticated route with @Requires');
    try {
      assertMay(principal, action, this.departments);
    } catch (error) {
      if (error instanceof AccessRefused) await this.recordOnFile(principal, action, request, error);
      throw error;
    }
    return true;
  }

  private async recordOnFile(principal: Principal, action: Action, request: Request, refusal: AccessRefused): Promise<void> {
    const fileAction = RECORDED_ON_FILE[action];
    const target = fileAction && (await this.fileNamedBy(request.params));
    if (fileAction && target) await this.files.recordRefusal(principal, target, fileAction, refusal, requestIdOf(request));
  }

  /** The customer's file the path names, directly or through one of its documents. */
  private async fileNamedBy({ customerId, documentId }: Request['params']): Promise<{ customerId: string; documentId?: string } | undefined> {
    if (typeof customerId === 'string') return { customerId };
    if (typeof documentId !== 'string') return undefined;
    const owner = await customerOfDocument(this.db, documentId);
    return owner === undefined ? undefined : { customerId: owner, documentId };
  }
}
