import { readFileSync } from 'node:fs';
import { hsdsDirectoryPage } from '../../app/directory/hsds-export.ts';
import { importHsds } from '../../app/directory/hsds-import.ts';
import { bundledHsdsValidator, validateDirectoryPage } from '../../app/directory/hsds-schemas.ts';
import { loadDirectory } from '../../db/repositories/directory.ts';
import { findSiteBySlug } from '../../db/repositories/sites.ts';
import { inScope } from '../../db/scope.ts';
import { DomainError } from '../../domain/errors.ts';
import { type Command, CommandFailure, parseCommandArgs, requiredOption, UsageError } from '../command.ts';
import { withDatabase } from '../database.ts';

/** Larger than any partner directory; a bigger file is a mistake. */
const MAXIMUM_FILE_BYTES = 50_000_000;

function readDocument(path: string): unknown {
  let text: string;
  try {
    const bytes = readFileSync(path);
    if (bytes.length > MAXIMUM_FILE_BYTES)
      throw new UsageError(`${path} is larger than ${MAXIMUM_FILE_BYTES} bytes`);
    text = bytes.toString('utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path} is not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
}

export const directoryImportCommand: Command = {
  usage: 'lead directory import FILE --site SLUG',
  summary:
    "Import an Open Referral HSDS 3.0 JSON file into a site's partner directory: an organization, service, " +
    'service at location or location (with what it nests), a page of them ({"contents": [...]}) or an array. ' +
    'A record whose id is already in the directory is replaced. All or nothing.',
  options: [['--site SLUG', 'The site whose directory receives the file.']],
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      'directory import',
      args,
      { site: { type: 'string' } },
      1,
    );
    const slug = requiredOption(values, 'site');
    const [file] = positionals;
    if (!file) throw new UsageError('give the HSDS JSON file to import');
    const document = readDocument(file);
    return withDatabase({ migrate: true, existing: true }, async ({ db }) => {
      const site = await findSiteBySlug(db, slug);
      if (!site) throw new UsageError(`no site has the slug "${slug}"`);
      try {
        const summary = await inScope(db, { siteId: site.id, userId: null }, (tx) =>
          importHsds(tx, site.id, document, new Date()),
        );
        io.out(
          `imported into ${slug}: ${summary.organizations} organizations, ${summary.services} services, ` +
            `${summary.locations} locations, ${summary.serviceAtLocations} services at locations`,
        );
        return 0;
      } catch (error) {
        if (error instanceof DomainError && error.code === 'HSDS_INVALID')
          throw new UsageError(error.message);
        throw error;
      }
    });
  },
};

export const directoryExportCommand: Command = {
  usage: 'lead directory export --site SLUG',
  summary:
    "Print a site's partner directory as Open Referral HSDS 3.0 JSON on standard output: one page of full " +
    'organizations (their locations, and their services with where each is offered), checked against the ' +
    'official HSDS schemas first (exit status 1, nothing printed, if it does not validate).',
  options: [['--site SLUG', 'The site whose directory to export.']],
  async run(args, io) {
    const { values } = parseCommandArgs('directory export', args, { site: { type: 'string' } });
    const slug = requiredOption(values, 'site');
    return withDatabase({ migrate: true, existing: true }, async ({ db }) => {
      const site = await findSiteBySlug(db, slug);
      if (!site) throw new UsageError(`no site has the slug "${slug}"`);
      const rows = await inScope(db, { siteId: site.id, userId: null }, (tx) => loadDirectory(tx, site.id));
      const page = hsdsDirectoryPage(rows);
      const problems = validateDirectoryPage(bundledHsdsValidator(), page as { contents: unknown[] });
      if (problems.length > 0)
        throw new CommandFailure(
          `the export does not validate against HSDS 3.0: ${problems.slice(0, 3).join('; ')}`,
        );
      io.out(JSON.stringify(page, null, 2));
      return 0;
    });
  },
};
