import pino from "pino";
import type { Config } from "./config.js";

/** Structured JSON logs on stdout, one line per event; pipe through `pino-pretty` if you like. */
export function createLogger(config: Pick<Config, "logLevel">) {
  return pino({
    level: config.logLevel,
    base: { pid: process.pid },
    redact: { paths: ["*.email", "*.phone", "*.password", "req.headers.cookie"], censor: "[redacted]" },
  });
}
