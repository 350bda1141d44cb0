import { createSite } from '../../app/sites/create-site.ts';
import { type Command, parseCommandArgs, requiredOption, UsageError } from '../command.ts';
import { withDatabase } from '../database.ts';

/** The same rule as the sites table's check constraint. */
const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

export const siteCreateCommand: Command = {
  usage: 'lead site create --slug SLUG --name NAME --timezone TZ',
  summary: 'Create a site (one LEAD program). Its staff are added with "lead user create".',
  options: [
    ['--slug SLUG', 'Short name used in addresses and by --site: 2-63 lower-case letters, digits, dashes.'],
    ['--name NAME', 'The name people see, e.g. "Harbor County LEAD".'],
    ['--timezone TZ', 'IANA time zone, e.g. America/New_York.'],
  ],
  async run(args, io) {
    const { values } = parseCommandArgs('site create', args, {
      slug: { type: 'string' },
      name: { type: 'string' },
      timezone: { type: 'string' },
    });
    const slug = requiredOption(values, 'slug');
    const name = requiredOption(values, 'name');
    const timezone = requiredOption(values, 'timezone');
    if (!SLUG.test(slug))
      throw new UsageError(`--slug "${slug}" must be 2 to 63 lower-case letters, digits and dashes`);
    if (name.length > 200) throw new UsageError('--name must be at most 200 characters');
    return withDatabase({ migrate: true }, async ({ db }) => {
      const site = await createSite(db, { slug, name, timezone });
      io.out(`created site ${site.slug} (${site.name}, ${site.timezone}) with id ${site.id}`);
      return 0;
    });
  },
};
