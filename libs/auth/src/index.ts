export {
  AuthConfigError,
  DevSigningKeyError,
  InvalidClaimsError,
  InvalidTokenError,
  PrincipalMissingError,
  TokenCliUsageError,
  TokenVerifierUnavailableError,
} from './auth.errors';
export { DEFAULT_OIDC_AUDIENCE, loadAuthConfig } from './auth.config';
export type { AuthConfig, DevAuthConfig, OidcAuthConfig } from './auth.config';
export {
  hasAnyRole,
  hasRole,
  hasScope,
  isCustomerOnly,
  isDepartmentPrincipal,
  isDepartmentWithScope,
  isRole,
  isScope,
  principalFromClaims,
  ROLES,
  SCOPES,
} from './principal';
export type { DepartmentPrincipal, Principal, Role, Scope } from './principal';
export { DEFAULT_TOKEN_POLICY } from './token-policy';
export type { TokenPolicy } from './token-policy';
export { TOKEN_VERIFIER } from './token-verifier';
export type { TokenVerifier } from './token-verifier';
export { DevTokenVerifier } from './dev/dev-token-verifier';
export { DEFAULT_DEV_TOKEN_LIFETIME, mintDevToken } from './dev/mint-dev-token';
export type { DevTokenOptions } from './dev/mint-dev-token';
export { OIDC_ALGORITHMS, OidcTokenVerifier } from './oidc/oidc-token-verifier';
export type { OidcVerifierConfig } from './oidc/oidc-token-verifier';
export { AuthModule } from './nest/auth.module';
export { BearerAuthGuard } from './nest/bearer-auth.guard';
export { CurrentPrincipal } from './nest/current-principal.decorator';
export { IS_PUBLIC, Public } from './nest/public.decorator';
export { principalOf } from './nest/request-principal';
export { parseTokenCliArgs, TOKEN_CLI_USAGE } from './cli/token-cli-args';
export {
  DEFAULT_DEPARTMENT_POLICIES,
  departmentMay,
  departmentPolicyOf,
  DepartmentPoliciesError,
  parseDepartmentPolicies,
} from './departments/department-policy';
export type { DepartmentPolicies, DepartmentPolicy } from './departments/department-policy';
