import { DEMO_LOGINS, DEMO_PASSWORD, DEMO_SITES, seedDemo } from '../../app/demo/seed-demo.ts';
import { type Command, parseCommandArgs, UsageError } from '../command.ts';
import { withDatabase } from '../database.ts';

export const seedCommand: Command = {
  usage: 'lead seed --demo',
  summary: 'Load the demo sites and accounts (synthetic) into a database that has no site yet.',
  options: [['--demo', 'Load the demo data set (the only seed there is).']],
  async run(args, io) {
    const { values } = parseCommandArgs('seed', args, { demo: { type: 'boolean' } });
    if (!values.demo) throw new UsageError('say what to seed: --demo');
    return withDatabase({ migrate: true }, async ({ db }) => {
      const { seeded } = await seedDemo(db);
      if (!seeded) {
        io.out(
          'did not load the demo: the database already has a site (the demo loads only into an empty one)',
        );
        return 0;
      }
      const accounts = new Set(DEMO_LOGINS.map((login) => login.email)).size;
      io.out(`loaded the demo: ${DEMO_SITES.length} sites, ${accounts} accounts`);
      io.out(`password for every demo account: ${DEMO_PASSWORD}`);
      return 0;
    });
  },
};
