import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { ProblemException } from './problem.exception';
import { routeParamsOf } from './route-params';

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json$/i;

const hasBody = (request: Request) =>
  request.headers['transfer-encoding'] !== undefined || (request.headers['content-length'] ?? '0') !== '0';

const mediaTypeOf = (request: Request) => (request.headers['content-type'] ?? '').split(';')[0]!.trim();

const notJson = () =>
  new ProblemException(415, 'REQUEST.MEDIA_TYPE_UNSUPPORTED', 'This media type is not accepted', 'This endpoint reads a JSON body: send it as application/json.', [
    { field: 'Content-Type', message: 'must be application/json' },
  ]);

/** An endpoint that reads a JSON body refuses any other body with 415, rather than validating an empty object. */
@Injectable()
export class JsonBodyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http' && routeParamsOf(context).body) {
      const request = context.switchToHttp().getRequest<Request>();
      if (hasBody(request) && !JSON_MEDIA_TYPE.test(mediaTypeOf(request))) throw notJson();
    }
    return next.handle();
  }
}
