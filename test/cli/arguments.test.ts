import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/main.ts';
import { lead, leadProcess, removeFolder, temporaryFolder } from './support.ts';

// No command here should get as far as opening a database; the folder stays empty.
const dataDirectory = temporaryFolder();
const env = { LEAD_DATA_DIR: dataDirectory };
afterAll(() => removeFolder(dataDirectory));

describe('lead --help', () => {
  it('lists every command', async () => {
    const { status, out } = await lead(['--help'], { env });
    expect(status).toBe(0);
    for (const command of Object.values(COMMANDS)) expect(out.join('\n')).toContain(command.usage);
  });

  it.each(Object.keys(COMMANDS))('"lead %s --help" prints its usage and options', async (name) => {
    const { status, out, err } = await lead([...name.split(' '), '--help'], { env });
    expect(status).toBe(0);
    expect(err).toEqual([]);
    expect(out[0]).toBe(`Usage: ${COMMANDS[name]?.usage}`);
    expect(out).toContain('Options:');
  });

  it('lists the subcommands of a group', async () => {
    const { status, out } = await lead(['user', '--help'], { env });
    expect(status).toBe(0);
    expect(out.join('\n')).toContain('lead user create');
    expect(out.join('\n')).toContain('lead user unlock');
  });
});

describe('bad arguments: one line on stderr, exit status 2', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown command', ['frobnicate'], /unknown command "frobnicate"/],
    ['an unknown subcommand', ['user', 'delete'], /unknown subcommand "delete"/],
    ['a group without subcommand', ['audit'], /say which: audit verify/],
    ['an unknown option', ['audit', 'verify', '--deep'], /Unknown option '--deep'/],
    ['a missing value', ['user', 'unlock', '--email'], /--email <value>' argument missing/],
    ['a value that is the next option', ['user', 'unlock', '--email', '--force'], /ambiguous/],
    [
      'an unknown role',
      ['user', 'create', '--email', 'a@example.test', '--name', 'A', '--site', 's', '--role', 'king'],
      /unknown role "king"/,
    ],
    [
      'a missing required option',
      ['site', 'create', '--slug', 'x1', '--name', 'X'],
      /--timezone is required/,
    ],
    ['a bad slug', ['site', 'create', '--slug', 'Bad Slug', '--name', 'X', '--timezone', 'UTC'], /--slug/],
    ['a bad e-mail address', ['user', 'unlock', '--email', 'nobody'], /not an e-mail address/],
    ['an extra positional', ['backup', 'one.tgz', 'two.tgz'], /unexpected argument "two.tgz"/],
    ['a positional where none is taken', ['audit', 'verify', 'now'], /takes no arguments/],
    ['backup without FILE', ['backup'], /needs a FILE/],
    ['seed without --demo', ['seed'], /--demo/],
  ];

  it.each(cases)('%s', async (_, argv, message) => {
    const { status, out, err } = await lead(argv, { env });
    expect(status).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(message);
  });

  it('refuses a user without a password (none in LEAD_NEW_PASSWORD, nothing on stdin)', async () => {
    const argv = [
      'user',
      'create',
      '--email',
      'a@example.test',
      '--name',
      'A',
      '--site',
      's1',
      '--role',
      'officer',
    ];
    const { status, err } = await lead(argv, { env: { ...env, LEAD_NEW_PASSWORD: undefined } });
    expect(status).toBe(2);
    expect(err).toEqual([expect.stringMatching(/no password: set LEAD_NEW_PASSWORD/)]);
  });

  it('prints the usage and exits 2 when called with nothing', async () => {
    const { status, out } = await lead([], { env });
    expect(status).toBe(2);
    expect(out[0]).toMatch(/^Usage: lead <command>/);
  });
});

describe('bad arguments, through a real process', () => {
  it.each([
    [['frobnicate']],
    [['user', 'create', '--email', 'a@example.test', '--name', 'A', '--site', 's', '--role', 'mayor']],
    [['backup', 'a.tgz', 'b.tgz']],
    [['audit', 'verify', '--nope']],
  ])('lead %j exits 2 with one line on stderr', async (argv) => {
    const { status, stdout, stderr } = await leadProcess(argv, { env });
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^lead/);
  });

  it('prints help and exits 0', async () => {
    const { status, stdout } = await leadProcess(['backup', '--help'], { env });
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: lead backup FILE \[--force\]/);
    expect(stdout).toContain('--force');
  });
});
