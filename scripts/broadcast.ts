/**
 * `npm run broadcast -- --subject "…" --body update.md --audience state:MN [--sender "Name"] [--reply-to addr] [--dry-run]`
 * `npm run broadcast -- --resume <broadcastId>`
 *
 * Sends a broadcast from the command line: saves it, snapshots the recipients, then sends in
 * this process (the same job queue and mail worker the app runs) with a progress bar until
 * nothing is left queued. Ctrl-C stops after the messages in flight; `--resume` (or simply
 * starting the app) finishes the rest. `--dry-run` counts the audience and prints one
 * recipient's copy, and saves nothing.
 *
 * Exit codes: 0 every message sent (or skipped: the person unsubscribed meanwhile), 1 some
 * failed, 64 bad flags, 65 the broadcast is invalid or unknown, 66 the body file cannot be
 * read, 75 the embedded database is in use by the running app, 78 bad configuration,
 * 130 stopped with Ctrl-C. Entry script: it may read process.env.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import pino, { type Logger } from "pino";
import { createContext, mailSettings, startBackgroundWork } from "../src/boot.js";
import type { Config } from "../src/config.js";
import type { Database } from "../src/db/client.js";
import { createBroadcast } from "../src/domain/broadcasts/create-broadcast.js";
import { getBroadcastProgress, type BroadcastProgress } from "../src/domain/broadcasts/get-broadcast-progress.js";
import { listBroadcastFailures } from "../src/domain/broadcasts/list-broadcast-failures.js";
import { previewBroadcast } from "../src/domain/broadcasts/preview-broadcast.js";
import { startBroadcast } from "../src/domain/broadcasts/start-broadcast.js";
import { withTransaction, type Ctx } from "../src/domain/context.js";
import { DomainError, type FieldErrorCode } from "../src/domain/errors.js";
import { openToolDatabase, readToolConfig } from "./tool-setup.js";

export const usage = `Usage:
  npm run broadcast -- --subject TEXT --body FILE --audience AUDIENCE [--sender NAME] [--reply-to ADDRESS] [--dry-run]
  npm run broadcast -- --resume BROADCAST_ID

  --subject TEXT        the subject line (at most 200 characters)
  --body FILE           the message, in Markdown (links, **bold**, lists)
  --audience AUDIENCE   all (everyone on the national list), state:MN (people in that state on
                        the national or state list) or group:ID (a group's list)
  --sender NAME         the name shown as sender (default: the name in MAIL_FROM); the address
                        stays MAIL_FROM's
  --reply-to ADDRESS    where replies go (default: MAIL_REPLY_TO, if set)
  --dry-run             count the audience and print one recipient's copy; save and send nothing
  --resume ID           finish sending a broadcast that was stopped or whose sender crashed`;

export const exitCodes = { ok: 0, failed: 1, usage: 64, invalid: 65, noInput: 66, internal: 70, locked: 75, config: 78, interrupted: 130 } as const;

export class UsageError extends Error {
  override name = "UsageError";
}

export type BroadcastArgs =
  | { mode: "help" }
  | { mode: "resume"; broadcastId: number }
  | { mode: "send" | "dry-run"; subject: string; bodyFile: string; audience: string; sender: string | undefined; replyTo: string | undefined };

export function parseBroadcastArgs(argv: string[]): BroadcastArgs {
  let values: Partial<Record<"subject" | "body" | "audience" | "sender" | "reply-to" | "resume", string>> & { "dry-run"?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        subject: { type: "string" },
        body: { type: "string" },
        audience: { type: "string" },
        sender: { type: "string" },
        "reply-to": { type: "string" },
        "dry-run": { type: "boolean" },
        resume: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return { mode: "help" };

  if (values.resume !== undefined) {
    const others = (["subject", "body", "audience", "sender", "reply-to", "dry-run"] as const).filter((key) => values[key] !== undefined);
    if (others.length > 0) throw new UsageError(`--resume takes no other flags (got ${others.map((key) => `--${key}`).join(", ")}): the broadcast already has them`);
    if (!/^\d{1,9}$/.test(values.resume)) throw new UsageError(`--resume needs a broadcast number, like --resume 12 (got ${JSON.stringify(values.resume)})`);
    return { mode: "resume", broadcastId: Number(values.resume) };
  }

  const missing = (["subject", "body", "audience"] as const).filter((key) => values[key] === undefined);
  if (missing.length > 0) throw new UsageError(`missing ${missing.map((key) => `--${key}`).join(", ")}`);
  if (values.body === "") throw new UsageError("--body needs the path of a Markdown file");
  return {
    mode: values["dry-run"] ? "dry-run" : "send",
    subject: values.subject!,
    bodyFile: values.body!,
    audience: values.audience!,
    sender: values.sender,
    replyTo: values["reply-to"],
  };
}

/** The flag each createBroadcast field comes from, and what to do about each problem. */
const fieldFlags: Record<string, string> = { subject: "--subject", bodyMarkdown: "--body", audience: "--audience", senderName: "--sender", replyTo: "--reply-to" };
const fieldAdvice: Record<FieldErrorCode, (field: string) => string> = {
  required: (field) => (field === "bodyMarkdown" ? "names an empty file: write the message in it" : "is empty: give it a value"),
  too_long: (field) =>
    ({ subject: "is longer than 200 characters: shorten it", senderName: "is longer than 100 characters: shorten it" })[field] ??
    "is longer than 100,000 characters: shorten it",
  invalid_email: () => "is not an e-mail address: give one like organizers@example.org",
  invalid_choice: () =>
    "is not an audience we know: use all, state: and a state's two-letter code (state:MN), or group: and an existing group's number (group:12). " +
    "States and groups come from the public data: if it was never imported, run `npm run data:update` first",
  invalid_zip: () => "is not valid",
  unknown_zip: () => "is not valid",
  invalid_phone: () => "is not valid",
  out_of_range: () => "is out of range",
  invalid_host: () => "is not valid",
  invalid_url: () => "is not a web address: give one starting with https://",
  too_short: () => "is too short",
  no_match: () => "does not match",
  invalid_time: () => "is not a date and time",
  nonexistent_time: () => "is a time the clocks skip",
  ends_before_start: () => "ends before it starts",
  invalid_date: () => "is not a date like 2025-04-29",
  future_date: () => "is a date in the future",
  already_listed: () => "is already listed",
};

export function describeFieldErrors(error: DomainError, given: Record<string, string | undefined> = {}): string[] {
  return Object.entries(error.fieldErrors).map(([field, code]) => {
    const value = field !== "bodyMarkdown" && given[field] !== undefined ? ` ${JSON.stringify(given[field])}` : "";
    return `  ${fieldFlags[field] ?? field}${value} ${fieldAdvice[code!](field)}`;
  });
}

/** "Everybody In" from `Everybody In <updates@example.org>`; the organizers' default signature. */
export function defaultSenderName(from: string): string {
  const name = /^\s*"?([^"<]*?)"?\s*</.exec(from)?.[1]?.trim();
  return name || "Everybody In";
}

const out = (text: string) => process.stdout.write(`${text}\n`);
const err = (text: string) => process.stderr.write(`${text}\n`);
const n = (value: number) => value.toLocaleString("en-US");

async function main(): Promise<number> {
  let args: BroadcastArgs;
  try {
    args = parseBroadcastArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`${error.message}\n\n${usage}`);
    return exitCodes.usage;
  }
  if (args.mode === "help") {
    out(usage);
    return exitCodes.ok;
  }

  let body: string | undefined;
  if (args.mode !== "resume") {
    try {
      body = readFileSync(args.bodyFile, "utf8");
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
      err(`Cannot read the message body ${resolve(args.bodyFile)}: ${reason}. Check the path given to --body.`);
      return exitCodes.noInput;
    }
  }

  const config = readToolConfig();
  if (typeof config === "number") return config;
  const database = await openToolDatabase(config, "The running app sends broadcasts too: stop it, run this again, then start the app.");
  if (typeof database === "number") return database;
  const ctx = await createContext(database);
  try {
    if (args.mode === "dry-run") return await dryRun(ctx, config, { ...args, body: body! });
    // The app logs JSON on stdout; here stdout is for people, so worker warnings go to stderr.
    const logger = pino({ level: process.env.LOG_LEVEL ? config.logLevel : "warn", base: { pid: process.pid } }, pino.destination(2));
    return await send(ctx, config, database, logger, args.mode === "resume" ? args : { ...args, mode: "send", body: body! });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === "invalid") {
      const given = args.mode === "resume" ? {} : { subject: args.subject, audience: args.audience, senderName: args.sender, replyTo: args.replyTo };
      err(`The broadcast was not saved:\n${describeFieldErrors(error, given).join("\n")}`);
    } else err(error.message);
    return exitCodes.invalid;
  } finally {
    await ctx.cache.close();
    await database.close();
  }
}

type Draft = { subject: string; body: string; audience: string; sender: string | undefined; replyTo: string | undefined };

const draftInput = (draft: Draft, config: Config) => ({
  subject: draft.subject,
  bodyMarkdown: draft.body,
  audience: draft.audience,
  senderName: draft.sender ?? defaultSenderName(config.mail.from),
  ...(draft.replyTo !== undefined ? { replyTo: draft.replyTo } : {}),
});

class Rollback extends Error {}

async function dryRun(ctx: Ctx, config: Config, draft: Draft): Promise<number> {
  // The same checks as a real send, in a transaction that is rolled back: no draft is kept.
  let report = "";
  await withTransaction(ctx, async (tx) => {
    const { id } = await createBroadcast({ ctx: tx, input: draftInput(draft, config) });
    const preview = await previewBroadcast({ ctx: { ...tx, mail: mailSettings(config) }, input: { broadcastId: id } });
    const lines = [
      "Dry run: nothing was saved or sent.",
      "",
      `Audience:  ${draft.audience.trim()} — ${n(preview.recipients)} recipient${preview.recipients === 1 ? "" : "s"}`,
      `Subject:   ${draft.subject.trim()}`,
    ];
    if (preview.sample) {
      lines.push(`From:      ${preview.sample.from}`);
      if (preview.sample.replyTo) lines.push(`Reply-To:  ${preview.sample.replyTo}`);
      lines.push("", `Plain-text copy for ${preview.sample.to}:`, "", preview.sample.text);
    } else {
      lines.push("", "Nobody in this audience has confirmed their address and subscribed, so nothing would be sent.");
    }
    report = lines.join("\n");
    throw new Rollback();
  }).catch((error: unknown) => {
    if (!(error instanceof Rollback)) throw error;
  });
  out(report);
  return exitCodes.ok;
}

async function send(
  ctx: Ctx,
  config: Config,
  database: Database,
  logger: Logger,
  what: (Draft & { mode: "send" }) | { mode: "resume"; broadcastId: number },
): Promise<number> {
  let broadcastId: number;
  if (what.mode === "resume") {
    broadcastId = what.broadcastId;
    const progress = await getBroadcastProgress({ ctx, input: { broadcastId } });
    if (progress.status === "draft") {
      err(`Broadcast ${broadcastId} was saved but never started, so there is nothing to resume. Send it again without --resume.`);
      return exitCodes.invalid;
    }
  } else {
    // Saved (and so checked) before the queue starts: a typo fails fast and queues nothing.
    broadcastId = (await createBroadcast({ ctx, input: draftInput(what, config) })).id;
  }

  const background = await startBackgroundWork(config, database, ctx, logger);
  let stopRequested: (() => void) | undefined;
  const stopped = new Promise<"stop">((resolveStop) => (stopRequested = () => resolveStop("stop")));
  let interrupts = 0;
  const onSignal = () => {
    interrupts += 1;
    if (interrupts > 1) {
      err("\nStopping at once. Messages that were mid-send may go out again when the broadcast is resumed.");
      process.exit(exitCodes.interrupted);
    }
    stopRequested?.();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  try {
    const started = Date.now();
    if (what.mode === "resume") {
      const progress = await getBroadcastProgress({ ctx, input: { broadcastId } });
      out(`Resuming broadcast ${broadcastId} "${progress.subject}" (${progress.audience}): ${n(progress.queued)} of ${n(progress.recipients)} still to send.`);
      if (background.recovered > 0) {
        out(`Took back ${n(background.recovered)} message(s) the stopped process had in hand; any it had already handed to the mail server go out a second time with the same Message-ID.`);
      }
    } else {
      const { recipients } = await startBroadcast({ ctx: background.ctx, input: { broadcastId } });
      out(`Broadcast ${broadcastId}: sending to ${n(recipients)} recipient${recipients === 1 ? "" : "s"} (${what.audience.trim()}).`);
    }

    const bar = progressDisplay(process.stderr);
    let progress = await getBroadcastProgress({ ctx, input: { broadcastId } });
    let lastMove = { at: Date.now(), queued: progress.queued };
    let hinted = false;
    while (progress.queued > 0) {
      bar.update(progress);
      if (progress.queued !== lastMove.queued) lastMove = { at: Date.now(), queued: progress.queued };
      else if (!hinted && Date.now() - lastMove.at > 30_000) {
        hinted = true;
        bar.note(
          "No progress for 30 s. Messages a stopped process had in hand go out when their jobs expire (about 2 minutes) " +
            "while another app process is running; a message that met a temporary failure is retried after 30 s, then 1, 2, 4, 8 minutes.",
        );
      }
      const outcome = await Promise.race([stopped, sleep(process.stderr.isTTY ? 500 : 1000)]);
      if (outcome === "stop") {
        bar.end();
        err("Stopping: finishing the messages in flight…");
        await background.stop();
        progress = await getBroadcastProgress({ ctx, input: { broadcastId } });
        err(
          `Stopped. ${n(progress.sent)} of ${n(progress.recipients)} sent, ${n(progress.queued)} still queued.\n` +
            `To finish, run \`npm run broadcast -- --resume ${broadcastId}\`, or start the app (\`npm start\`): it sends queued mail in the background.`,
        );
        return exitCodes.interrupted;
      }
      progress = await getBroadcastProgress({ ctx, input: { broadcastId } });
    }
    bar.update(progress);
    bar.end();
    await background.stop();

    const seconds = (Date.now() - started) / 1000;
    out(
      `Broadcast ${broadcastId} finished in ${seconds.toFixed(1)} s: ${n(progress.sent)} sent, ${n(progress.failed)} failed, ` +
        `${n(progress.skipped)} skipped (unsubscribed before their turn) of ${n(progress.recipients)}.`,
    );
    if (progress.failed === 0) return exitCodes.ok;
    const failures = await listBroadcastFailures({ ctx, input: { broadcastId, limit: 10 } });
    out("\nNot delivered (the mail server refused them, or every retry failed):");
    for (const message of failures.messages) out(`  ${message.to} after ${message.attempts} attempt(s): ${message.error ?? "unknown error"}`);
    if (failures.total > failures.messages.length) out(`  … and ${n(failures.total - failures.messages.length)} more`);
    out("Check these addresses; a 5xx error usually means the address does not exist.");
    return exitCodes.failed;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await background.stop();
  }
}

const sleep = (ms: number) => new Promise<"tick">((resolveSleep) => setTimeout(() => resolveSleep("tick"), ms));

/** A live bar on a terminal; in a log (CI, cron, a test) one line every few seconds. */
function progressDisplay(stream: NodeJS.WriteStream) {
  let lastLine = 0;
  let last: { at: number; done: number } | undefined;
  let rate = 0;
  return {
    update(p: BroadcastProgress) {
      const now = Date.now();
      const done = p.sent + p.failed + p.skipped;
      if (last && now - last.at >= 1000) {
        rate = ((done - last.done) * 1000) / (now - last.at);
        last = { at: now, done };
      }
      last ??= { at: now, done };
      const fraction = p.recipients ? done / p.recipients : 1;
      const counts = `${n(p.sent)} sent · ${n(p.failed)} failed · ${n(p.skipped)} skipped · ${n(p.queued)} queued`;
      if (stream.isTTY) {
        const width = 24;
        const filled = Math.round(Math.min(1, fraction) * width);
        stream.write(`\r\x1b[2K[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${Math.floor(fraction * 100)}% ${counts}${rate ? ` · ${Math.round(rate)}/s` : ""}`);
      } else if (now - lastLine >= 5000 || p.queued === 0) {
        lastLine = now;
        stream.write(`${Math.floor(fraction * 100)}% ${counts}\n`);
      }
    },
    end() {
      if (stream.isTTY) stream.write("\n");
    },
    note(text: string) {
      stream.write(stream.isTTY ? `\r\x1b[2K${text}\n` : `${text}\n`);
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
      process.exit(exitCodes.internal);
    },
  );
}
