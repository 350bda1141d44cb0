import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';

/** The clock is injected everywhere, so tests can move time. */
export type Clock = () => Date;

/** What every use case may depend on; passed in, never imported as a singleton. */
export type AppDeps = { db: Db; clock: Clock; config: Config };
