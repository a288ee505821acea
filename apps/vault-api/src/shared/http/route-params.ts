import type { ExecutionContext } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';

interface RouteArg {
  readonly data?: unknown;
}

/** What the handler of this request takes from it: its whole body, its whole query, or only named query parameters. */
export interface RouteParams {
  readonly body: boolean;
  readonly wholeQuery: boolean;
  readonly queryNames: readonly string[];
}

export function routeParamsOf(context: ExecutionContext): RouteParams {
  const args: Record<string, RouteArg> = Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ?? {};
  const ofType = (type: RouteParamtypes) => Object.entries(args).filter(([key]) => key.split(':')[0] === String(type)).map(([, arg]) => arg);
  const queries = ofType(RouteParamtypes.QUERY);
  return {
    body: ofType(RouteParamtypes.BODY).length > 0,
    wholeQuery: queries.some((arg) => arg.data === undefined),
    queryNames: queries.flatMap((arg) => (typeof arg.data === 'string' ? [arg.data] : [])),
  };
}
