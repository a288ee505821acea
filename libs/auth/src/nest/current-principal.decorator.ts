import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { PrincipalMissingError } from '../auth.errors';
import type { Principal } from '../principal';
import { principalOf } from './request-principal';

/** The authenticated caller of the current request. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = principalOf(context.switchToHttp().getRequest<object>());
  if (!principal) throw new PrincipalMissingError();
  return principal;
});
