import { TokenCliUsageError } from '../auth.errors';
import { parseTokenCliArgs } from './token-cli-args';

const usageError = (argv: string[]): TokenCliUsageError => {
  try {
    parseTokenCliArgs(argv);
  } catch (error) {
    if (error instanceof TokenCliUsageError) return error;
    throw error;
  }
  throw new Error('expected a usage error');
};

describe('token command arguments', () => {
  it('reads a customer', () => {
    expect(parseTokenCliArgs(['--sub', 'c-1', '--role', 'customer'])).toEqual({ sub: 'c-1', roles: ['customer'], scopes: [] });
  });

  it('reads a department with several roles, scopes and a lifetime', () => {
    expect(
      parseTokenCliArgs([
        '--sub', 'svc-mandates',
        '--role', 'department',
        '--role=admin',
        '--department', 'mandates',
        '--scope', 'evidence:read  references:write',
        '--scope=content:read',
        '--expires-in', '8h',
      ]),
    ).toEqual({
      sub: 'svc-mandates',
      roles: ['department', 'admin'],
      department: 'mandates',
      scopes: ['evidence:read', 'references:write', 'content:read'],
      expiresIn: '8h',
    });
  });

  it('reads a customer with a verified address', () => {
    expect(parseTokenCliArgs(['--sub', 'c-1', '--role', 'customer', '--email', 'maria@example.nl'])).toEqual({ sub: 'c-1', roles: ['customer'], scopes: [], email: 'maria@example.nl' });
  });

  it.each([
    ['a malformed address', ['--sub', 'c-1', '--role', 'customer', '--email', 'maria at example'], '--email'],
    ['no --sub', ['--role', 'customer'], '--sub'],
    ['no --role', ['--sub', 'c-1'], '--role'],
    ['an unknown role', ['--sub', 'c-1', '--role', 'root'], 'root'],
    ['an unknown scope', ['--sub', 'c-1', '--role', 'reviewer', '--scope', 'evidence:read all'], 'all'],
    ['an unknown option', ['--sub', 'c-1', '--role', 'customer', '--admin'], '--admin'],
    ['an option without its value', ['--sub', '--role', 'customer'], '--sub'],
    ['a trailing option without its value', ['--role', 'customer', '--sub'], '--sub'],
    ['a repeated --sub', ['--sub', 'a', '--sub', 'b', '--role', 'customer'], 'once'],
    ['a positional argument', ['c-1', '--role', 'customer'], 'c-1'],
    ['a department role without --department', ['--sub', 'd', '--role', 'department'], '--department'],
    ['--department without the department role', ['--sub', 'r', '--role', 'reviewer', '--department', 'mandates'], '--department'],
    ['a malformed department', ['--sub', 'd', '--role', 'department', '--department', 'Mandates'], '--department'],
    ['a malformed lifetime', ['--sub', 'c-1', '--role', 'customer', '--expires-in', 'forever'], '--expires-in'],
    ['a lifetime past the maximum', ['--sub', 'c-1', '--role', 'customer', '--expires-in', '30d'], '--expires-in must be at most 12h'],
    ['a sub with a space', ['--sub', 'c 1', '--role', 'customer'], '--sub'],
  ])('refuses %s', (_label, argv, mentioned) => {
    expect(usageError(argv).message).toContain(mentioned);
  });
});
