import { findRequest, type ReadModelDatabase, type RequestView } from '@kluis/read-models';
import { notFound } from '../../shared/http/problem.exception';

/** The ask, if this department is one of those asking; anyone else's ask does not exist for it. */
export async function askedByDepartment(db: ReadModelDatabase, requestId: string, department: string): Promise<RequestView> {
  const request = await findRequest(db, requestId);
  if (!request || !request.askers.some((asker) => asker.department === department)) throw notFound();
  return request;
}
