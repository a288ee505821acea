import { asksForHelp, CliUsageError, parseCliArguments } from './cli-arguments';

const oneFolder = { operands: { min: 1, max: 1, name: 'backup folder' } };

describe('command-line arguments', () => {
  it('splits known flags from operands', () => {
    const parsed = parseCliArguments(['--dry-run', 'x'], { flags: ['--deep', '--dry-run'], operands: { min: 0, max: 1 } });
    expect([...parsed.flags]).toEqual(['--dry-run']);
    expect(parsed.operands).toEqual(['x']);
  });

  it.each([
    [['--frobnicate', 'x'], /unknown option --frobnicate/],
    [['-x'], /unknown option -x/],
    [[], /the backup folder is missing/],
    [['a', 'b'], /unexpected argument b/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCliArguments(argv, oneFolder)).toThrow(CliUsageError);
    expect(() => parseCliArguments(argv, oneFolder)).toThrow(message);
  });

  it('takes an operand starting with a dash after --', () => {
    expect(parseCliArguments(['--', '--help'], oneFolder).operands).toEqual(['--help']);
  });

  it('sees a request for help before --, and not after it', () => {
    expect(asksForHelp(['x', '--help'])).toBe(true);
    expect(asksForHelp(['-h'])).toBe(true);
    expect(asksForHelp(['--', '--help'])).toBe(false);
  });
});
