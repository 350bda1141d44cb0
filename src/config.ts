import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().startsWith('postgres').optional(),
  LEAD_DATA_DIR: z.string().min(1).default('./data'),
  LEAD_ALLOW_SUPERUSER: booleanFlag.default(false),
  LEAD_REQUIRE_MFA: booleanFlag.optional(),
  LEAD_SEED_DEMO: booleanFlag.default(true),
  LEAD_CHECKPOINT_SECONDS: z.coerce.number().int().min(5).default(60),
  LEAD_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  LEAD_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  LEAD_COOKIE_SECURE: booleanFlag.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  environment: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDirectory: string;
  allowSuperuser: boolean;
  requireMfa: boolean;
  seedDemo: boolean;
  checkpointSeconds: number;
  loginRateLimitPerMinute: number;
  bodyLimitBytes: number;
  secureCookies: boolean;
  logLevel: string;
};

/** Reads the configuration from environment variables; every setting has a safe default. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (DATABASE_URL= npm start) means "not set", as in most tools.
  const set = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = environmentSchema.safeParse(set);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`invalid setting ${String(issue?.path[0])}: ${issue?.message}`);
  }
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  return {
    environment: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    dataDirectory: env.LEAD_DATA_DIR,
    allowSuperuser: env.LEAD_ALLOW_SUPERUSER,
    requireMfa: env.LEAD_REQUIRE_MFA ?? production,
    seedDemo: env.LEAD_SEED_DEMO,
    checkpointSeconds: env.LEAD_CHECKPOINT_SECONDS,
    loginRateLimitPerMinute: env.LEAD_LOGIN_RATE_LIMIT,
    bodyLimitBytes: env.LEAD_BODY_LIMIT_BYTES,
    secureCookies: env.LEAD_COOKIE_SECURE ?? production,
    logLevel: env.LOG_LEVEL,
  };
}

export class ConfigError extends Error {}

/** A configuration for tests: demo off, MFA off unless asked, generous login limit. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ NODE_ENV: 'test' }),
    seedDemo: false,
    loginRateLimitPerMinute: 1000,
    logLevel: 'silent',
    ...overrides,
  };
}
