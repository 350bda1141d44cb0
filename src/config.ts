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
  LEAD_EMAIL_TRANSPORT: z.enum(['log', 'smtp']).default('log'),
  LEAD_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  LEAD_SMTP_HOST: z.string().min(1).optional(),
  LEAD_SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  LEAD_SMTP_SECURE: booleanFlag.optional(),
  LEAD_SMTP_USER: z.string().min(1).optional(),
  LEAD_SMTP_PASSWORD: z.string().min(1).optional(),
  LEAD_SMTP_FROM: z.string().min(3).optional(),
  LEAD_SMS_TRANSPORT: z.enum(['log', 'http']).default('log'),
  LEAD_SMS_URL: z.url({ protocol: /^https?$/ }).optional(),
  LEAD_SMS_BODY_TEMPLATE: z.string().default('{"to":"{{to}}","body":"{{body}}"}'),
  LEAD_SMS_AUTHORIZATION: z.string().min(1).optional(),
  LEAD_SMS_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  LEAD_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  LEAD_OUTBOX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  LEAD_WORKER_INTERVAL_MS: z.coerce.number().int().min(50).max(600_000).default(2000),
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
  email: EmailSettings;
  sms: SmsSettings;
  /** The app's address as people open it (no trailing slash), for links in messages. */
  publicUrl: string;
  /** After this many failed attempts a message is marked failed and no longer retried. */
  outboxMaxAttempts: number;
  /** How often the background worker looks for due messages and timers. */
  workerIntervalMs: number;
};

/** How e-mail leaves: written to the log (no recipient, no body), or through an SMTP server. */
export type EmailSettings =
  | { transport: 'log' }
  | {
      transport: 'smtp';
      host: string;
      port: number;
      secure: boolean;
      user: string | undefined;
      password: string | undefined;
      from: string;
    };

/** How SMS leaves: the log, or a POST to a gateway with a JSON body where {{to}} and {{body}} are filled in. */
export type SmsSettings =
  | { transport: 'log' }
  | {
      transport: 'http';
      url: string;
      bodyTemplate: string;
      authorization: string | undefined;
      timeoutMs: number;
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
    email: emailSettings(env),
    sms: smsSettings(env),
    publicUrl: (env.LEAD_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    outboxMaxAttempts: env.LEAD_OUTBOX_ATTEMPTS,
    workerIntervalMs: env.LEAD_WORKER_INTERVAL_MS,
  };
}

type Environment = z.infer<typeof environmentSchema>;

function emailSettings(env: Environment): EmailSettings {
  if (env.LEAD_EMAIL_TRANSPORT === 'log') return { transport: 'log' };
  const url = env.LEAD_SMTP_URL ? new URL(env.LEAD_SMTP_URL) : undefined;
  const host = env.LEAD_SMTP_HOST ?? url?.hostname;
  if (!host)
    throw new ConfigError(
      'invalid setting LEAD_SMTP_HOST: LEAD_EMAIL_TRANSPORT=smtp needs LEAD_SMTP_URL or LEAD_SMTP_HOST',
    );
  if (!env.LEAD_SMTP_FROM)
    throw new ConfigError('invalid setting LEAD_SMTP_FROM: LEAD_EMAIL_TRANSPORT=smtp needs a sender address');
  const secure = env.LEAD_SMTP_SECURE ?? url?.protocol === 'smtps:';
  const decoded = (value: string | undefined) => (value ? decodeURIComponent(value) : undefined);
  return {
    transport: 'smtp',
    host,
    port: env.LEAD_SMTP_PORT ?? (url?.port ? Number(url.port) : secure ? 465 : 587),
    secure,
    user: env.LEAD_SMTP_USER ?? decoded(url?.username),
    password: env.LEAD_SMTP_PASSWORD ?? decoded(url?.password),
    from: env.LEAD_SMTP_FROM,
  };
}

function smsSettings(env: Environment): SmsSettings {
  if (env.LEAD_SMS_TRANSPORT === 'log') return { transport: 'log' };
  if (!env.LEAD_SMS_URL)
    throw new ConfigError('invalid setting LEAD_SMS_URL: LEAD_SMS_TRANSPORT=http needs the gateway URL');
  try {
    JSON.parse(env.LEAD_SMS_BODY_TEMPLATE.replaceAll('{{to}}', 'x').replaceAll('{{body}}', 'x'));
  } catch {
    throw new ConfigError(
      'invalid setting LEAD_SMS_BODY_TEMPLATE: must be JSON with "{{to}}" and "{{body}}" inside strings',
    );
  }
  return {
    transport: 'http',
    url: env.LEAD_SMS_URL,
    bodyTemplate: env.LEAD_SMS_BODY_TEMPLATE,
    authorization: env.LEAD_SMS_AUTHORIZATION,
    timeoutMs: env.LEAD_SMS_TIMEOUT_MS,
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
