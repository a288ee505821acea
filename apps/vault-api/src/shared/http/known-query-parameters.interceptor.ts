import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { isPrototypeKey } from './hostile-json';
import { badRequest } from './problem.exception';
import { routeParamsOf } from './route-params';

/**
 * Refuses query parameters the endpoint does not define, naming the first, so a misspelt filter is not silently
 * ignored. A query DTO already refuses unknown names in the validation pipe, except the prototype's own names.
 */
@Injectable()
export class KnownQueryParametersInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const { wholeQuery, queryNames } = routeParamsOf(context);
      const names = Object.keys(context.switchToHttp().getRequest<Request>().query ?? {});
      const unknown = names.find((name) => isPrototypeKey(name) || (!wholeQuery && !queryNames.includes(name)));
      if (unknown !== undefined) throw badRequest(unknown, 'is not a query parameter of this endpoint');
    }
    return next.handle();
  }
}
