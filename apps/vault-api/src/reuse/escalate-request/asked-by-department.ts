import { findRequest, type ReadModelDatabase, type RequestView } from '@kluis/read-models';
import { NotVisible } from '../../shared/access/policy/access.errors';

/** The ask, if this department is one of those asking; anyone else's ask does not exist for it. */
export async function askedByDepartment(db: ReadModelDatabase, requestId: string, department: string): Promise<RequestView> {
  const request = await findRequest(db, requestId);
  if (!request || !request.askers.some((asker) => asker.department === department)) throw new NotVisible();
  return request;
}
