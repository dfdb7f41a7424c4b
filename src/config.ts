import { z } from "zod";

/**
 * Every setting the app reads from the environment, parsed once at start-up.
 * Nothing else in the code base reads `process.env`: the parsed `Config` is passed down.
 */
const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());
/** "https://example.org", "http://localhost:8080", "https://*.example.org": what CSP frame-ancestors takes. */
const ORIGIN_PATTERN = /^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/;
const splitOrigins = (value: string) =>
  value
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((origin) => origin.toLowerCase().replace(/\/$/, ""));

const ConfigSchema = z.object({
  NODE_ENV: z.preprocess(emptyAsUndefined, z.enum(["development", "production", "test"]).default("development")),
  PORT: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ error: "expected a port number" }).int().min(0).max(65535).default(3000),
  ),
  HOST: z.preprocess(emptyAsUndefined, z.string().default("0.0.0.0")),
  PUBLIC_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ error: "expected an absolute URL such as https://everybodyin.example" }).optional(),
  ),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, { error: "expected a postgres:// or postgresql:// URL" })
      .optional(),
  ),
  DB_DIR: z.preprocess(emptyAsUndefined, z.string().default("./data/db")),
  DATA_DIR: optionalString,
  SOURCES_DIR: z.preprocess(emptyAsUndefined, z.string().default("./data/sources")),
  AUTO_IMPORT: z.preprocess(emptyAsUndefined, z.enum(["true", "false"]).default("true")).transform((v) => v === "true"),
  WEB_CONCURRENCY: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(64).default(1)),
  SECRET_KEY: z.preprocess(emptyAsUndefined, z.string().min(32, { error: "expected at least 32 characters" }).optional()),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ),
  TRUST_PROXY: z.preprocess(emptyAsUndefined, z.enum(["true", "false"]).default("false")).transform((v) => v === "true"),
  MAIL_FROM: z.preprocess(emptyAsUndefined, z.string().default("Everybody In <updates@localhost>")),
  MAIL_REPLY_TO: optionalString,
  MAIL_UNSUBSCRIBE_ADDRESS: optionalString,
  MAIL_RATE_PER_SECOND: z.preprocess(emptyAsUndefined, z.coerce.number().positive().max(10_000).default(20)),
  GEOCODER_URL: z.preprocess(
    emptyAsUndefined,
    z.union([z.literal("off"), z.url({ error: 'expected the geocoder\'s base URL, or "off"' })]).default("https://geocoding.geo.census.gov"),
  ),
  /**
   * Optional: the only sites allowed to show the /embed/ pages in an iframe, as origins separated
   * by commas or spaces ("https://example.org, https://*.example.net"). Unset: any site.
   */
  EMBED_ALLOWED_ORIGINS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .transform(splitOrigins)
      .refine((origins) => origins.length > 0 && origins.every((origin) => ORIGIN_PATTERN.test(origin)), {
        error: "expected origins like https://example.org, separated by commas (or nothing, to allow any site)",
      })
      .optional(),
  ),
  /** Optional: lets `npm run data:cosponsors` fetch rolls from api.congress.gov. */
  CONGRESS_API_KEY: optionalString,
  SMTP_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^smtps?:\/\//, { error: "expected an smtp:// or smtps:// URL" })
      .optional(),
  ),
});

export type RawConfig = z.infer<typeof ConfigSchema>;

export interface Config {
  env: RawConfig["NODE_ENV"];
  isProduction: boolean;
  port: number;
  host: string;
  /** Where people reach the site; links in e-mail start with it. */
  publicUrl: string;
  database: { kind: "pglite"; dir: string } | { kind: "postgres"; url: string };
  dataDir: string | undefined;
  sourcesDir: string;
  autoImport: boolean;
  webConcurrency: number;
  secretKey: string;
  logLevel: RawConfig["LOG_LEVEL"];
  trustProxy: boolean;
  /** Base URL of the Census geocoder for address searches; undefined when turned off. */
  geocoderUrl: string | undefined;
  /** api.congress.gov key for `npm run data:cosponsors`; never logged. */
  congressApiKey: string | undefined;
  /** Origins allowed to frame the /embed/ pages (CSP frame-ancestors); undefined: any site. */
  embedAllowedOrigins: string[] | undefined;
  mail: {
    from: string;
    replyTo: string | undefined;
    /** Mailbox named in List-Unsubscribe headers; route it to a person or a future inbound handler. */
    unsubscribeMailbox: string | undefined;
    smtpUrl: string | undefined;
    /** Most messages a second each process sends (broadcasts wait for it). */
    ratePerSecond: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parse the environment. Throws a ConfigError naming every bad variable at once. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = issue.path.join(".");
      return `${name}=${JSON.stringify(env[name] ?? "")}: ${issue.message}`;
    });
    throw new ConfigError(problems);
  }
  const raw = result.data;
  const problems: string[] = [];
  const isProduction = raw.NODE_ENV === "production";
  if (isProduction && !raw.SECRET_KEY) {
    problems.push('SECRET_KEY="": required in production (generate one with `openssl rand -hex 32`)');
  }
  if (isProduction && !raw.PUBLIC_URL) {
    // Links in e-mail and the CSRF origin check both need the address people really use.
    problems.push('PUBLIC_URL="": required in production, e.g. https://everybodyin.example (the address people type, behind any proxy)');
  }
  if (!raw.DATABASE_URL && raw.WEB_CONCURRENCY > 1) {
    problems.push(
      `WEB_CONCURRENCY=${JSON.stringify(env.WEB_CONCURRENCY)}: several processes need PostgreSQL (set DATABASE_URL); the embedded database serves one process`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    env: raw.NODE_ENV,
    isProduction,
    port: raw.PORT,
    host: raw.HOST,
    publicUrl: raw.PUBLIC_URL?.replace(/\/$/, "") ?? `http://localhost:${raw.PORT}`,
    database: raw.DATABASE_URL ? { kind: "postgres", url: raw.DATABASE_URL } : { kind: "pglite", dir: raw.DB_DIR },
    dataDir: raw.DATA_DIR,
    sourcesDir: raw.SOURCES_DIR,
    autoImport: raw.AUTO_IMPORT,
    webConcurrency: raw.WEB_CONCURRENCY,
    // Development only: a fixed key keeps CSRF tokens valid across restarts. Production must set its own.
    secretKey: raw.SECRET_KEY ?? "development-secret-key-not-for-production-use",
    logLevel: raw.LOG_LEVEL,
    trustProxy: raw.TRUST_PROXY,
    geocoderUrl: raw.GEOCODER_URL === "off" ? undefined : raw.GEOCODER_URL,
    congressApiKey: raw.CONGRESS_API_KEY,
    embedAllowedOrigins: raw.EMBED_ALLOWED_ORIGINS,
    mail: {
      from: raw.MAIL_FROM,
      replyTo: raw.MAIL_REPLY_TO,
      unsubscribeMailbox: raw.MAIL_UNSUBSCRIBE_ADDRESS,
      smtpUrl: raw.SMTP_URL,
      ratePerSecond: raw.MAIL_RATE_PER_SECOND,
    },
  };
}
