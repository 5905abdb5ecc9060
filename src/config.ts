import { existsSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65_535);
const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.url().optional())
  .optional();
const login = z.string().trim().toLowerCase().regex(/^[a-z0-9_]{1,25}$/, 'a Twitch login: 1-25 letters, digits or _');

/** Every setting, read from the environment (and `.env`). See the README's configuration table. */
export const configSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: optionalUrl,
  REDIS_URL: optionalUrl,
  TWITCH_CLIENT_ID: z.string().trim().optional(),
  TWITCH_CLIENT_SECRET: z.string().trim().optional(),
  TWITCH_BOT_LOGIN: login.optional(),
  TWITCH_BOT_ACCESS_TOKEN: z.string().trim().optional(),
  TWITCH_BOT_REFRESH_TOKEN: z.string().trim().optional(),
  TWITCH_CHANNELS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((c) => c.trim().replace(/^#/, '').toLowerCase()).filter(Boolean))
    .pipe(z.array(login)),
  TWITCH_IRC_URL: z.url().default('wss://irc-ws.chat.twitch.tv:443'),
  TWITCH_HELIX_URL: z.url().default('https://api.twitch.tv/helix'),
  TWITCH_AUTH_URL: z.url().default('https://id.twitch.tv/oauth2'),
  TARKOV_API_URL: z.url().default('https://api.tarkov.dev/graphql'),
  TARKOV_REFRESH_SECONDS: z.coerce.number().min(1).max(86_400).default(300),
  PERSPECTIVE_API_KEY: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(z.string().regex(/^[\w-]{10,200}$/, 'a Google API key: 10-200 letters, digits, _ or -').optional())
    .optional(),
  PERSPECTIVE_API_URL: z.url().default('https://commentanalyzer.googleapis.com'),
  PERSPECTIVE_TIMEOUT_MS: z.coerce.number().int().min(50).max(10_000).default(800),
  PERSPECTIVE_QPS: z.coerce.number().positive().max(1_000).default(1),
  SANDBOX_PORT: port.default(3001),
  SANDBOX_IRC_PORT: port.default(6667),
  ENCRYPTION_KEYS: z.string().trim().optional(),
  PUBLIC_URL: optionalUrl,
  SENTRY_DSN: optionalUrl,
  ADMIN_LOGINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((c) => c.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(login)),
  JWT_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((c) => c.trim()).filter(Boolean))
    .pipe(z.array(z.url())),
  CHAT_LIMIT_TIME_SCALE: z.coerce.number().positive().max(1).default(1),
});

export type Config = z.infer<typeof configSchema>;

/** A configuration problem, with one line per bad key. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads the configuration from `env`, with `.env` in the working directory filling keys the
 * environment leaves unset. Throws a ConfigError naming each bad key (never its secret value).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, dotenvPath = '.env'): Config {
  const fromFile = existsSync(dotenvPath) ? parseDotenv(readFileSync(dotenvPath)) : {};
  const result = configSchema.safeParse({ ...fromFile, ...env });
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const config = result.data;
  if (sandboxMode(config)) return config;
  const missing = (['TWITCH_CLIENT_ID', 'TWITCH_BOT_LOGIN'] as const).filter((key) => !config[key]);
  if (missing.length > 0) {
    throw new ConfigError(`invalid configuration:\n${missing.map((k) => `  ${k}: required when TWITCH_BOT_ACCESS_TOKEN is set`).join('\n')}`);
  }
  if (config.TWITCH_CHANNELS.length === 0 && config.TWITCH_BOT_LOGIN) config.TWITCH_CHANNELS = [config.TWITCH_BOT_LOGIN];
  return config;
}

/** With no bot token configured, the bot talks to the local Twitch sandbox. */
export function sandboxMode(config: Config): boolean {
  return !config.TWITCH_BOT_ACCESS_TOKEN;
}
