import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { z } from 'zod';
import { createUser } from '../../app/users/create-user.ts';
import { unlockUser } from '../../app/users/unlock-user.ts';
import { ROLES, type Role } from '../../domain/access/roles.ts';
import { type Command, type Io, parseCommandArgs, requiredOption, UsageError } from '../command.ts';
import { withDatabase } from '../database.ts';

/** The environment variable a script sets to pass the new account's password. */
export const NEW_PASSWORD_VARIABLE = 'LEAD_NEW_PASSWORD';

const emailSchema = z.email().max(320);

function parseEmail(value: string): string {
  if (!emailSchema.safeParse(value).success)
    throw new UsageError(`--email "${value}" is not an e-mail address`);
  return value.toLowerCase();
}

function parseRole(value: string): Role {
  if (!(ROLES as readonly string[]).includes(value))
    throw new UsageError(`unknown role "${value}" (one of: ${ROLES.join(', ')})`);
  return value as Role;
}

/**
 * The new account's password: from LEAD_NEW_PASSWORD, else the first line of standard input
 * (typed without echo on a terminal). Never from the command line, where `ps` would show it.
 */
export async function readNewPassword(io: Io): Promise<string> {
  const fromEnvironment = process.env[NEW_PASSWORD_VARIABLE];
  if (fromEnvironment) return fromEnvironment;
  const input = io.stdin ?? process.stdin;
  const terminal = input.isTTY === true;
  if (terminal) io.err('Password for the account (not shown), then Enter:');
  const line = await readFirstLine(input, terminal);
  if (line === undefined || line === '')
    throw new UsageError(`no password: set ${NEW_PASSWORD_VARIABLE} or give it on standard input`);
  return line;
}

function readFirstLine(input: NodeJS.ReadableStream, terminal: boolean): Promise<string | undefined> {
  // On a terminal readline echoes what is typed to `output`; a sink keeps the password off the screen.
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const lines = createInterface({
    input,
    output: terminal ? silent : undefined,
    terminal,
    crlfDelay: Infinity,
  });
  return new Promise((resolve, reject) => {
    let answered = false;
    lines.once('line', (line) => {
      answered = true;
      lines.close();
      resolve(line.replace(/\r$/, ''));
    });
    lines.once('SIGINT', () => {
      lines.close();
      reject(new UsageError('cancelled'));
    });
    lines.once('close', () => {
      if (!answered) resolve(undefined);
    });
  });
}

export const userCreateCommand: Command = {
  usage: 'lead user create --email EMAIL --name NAME --site SLUG --role ROLE',
  summary:
    'Create an account with a role at a site (or give an existing account that role). The password ' +
    `comes from ${NEW_PASSWORD_VARIABLE} or the first line of standard input, never from the command line.`,
  options: [
    ['--email EMAIL', "The account's e-mail address (its login)."],
    ['--name NAME', 'The name shown to colleagues.'],
    ['--site SLUG', 'The site the role is held at.'],
    ['--role ROLE', `One of: ${ROLES.join(', ')}.`],
  ],
  async run(args, io) {
    const { values } = parseCommandArgs('user create', args, {
      email: { type: 'string' },
      name: { type: 'string' },
      site: { type: 'string' },
      role: { type: 'string' },
    });
    const email = parseEmail(requiredOption(values, 'email'));
    const displayName = requiredOption(values, 'name');
    const siteSlug = requiredOption(values, 'site');
    const role = parseRole(requiredOption(values, 'role'));
    // Read before opening the database, so the data folder is not locked while someone types.
    const password = await readNewPassword(io);
    return withDatabase({ migrate: true }, async ({ db }) => {
      const { created } = await createUser(db, { email, displayName, password, siteSlug, role });
      io.out(
        created
          ? `created ${email} with the role ${role} at ${siteSlug}`
          : `${email} already had an account (its password is unchanged); it now has the role ${role} at ${siteSlug}`,
      );
      return 0;
    });
  },
};

export const userUnlockCommand: Command = {
  usage: 'lead user unlock --email EMAIL',
  summary: 'Lift the lock put on an account after too many failed logins (recorded in the audit log).',
  options: [['--email EMAIL', 'The account to unlock.']],
  async run(args, io) {
    const { values } = parseCommandArgs('user unlock', args, { email: { type: 'string' } });
    const email = parseEmail(requiredOption(values, 'email'));
    return withDatabase({ migrate: true, existing: true }, async ({ db }) => {
      const { wasLocked } = await unlockUser(db, () => new Date(), email);
      io.out(wasLocked ? `unlocked ${email}` : `${email} was not locked (its failed logins are cleared)`);
      return 0;
    });
  },
};
