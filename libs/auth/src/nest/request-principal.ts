import type { Principal } from '../principal';

interface RequestWithPrincipal {
  principal?: Principal;
}

/** The principal the guard attached to an HTTP request, for interceptors and filters (handlers use @CurrentPrincipal). */
export const principalOf = (request: object): Principal | undefined => (request as RequestWithPrincipal).principal;

export const attachPrincipal = (request: object, principal: Principal): void => {
  (request as RequestWithPrincipal).principal = principal;
};
