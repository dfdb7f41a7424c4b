/**
 * The first two steps of every command-line tool: read the settings and open the database.
 * A refusal is explained on stderr and comes back as the exit code to end with (sysexits:
 * 78 configuration, 75 try again later), so each tool only says what to do about a locked
 * database in its own words.
 */
import { DirectoryLockedError, openMigratedDatabase } from "../src/boot.js";
import { ConfigError, parseConfig, type Config } from "../src/config.js";
import type { Database } from "../src/db/client.js";

export const TOOL_EXIT = { config: 78, locked: 75 } as const;

export function readToolConfig(env: NodeJS.ProcessEnv = process.env): Config | number {
  try {
    return parseConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\nSee .env.example for every setting and its format.\n`);
    return TOOL_EXIT.config;
  }
}

/** `whenLocked`: what to do when the app holds the embedded database (only one process may open it). */
export async function openToolDatabase(config: Config, whenLocked: string): Promise<Database | number> {
  try {
    return await openMigratedDatabase(config);
  } catch (error) {
    if (!(error instanceof DirectoryLockedError)) throw error;
    process.stderr.write(`${error.message}\n${whenLocked}\n`);
    return TOOL_EXIT.locked;
  }
}
