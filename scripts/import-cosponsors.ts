/**
 * `npm run data:cosponsors -- --bill hr3069-119 [--file PATH] [--as-of YYYY-MM-DD] [--allow-older]`
 *
 * Replaces a bill's cosponsor roll with an official one: a saved govinfo BILLSTATUS XML file or
 * congress.gov API cosponsors JSON response (--file), or, with CONGRESS_API_KEY set, fetched from
 * api.congress.gov. Prints who joined, withdrew or is no longer listed.
 * Exit codes: 0 imported, 1 congress.gov could not be reached, 2 bad flags, file or roll (nothing
 * changed), 75 the embedded database is in use by the running app, 78 bad configuration.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createContext } from "../src/boot.js";
import { openToolDatabase, readToolConfig } from "./tool-setup.js";
import type { Ctx } from "../src/domain/context.js";
import { billIdFromSlug } from "../src/domain/congress/bill-slug.js";
import { importCosponsors, type CosponsorChanges } from "../src/domain/congress/import-cosponsors.js";
import { officialRollAsOf, officialRollSourceUrl } from "../src/domain/congress/official-roll-dates.js";
import { congressGovCosponsors } from "../src/domain/congress/parsers/congress-gov-cosponsors-json.js";
import { parseCosponsorFile } from "../src/domain/congress/parsers/cosponsor-file.js";
import { billLabel, isIsoDate, type OfficialRoll } from "../src/domain/congress/parsers/official-roll.js";
import { DomainError } from "../src/domain/errors.js";
import { DataFileError } from "../src/domain/public-data/formats/data-file-error.js";
import { CongressGovError, createCongressGovClient, type CongressGovClient } from "../src/integrations/congress-gov.js";

export const usage = `Usage: npm run data:cosponsors -- --bill SLUG [--file PATH] [--as-of YYYY-MM-DD] [--allow-older]

  --bill SLUG      the bill as in its web address, e.g. hr3069-119
  --file PATH      a saved official roll: a govinfo BILLSTATUS XML file
                   (https://www.govinfo.gov/bulkdata/BILLSTATUS) or a congress.gov API
                   cosponsors JSON response; the format is told from the content.
                   Without --file the roll is fetched from api.congress.gov with CONGRESS_API_KEY.
  --as-of DATE     JSON only (it carries no date): the day the file was downloaded; default today.
                   BILLSTATUS files are dated by their own <updateDate>.
  --allow-older    replace a stored roll that is newer than this one`;

export class UsageError extends Error {
  override name = "UsageError";
}

export interface ImportCosponsorsArgs {
  billId: string;
  file: string | undefined;
  asOf: string | undefined;
  allowOlder: boolean;
  help: boolean;
}

export function parseImportCosponsorsArgs(argv: string[]): ImportCosponsorsArgs {
  let values: { bill?: string; file?: string; "as-of"?: string; "allow-older"?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        bill: { type: "string" },
        file: { type: "string" },
        "as-of": { type: "string" },
        "allow-older": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const help = values.help ?? false;
  if (help) return { billId: "", file: undefined, asOf: undefined, allowOlder: false, help };
  if (!values.bill) throw new UsageError("--bill is required, e.g. --bill hr3069-119");
  const billId = billIdFromSlug(values.bill);
  if (!billId) throw new UsageError(`--bill: ${JSON.stringify(values.bill)} is not a bill such as hr3069-119 or s1506-119`);
  if (values.file === "") throw new UsageError("--file needs a path");
  if (values["as-of"] !== undefined && !isIsoDate(values["as-of"])) {
    throw new UsageError(`--as-of: ${JSON.stringify(values["as-of"])} is not a date YYYY-MM-DD`);
  }
  return { billId, file: values.file, asOf: values["as-of"], allowOlder: values["allow-older"] ?? false, help };
}

export interface RollToImport {
  roll: OfficialRoll;
  asOf: string;
  sourceUrl: string;
  /** Where it came from, for messages. */
  source: string;
}

/** Read and check the roll before the database is touched: a bad file never opens it. */
export async function loadRoll(
  args: ImportCosponsorsArgs,
  deps: { congressGov: CongressGovClient | undefined; today: string; log: (line: string) => void },
): Promise<RollToImport> {
  let roll: OfficialRoll;
  let source: string;
  if (args.file !== undefined) {
    source = args.file;
    let text: string;
    try {
      text = readFileSync(args.file, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(`--file: cannot read ${resolve(args.file)}${code === "ENOENT" ? ": no such file" : `: ${(error as Error).message}`}`);
    }
    deps.log(`Reading ${args.file}`);
    roll = parseCosponsorFile(text, args.file, args.billId);
  } else {
    if (!deps.congressGov) {
      throw new UsageError(
        "no --file given and CONGRESS_API_KEY is not set: pass a saved BILLSTATUS XML or congress.gov JSON file with --file, " +
          "or set CONGRESS_API_KEY (free at https://api.congress.gov/sign-up/) to fetch the roll",
      );
    }
    source = "api.congress.gov";
    deps.log(`Fetching the cosponsors of ${billLabel(args.billId)} from api.congress.gov`);
    roll = congressGovCosponsors(await deps.congressGov.fetchCosponsors(args.billId), "the api.congress.gov response", args.billId);
  }
  const dated = officialRollAsOf(roll, args.asOf, deps.today);
  if (!dated.ok) {
    throw new UsageError(`--as-of is for JSON files; ${source} is a BILLSTATUS file dated ${dated.fileDate} by its own <updateDate>`);
  }
  const asOf = dated.asOf;
  const withdrawn = roll.cosponsors.length - roll.officialCount;
  deps.log(
    `Read ${roll.cosponsors.length} cosponsor(s) (${roll.officialCount} current, ${withdrawn} withdrawn) as of ${asOf}` +
      (roll.asOf === undefined && args.asOf === undefined ? " (JSON carries no date: today; pass --as-of for an older file)" : ""),
  );
  return { roll, asOf, sourceUrl: officialRollSourceUrl(roll, args.billId), source };
}

export function importRoll(ctx: Ctx, billId: string, loaded: RollToImport, allowOlder: boolean): Promise<CosponsorChanges> {
  return importCosponsors({
    ctx,
    input: {
      billId,
      roll: loaded.roll.cosponsors,
      asOf: loaded.asOf,
      officialCount: loaded.roll.officialCount,
      sourceUrl: loaded.sourceUrl,
      allowOlder,
    },
  });
}

/** "H.R.3069: 117 cosponsors as of 2026-11-20 (official count 117). Added: …" */
export function changeSummary(changes: CosponsorChanges): string {
  const was =
    changes.previousAsOf === null ? "" : `; before: ${changes.previousOfficialCount ?? "?"} as of ${changes.previousAsOf}`;
  const lines = [
    "",
    `${changes.billNumber}: ${changes.officialCount} cosponsors as of ${changes.asOf} (official count ${changes.officialCount}${was}).`,
  ];
  const list = (title: string, names: string[]) => {
    if (names.length === 0) return;
    const shown = names.length > 25 ? [...names.slice(0, 25), `and ${names.length - 25} more`] : names;
    lines.push(`${title} (${names.length}): ${shown.join("; ")}`);
  };
  list("Added", changes.added);
  list("Withdrawn", changes.withdrawn);
  list("No longer listed", changes.removed);
  list("Listed as cosponsor but kept as sponsor", changes.keptAsSponsor);
  if (changes.added.length + changes.withdrawn.length + changes.removed.length === 0) {
    lines.push(changes.previousAsOf === null ? "No cosponsors were listed before." : `No changes since ${changes.previousAsOf}.`);
  }
  lines.push(`Unchanged: ${changes.unchanged}`, "");
  return lines.join("\n");
}

async function main(): Promise<number> {
  const fail = (message: string, code: number) => {
    process.stderr.write(`${message}\n`);
    return code;
  };
  let args: ImportCosponsorsArgs;
  try {
    args = parseImportCosponsorsArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return fail(`${error.message}\n\n${usage}`, 2);
  }
  if (args.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const config = readToolConfig();
  if (typeof config === "number") return config;

  let loaded: RollToImport;
  try {
    const apiKey = config.congressApiKey;
    loaded = await loadRoll(args, {
      congressGov: args.file === undefined && apiKey ? createCongressGovClient({ apiKey }) : undefined,
      today: new Date().toISOString().slice(0, 10),
      log: (line) => process.stderr.write(`${line}\n`),
    });
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message, 2);
    if (error instanceof DataFileError) return fail(`${error.message}\nNothing was imported. Fix or replace the file and run the command again.`, 2);
    if (error instanceof CongressGovError) return fail(`${error.message}\nNothing was imported.`, 1);
    throw error;
  }

  const database = await openToolDatabase(
    config,
    "The app is running on the embedded database (PGlite), which only one process can open. " +
      "Stop the app, run this command, then start the app again (with PostgreSQL both can run at once).",
  );
  if (typeof database === "number") return database;
  try {
    const ctx = await createContext(database);
    try {
      const changes = await importRoll(ctx, args.billId, loaded, args.allowOlder);
      process.stdout.write(changeSummary(changes));
      return 0;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const hint = error.code === "conflict" ? " Pass --allow-older to import it anyway." : "";
      return fail(`${error.message}.${hint}\nNothing was imported.`, 2);
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
