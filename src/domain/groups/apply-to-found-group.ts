import { and, eq, isNull, like } from "drizzle-orm";
import { groupApplications, groups, states, zipCentroids } from "../../db/schema/index.js";
import { isLocale, messagesFor, type Locale } from "../../i18n/index.js";
import { slugify } from "../../lib/slugify.js";
import { renderMail } from "../../mail/templates.js";
import { withTransaction, type MailCtx } from "../context.js";
import { invalid, type FieldErrors } from "../errors.js";
import { enqueueMail } from "../mail/enqueue-mail.js";
import { findOrCreatePerson } from "../people/find-or-create-person.js";
import { requireText, validatePersonFields } from "../people/validate-person-fields.js";
import { lookupZip } from "../places/lookup-zip.js";
import { locateGroups } from "./locate-groups.js";

export interface FoundGroupInput {
  name: string;
  email: string;
  zip: string;
  groupName: string;
  city: string;
  why: string;
  whoTheyKnow?: string;
  experience?: string;
  locale: string;
}

/**
 * A founding application: creates the group as *pending* (never listed until national staff
 * approve it), records why the applicant wants it and who they know, and acknowledges it by
 * e-mail. The group's state is the applicant's, from their ZIP code.
 */
export async function applyToFoundGroup({ ctx, input }: { ctx: MailCtx; input: FoundGroupInput }): Promise<{ applicationId: number; groupId: number }> {
  const errors: FieldErrors = {};
  const { name, zip } = validatePersonFields(input, errors);
  const groupName = requireText(input.groupName, "groupName", 120, errors);
  const city = requireText(input.city, "city", 80, errors);
  const why = requireText(input.why, "why", 4000, errors);
  const whoTheyKnow = requireText(input.whoTheyKnow, "whoTheyKnow", 4000, errors, false);
  const experience = requireText(input.experience, "experience", 4000, errors, false);
  const place = zip ? await lookupZip({ ctx, input: { zip } }) : undefined;
  if (zip && !place) errors.zip = "unknown_zip";
  if (groupName && !slugify(groupName)) errors.groupName = "invalid_choice";
  if (Object.keys(errors).length > 0) throw invalid("Please correct the marked fields.", errors);
  const state = place!.states[0]!;
  const locale: Locale = isLocale(input.locale) ? input.locale : "en";

  return withTransaction(ctx, async (tx) => {
    const person = await findOrCreatePerson({ ctx: tx, input: { email: input.email, name, zip, state, locale, sourcePage: "/start-a-group" } });
    const slug = await freeSlug(tx.db, state, slugify(groupName));
    const [centroid] = await tx.db.select().from(zipCentroids).where(eq(zipCentroids.zcta, zip!));
    const now = tx.now();
    const [group] = await tx.db
      .insert(groups)
      .values({ slug, name: groupName, state, city, kind: "local group", status: "pending", createdAt: now, updatedAt: now })
      .returning({ id: groups.id });
    // The city's ZIP areas place it best; the applicant's own ZIP is the fallback.
    await locateGroups(tx.db);
    if (centroid) {
      await tx.db
        .update(groups)
        .set({ latitude: centroid.latitude, longitude: centroid.longitude })
        .where(and(eq(groups.id, group!.id), isNull(groups.latitude)));
    }
    const [application] = await tx.db
      .insert(groupApplications)
      .values({ groupId: group!.id, applicantId: person.id, why, whoTheyKnow: whoTheyKnow || null, experience: experience || null, status: "pending", createdAt: now })
      .returning({ id: groupApplications.id });
    const [stateRow] = await tx.db.select({ name: states.name }).from(states).where(eq(states.usps, state));
    const t = messagesFor(locale);
    await enqueueMail({
      ctx: tx,
      input: {
        idempotencyKey: `founding-received:${application!.id}`,
        personId: person.id,
        to: { address: person.email, name: person.name },
        template: "founding-received",
        ...renderMail(t, { template: "founding-received", name: person.name, groupName, stateName: stateRow?.name ?? state }),
      },
    });
    return { applicationId: application!.id, groupId: group!.id };
  });
}

/** "boise-m4a", or "boise-m4a-2" when a group in the state (pending ones too) has it already. */
async function freeSlug(db: MailCtx["db"], state: string, base: string) {
  const taken = new Set(
    (await db.select({ slug: groups.slug }).from(groups).where(and(eq(groups.state, state), like(groups.slug, `${base}%`)))).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
