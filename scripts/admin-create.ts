/**
 * `npm run admin:create -- --email staff@example.org [--name "Ada Staff"]`: make someone national
 * staff, so they can sign in at /sign-in and reach /admin. Run it once for the first admin;
 * admins add others from the admin area. Entry script: it may read process.env.
 *
 * Exit codes: 0 done (or already an admin), 2 bad arguments, 75 the embedded database is in use
 * by the running app, 78 bad configuration.
 */
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { createContext } from "../src/boot.js";
import { openToolDatabase, readToolConfig } from "./tool-setup.js";
import { createAdmin } from "../src/domain/accounts/create-admin.js";
import { DomainError } from "../src/domain/errors.js";

const usage = `Usage: npm run admin:create -- --email <address> [--name "<full name>"]

Makes the person national staff (creating them if needed). They sign in at /sign-in with an
e-mailed link, and can set a password on their account page.`;

async function main(): Promise<number> {
  const fail = (message: string, code: number) => {
    process.stderr.write(`${message}\n`);
    return code;
  };
  let values: { email?: string; name?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: { email: { type: "string" }, name: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${usage}`, 2);
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (!values.email) return fail(`--email is required.\n\n${usage}`, 2);
  const config = readToolConfig();
  if (typeof config === "number") return config;
  const database = await openToolDatabase(
    config,
    "The app is running on the embedded database (PGlite), which only one process can open. Stop the app, run this command, then start the app again.",
  );
  if (typeof database === "number") return database;
  try {
    const ctx = await createContext(database);
    try {
      const result = await createAdmin({ ctx, input: { email: values.email, name: values.name } });
      process.stdout.write(
        result.created
          ? `${values.email} is now national staff. They can sign in at ${config.publicUrl}/sign-in.\n`
          : `${values.email} was already national staff; nothing changed.\n`,
      );
      return 0;
    } catch (error) {
      if (error instanceof DomainError) return fail(`${error.message} Nothing was changed.`, 2);
      throw error;
    } finally {
      await ctx.cache.close();
    }
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
      process.exit(70);
    },
  );
}
