import { loadConfig } from '../../config.ts';
import { migrate } from '../../db/migrate.ts';
import { type Command, parseCommandArgs } from '../command.ts';
import { withDatabase } from '../database.ts';
import { serve } from '../serve.ts';

export const serveCommand: Command = {
  usage: 'lead serve',
  summary:
    'Migrate, load the demo site into an empty database, and serve the app and API (PORT, default 3000).',
  async run(args, io) {
    parseCommandArgs('serve', args, {});
    await serve(loadConfig(), io.out);
    return await new Promise<number>(() => {}); // runs until a signal stops the process
  },
};

export const migrateCommand: Command = {
  usage: 'lead migrate',
  summary: 'Apply the database migrations that have not been applied yet.',
  async run(args, io) {
    parseCommandArgs('migrate', args, {});
    return withDatabase({ migrate: false }, async (database) => {
      const applied = await migrate(database.db);
      io.out(applied.length ? `applied ${applied.join(', ')}` : 'the database is up to date');
      return 0;
    });
  },
};
