import { InvalidClaimsError, TokenCliUsageError } from '../auth.errors';
import { devTokenClaims, tokenLifetimeSeconds, type DevTokenOptions } from '../dev/mint-dev-token';
import { isRole, isScope, ROLES, SCOPES, type Role, type Scope } from '../principal';

export const TOKEN_CLI_USAGE = [
  'usage: npm run token -- --sub ID --role ROLE [--role ROLE2] [--department D] [--scope "a b"] [--expires-in 8h] [--email ADDRESS]',
  `  roles:  ${ROLES.join(', ')}`,
  `  scopes: ${SCOPES.join(', ')}`,
].join('\n');

const SINGLE = ['sub', 'department', 'expires-in', 'email'] as const;
const REPEATABLE = ['role', 'scope'] as const;
type OptionName = (typeof SINGLE)[number] | (typeof REPEATABLE)[number];

const isOptionName = (name: string): name is OptionName =>
  (SINGLE as readonly string[]).includes(name) || (REPEATABLE as readonly string[]).includes(name);

/**
 * The mint options for the token command's arguments (those after the command name), or a TokenCliUsageError
 * saying what is wrong. Accepts `--name value` and `--name=value`; `--role` and `--scope` may repeat, and a
 * `--scope` value may hold several space-separated scopes. The lifetime may not pass the verifier's maximum.
 */
export function parseTokenCliArgs(argv: string[], maxLifetimeSeconds?: number): DevTokenOptions {
  const values = collect(argv);
  const sub = values.get('sub')?.[0];
  if (sub === undefined) throw new TokenCliUsageError('--sub is required');
  const roles = (values.get('role') ?? []).map(toRole);
  if (roles.length === 0) throw new TokenCliUsageError('at least one --role is required');
  const scopes = (values.get('scope') ?? []).flatMap((value) => value.split(/\s+/)).filter(Boolean).map(toScope);
  const department = values.get('department')?.[0];
  const expiresIn = values.get('expires-in')?.[0];
  const email = values.get('email')?.[0];

  const options: DevTokenOptions = {
    sub,
    roles,
    scopes,
    ...(department !== undefined && { department }),
    ...(expiresIn !== undefined && { expiresIn }),
    ...(email !== undefined && { email }),
  };
  try {
    devTokenClaims(options);
    if (expiresIn !== undefined) tokenLifetimeSeconds(expiresIn, maxLifetimeSeconds);
  } catch (error) {
    if (error instanceof InvalidClaimsError) throw new TokenCliUsageError(usageMessage(error));
    throw error;
  }
  return options;
}

function collect(argv: string[]): Map<OptionName, string[]> {
  const values = new Map<OptionName, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!match) throw new TokenCliUsageError(`unexpected argument "${arg}"`);
    const name = match[1] ?? '';
    if (!isOptionName(name)) throw new TokenCliUsageError(`unknown option --${name}`);
    let value = match[2];
    if (value === undefined) {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new TokenCliUsageError(`--${name} needs a value`);
      i++;
    }
    const previous = values.get(name) ?? [];
    if (previous.length > 0 && !(REPEATABLE as readonly string[]).includes(name)) {
      throw new TokenCliUsageError(`--${name} may be given only once`);
    }
    values.set(name, [...previous, value]);
  }
  return values;
}

function toRole(value: string): Role {
  if (!isRole(value)) throw new TokenCliUsageError(`unknown role "${value}"; roles: ${ROLES.join(', ')}`);
  return value;
}

function toScope(value: string): Scope {
  if (!isScope(value)) throw new TokenCliUsageError(`unknown scope "${value}"; scopes: ${SCOPES.join(', ')}`);
  return value;
}

const FLAG_OF_CLAIM: Readonly<Record<string, string>> = {
  sub: '--sub',
  roles: '--role',
  department: '--department',
  scope: '--scope',
  exp: '--expires-in',
  email: '--email',
};

const usageMessage = (error: InvalidClaimsError): string => `${FLAG_OF_CLAIM[error.claim] ?? error.claim} ${error.problem}`;
