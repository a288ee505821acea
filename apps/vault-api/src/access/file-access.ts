import type { DepartmentPolicies, Principal } from '@kluis/auth';
import type { AccessRecord } from '@kluis/document-domain';
import { Inject, Injectable } from '@nestjs/common';
import { DEPARTMENT_POLICIES } from '../config/config-tokens';
import { assertFileAccess, type FileAction, type FileTarget, isOwner } from '../shared/access/customer-file-access';
import { AccessRefused, NotVisible } from '../shared/access/policy/access.errors';
import { AccessRecorder } from './access-recorder';
import { BulkGuard } from './bulk-guard';
import { RefusalRecorder } from './refusal-recorder';

/**
 * Every access to a customer's file goes through here: the access rules decide, a refusal is written to the
 * customer's access record (coalesced, see RefusalRecorder), and every touch by someone other than the customer
 * counts toward the bulk guard.
 */
@Injectable()
export class FileAccess {
  constructor(
    @Inject(DEPARTMENT_POLICIES) private readonly departments: DepartmentPolicies,
    private readonly recorder: AccessRecorder,
    private readonly refusals: RefusalRecorder,
    private readonly bulk: BulkGuard,
  ) {}

  async assert(principal: Principal, target: FileTarget & { documentId?: string }, action: FileAction, requestId: string): Promise<void> {
    try {
      assertFileAccess(principal, target, action, this.departments);
    } catch (error) {
      if (error instanceof AccessRefused || error instanceof NotVisible) await this.recordRefusal(principal, target, action, error, requestId);
      throw error;
    }
    await this.touch(principal, target.customerId, requestId);
  }

  /** Writes a refused attempt on the file to the customer's access record, unless the customer made it. */
  async recordRefusal(principal: Principal, target: FileTarget & { documentId?: string }, action: FileAction, refusal: AccessRefused | NotVisible, requestId: string): Promise<void> {
    if (isOwner(principal, target.customerId)) return;
    const status = refusal instanceof NotVisible ? 404 : 403;
    await this.refusals.record(principal, target.customerId, { action, documentId: target.documentId ?? null, status }, requestId);
  }

  /** Counts a touch of the customer's data by anyone but the customer. */
  async touch(principal: Principal, customerId: string, requestId: string): Promise<void> {
    if (!isOwner(principal, customerId)) await this.bulk.touch(principal, customerId, requestId);
  }

  /** Records a read by anyone but the customer, for the customer to see. */
  async recordRead(principal: Principal, customerId: string, record: AccessRecord, requestId: string): Promise<void> {
    if (!isOwner(principal, customerId)) await this.recorder.record(principal, customerId, record, requestId);
  }
}
