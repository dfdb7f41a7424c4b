import { eq } from "drizzle-orm";
import { cacheTags } from "../../../db/read-cache.js";
import { bills } from "../../../db/schema/index.js";
import type { Actor } from "../../accounts/actor.js";
import { authorize } from "../../access/policy.js";
import { recordAuditEvent } from "../../audit/record-audit-event.js";
import { replaceCosponsorRoll, type CosponsorChanges } from "../../congress/import-cosponsors.js";
import { officialRollAsOf, officialRollSourceUrl } from "../../congress/official-roll-dates.js";
import { parseCosponsorFile } from "../../congress/parsers/cosponsor-file.js";
import { isIsoDate, type OfficialRoll } from "../../congress/parsers/official-roll.js";
import { withTransaction, type Ctx } from "../../context.js";
import { DomainError, invalid, type FieldErrors } from "../../errors.js";
import { DataFileError } from "../../public-data/formats/data-file-error.js";

/** The message of a refusal that only concerns the form's fields (no parser or importer explanation). */
export const FIELDS_NEED_ATTENTION = "Some fields need attention.";

export interface UploadCosponsorFileInput {
  actor: Actor | undefined;
  billId: string;
  /** The file's text: a govinfo BILLSTATUS XML file or a congress.gov cosponsors JSON response. */
  text: string;
  /** For messages: the uploaded file's name, or "the pasted text". */
  fileName: string;
  /** JSON only: the day it was downloaded (default today). "" = not given. */
  asOf?: string | undefined;
  /** Replace a stored roll that is newer than this one. */
  allowOlder?: boolean | undefined;
}

export interface CosponsorUploadResult extends CosponsorChanges {
  format: OfficialRoll["format"];
}

/**
 * The admin screen's `npm run data:cosponsors -- --file`: the same parser and importer, so a
 * file the command line refuses is refused here with the same message, and nothing changes.
 * Field errors are codes the upload form words itself; `message` carries the parser's or the
 * importer's own explanation: billId "invalid_choice" (no such bill), file "required" / "invalid_choice"
 * (not a roll for that bill), asOf "invalid_choice" (not a date, or a BILLSTATUS file, which
 * carries its own date), allowOlder "required" (the stored roll is newer).
 */
export async function uploadCosponsorFile({ ctx, input }: { ctx: Ctx; input: UploadCosponsorFileInput }): Promise<CosponsorUploadResult> {
  authorize(input.actor, { to: "administer" });
  const actor = input.actor;
  const asOfGiven = input.asOf?.trim() || undefined;
  const errors: FieldErrors = {};
  const [bill] = input.billId ? await ctx.db.select({ id: bills.id }).from(bills).where(eq(bills.id, input.billId)) : [];
  if (!bill) errors.billId = "invalid_choice";
  if (input.text.trim() === "") errors.file = "required";
  if (asOfGiven !== undefined && !isIsoDate(asOfGiven)) errors.asOf = "invalid_choice";
  if (Object.keys(errors).length > 0) throw invalid(FIELDS_NEED_ATTENTION, errors);

  let roll: OfficialRoll;
  try {
    roll = parseCosponsorFile(input.text, input.fileName, input.billId);
  } catch (error) {
    if (error instanceof DataFileError) throw invalid(error.message, { file: "invalid_choice" });
    throw error;
  }
  const dated = officialRollAsOf(roll, asOfGiven, ctx.now().toISOString().slice(0, 10));
  if (!dated.ok) {
    throw invalid(`The date is for JSON files; ${input.fileName} is a BILLSTATUS file dated ${dated.fileDate} by its own <updateDate>.`, { asOf: "invalid_choice" });
  }

  let changes: CosponsorChanges;
  try {
    changes = await withTransaction(ctx, async (tx) => {
      const imported = await replaceCosponsorRoll({
        ctx: tx,
        input: {
          billId: input.billId,
          roll: roll.cosponsors,
          asOf: dated.asOf,
          officialCount: roll.officialCount,
          sourceUrl: officialRollSourceUrl(roll, input.billId),
          allowOlder: input.allowOlder ?? false,
        },
      });
      await recordAuditEvent({
        ctx: tx,
        input: {
          actorId: actor.personId,
          action: "cosponsors.import",
          subject: `bill:${input.billId}`,
          detail: {
            file: input.fileName,
            format: roll.format,
            asOf: imported.asOf,
            previousAsOf: imported.previousAsOf,
            officialCount: imported.officialCount,
            added: imported.added,
            withdrawn: imported.withdrawn,
            removed: imported.removed,
          },
        },
      });
      return imported;
    });
  } catch (error) {
    if (error instanceof DomainError && error.code === "conflict") throw invalid(sentence(error.message), { allowOlder: "required" });
    if (error instanceof DomainError && error.code === "invalid") throw invalid(sentence(error.message), { file: "invalid_choice" });
    throw error;
  }
  // After the commit: every app process reloads the congress directory and the pages built on it.
  await ctx.cache.invalidate(cacheTags.publicData);
  return { ...changes, format: roll.format };
}

/** The importer's messages are clauses for the command line ("the official count is …"). */
const sentence = (clause: string) => `${clause.charAt(0).toUpperCase()}${clause.slice(1)}${/[.!?]$/.test(clause) ? "" : "."}`;
