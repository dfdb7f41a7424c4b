import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs } from "../../../../tests/support/sign-in.js";
import { createTestDatabase, type TestDatabase } from "../../../../tests/support/test-database.js";
import { auditEvents, campaigns } from "../../../db/schema/index.js";
import { en } from "../../../i18n/en.js";
import { loadActor, type Actor } from "../../accounts/actor.js";
import { getActiveCampaign, getCampaign } from "../../campaigns/campaign-catalogue.js";
import type { Ctx } from "../../context.js";
import { DomainError } from "../../errors.js";
import { activateCampaign } from "./activate-campaign.js";
import { draftFromFields, fieldsFromDraft, unknownPlaceholders, wordsField } from "./campaign-draft.js";
import { getCampaignForEditing } from "./get-campaign-for-editing.js";
import { listCampaigns } from "./list-campaigns.js";
import { previewCampaign } from "./preview-campaign.js";
import { saveCampaign } from "./save-campaign.js";

let testDb: TestDatabase;
let ctx: Ctx;
let admin: Actor;
let organizer: Actor;
beforeAll(async () => {
  testDb = await createTestDatabase("loaded");
  ctx = testDb.ctx;
  admin = (await loadActor(ctx, (await signInAs(ctx, { admin: true, name: "Ella Staff" })).personId))!;
  organizer = { ...admin, personId: admin.personId + 1000, isAdmin: false, organizerOf: new Set([1]) };
});
afterAll(() => testDb.close());

const refusal = async (run: () => Promise<unknown>) => {
  try {
    await run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, fields: error.fieldErrors };
    throw error;
  }
  throw new Error("no refusal");
};

/** The default campaign's form, with some fields changed. */
async function defaultFields(changes: Record<string, string> = {}) {
  const editing = await getCampaignForEditing({ ctx, input: { actor: admin, slug: "medicare-for-all" } });
  return { ...fieldsFromDraft(editing.draft), ...changes };
}

const newCampaignFields = (slug: string, changes: Record<string, string> = {}) => ({
  slug,
  houseBillId: "119-hr3069",
  senateBillId: "",
  [wordsField("en", "title")]: "Hearings now",
  [wordsField("en", "summary")]: "Ask for a hearing.",
  [wordsField("en", "callScript", "cosponsor")]: "Thanks, {memberTitle} {memberLastName}, for backing {bill}.",
  [wordsField("en", "callScript", "notCosponsor")]: "Please back {bill}, {memberTitle} {memberLastName}. I am {callerName} from {callerPlace}.",
  [wordsField("en", "letter", "cosponsor")]: "Thank you for {bill}\nDear {memberTitle} {memberLastName},\nThank you.",
  [wordsField("en", "letter", "notCosponsor")]: "Please cosponsor {bill}\nDear {memberTitle} {memberLastName},\nPlease.",
  [wordsField("en", "post", "cosponsor")]: "Thank you {memberHandle} for {bill}!",
  [wordsField("en", "post", "notCosponsor")]: "{memberHandle}, cosponsor {bill}!",
  ...changes,
});

describe("campaign admin", () => {
  it("is for admins only", async () => {
    for (const actor of [organizer, undefined]) {
      expect((await refusal(() => listCampaigns({ ctx, input: { actor } }))).code).toBe("forbidden");
      expect((await refusal(() => getCampaignForEditing({ ctx, input: { actor, slug: "medicare-for-all" } }))).code).toBe("forbidden");
      expect((await refusal(() => saveCampaign({ ctx, input: { actor, draft: draftFromFields(newCampaignFields("x")) } }))).code).toBe("forbidden");
      expect((await refusal(() => activateCampaign({ ctx, input: { actor, slug: "medicare-for-all" } }))).code).toBe("forbidden");
    }
  });

  it("lists the default campaign as active with its bills", async () => {
    const list = await listCampaigns({ ctx, input: { actor: admin } });
    expect(list).toContainEqual(expect.objectContaining({ slug: "medicare-for-all", isActive: true, houseBill: "H.R.3069", senateBill: "S.1506" }));
  });

  it("edits the words, shows them on /act and records which boxes changed", async () => {
    const script = "Hi, I am {callerName} from {callerPlace}. Please sign on to {bill}, {memberTitle} {memberLastName}.";
    const fields = await defaultFields({ [wordsField("en", "callScript", "notCosponsor")]: `${script}\r\n` });
    await getCampaign({ ctx, input: { slug: "medicare-for-all" } }); // warm the cache: the save must clear it
    const saved = await saveCampaign({ ctx, input: { actor: admin, slug: "medicare-for-all", draft: draftFromFields(fields) } });
    expect(saved).toEqual({ slug: "medicare-for-all", created: false });
    const campaign = await getCampaign({ ctx, input: { slug: "medicare-for-all" } });
    expect(campaign.words("en").callScript.notCosponsor).toBe(script);
    expect(campaign.words("es").callScript.notCosponsor).toBe(fields[wordsField("es", "callScript", "notCosponsor")]);
    const [event] = await ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, "campaign.update"), eq(auditEvents.subject, "campaign:medicare-for-all")));
    expect(event).toMatchObject({ actorId: admin.personId, detail: { changed: ["en-callScript-notCosponsor"] } });
  });

  it("refuses unknown placeholders, missing English, long posts and letters without a body, per field", async () => {
    const fields = await defaultFields({
      [wordsField("en", "title")]: "",
      [wordsField("en", "callScript", "cosponsor")]: "Thanks {membrName} and {member name}",
      [wordsField("en", "post", "notCosponsor")]: "x".repeat(281),
      [wordsField("en", "letter", "cosponsor")]: "Only a subject",
      houseBillId: "119-s1506",
    });
    const refused = await refusal(() => saveCampaign({ ctx, input: { actor: admin, slug: "medicare-for-all", draft: draftFromFields(fields) } }));
    expect(refused).toEqual({
      code: "invalid",
      fields: {
        houseBillId: "invalid_choice",
        "en-title": "required",
        "en-callScript-cosponsor": "invalid_choice",
        "en-post-notCosponsor": "too_long",
        "en-letter-cosponsor": "too_short",
      },
    });
    expect(unknownPlaceholders("Thanks {membrName} and {member name} and {bill} {membrName}")).toEqual(["{membrName}", "{member name}"]);
  });

  it("stores Spanish only when written, and then wants all of it", async () => {
    const partial = newCampaignFields("spanish-test", { [wordsField("es", "title")]: "Audiencias ya" });
    const refused = await refusal(() => saveCampaign({ ctx, input: { actor: admin, draft: draftFromFields(partial) } }));
    expect(refused.fields["es-summary"]).toBe("required");
    expect(refused.fields["es-title"]).toBeUndefined();
    expect(refused.fields["en-title"]).toBeUndefined();

    const spanish = Object.fromEntries(Object.entries(newCampaignFields("x")).filter(([k]) => k.startsWith("en-")).map(([k, v]) => [k.replace(/^en-/, "es-"), `ES ${v}`]));
    await saveCampaign({ ctx, input: { actor: admin, draft: draftFromFields({ ...newCampaignFields("spanish-test"), ...spanish }) } });
    const campaign = await getCampaign({ ctx, input: { slug: "spanish-test" } });
    expect(campaign.words("es").title).toBe("ES Hearings now");
    expect(campaign.words("en").title).toBe("Hearings now");
  });

  it("creates campaigns with a new, well-formed slug only", async () => {
    expect((await refusal(() => saveCampaign({ ctx, input: { actor: admin, draft: draftFromFields(newCampaignFields("Bad Slug")) } }))).fields).toEqual({ slug: "invalid_choice" });
    expect((await refusal(() => saveCampaign({ ctx, input: { actor: admin, draft: draftFromFields(newCampaignFields("")) } }))).fields).toEqual({ slug: "required" });
    expect((await refusal(() => saveCampaign({ ctx, input: { actor: admin, draft: draftFromFields(newCampaignFields("medicare-for-all")) } }))).fields).toEqual({ slug: "no_match" });
    const created = await saveCampaign({ ctx, input: { actor: admin, draft: draftFromFields(newCampaignFields("hearings-now")) } });
    expect(created).toEqual({ slug: "hearings-now", created: true });
    const [row] = await ctx.db.select().from(campaigns).where(eq(campaigns.slug, "hearings-now"));
    expect(row).toMatchObject({ houseBillId: "119-hr3069", senateBillId: null, isActive: false });
    expect(row!.words.es).toBeUndefined(); // Spanish readers get the English words
    expect((await getCampaign({ ctx, input: { slug: "hearings-now" } })).words("es").title).toBe("Hearings now");
  });

  it("activates exactly one campaign, audited", async () => {
    await getActiveCampaign({ ctx });
    expect(await activateCampaign({ ctx, input: { actor: admin, slug: "hearings-now" } })).toEqual({ previous: "medicare-for-all" });
    expect((await getActiveCampaign({ ctx })).slug).toBe("hearings-now");
    const active = await ctx.db.select({ slug: campaigns.slug }).from(campaigns).where(eq(campaigns.isActive, true));
    expect(active).toEqual([{ slug: "hearings-now" }]);
    const [event] = await ctx.db.select().from(auditEvents).where(eq(auditEvents.action, "campaign.activate"));
    expect(event).toMatchObject({ subject: "campaign:hearings-now", detail: { previous: "medicare-for-all" } });
    expect((await refusal(() => activateCampaign({ ctx, input: { actor: admin, slug: "nope" } }))).code).toBe("not_found");
    await activateCampaign({ ctx, input: { actor: admin, slug: "medicare-for-all" } });
    expect((await getActiveCampaign({ ctx })).slug).toBe("medicare-for-all");
  });

  it("previews the thank-you for a cosponsor and the ask for someone not on the bill", async () => {
    const draft = draftFromFields(newCampaignFields("preview"));
    const preview = await previewCampaign({ ctx, input: { actor: admin, houseBillId: "119-hr3069", senateBillId: "", words: draft.words.en, titles: en.act.titles } });
    expect(preview.bill).toEqual({ id: "119-hr3069", number: "H.R.3069" });
    expect(preview.cosponsor).toMatchObject({ stance: "sponsor", member: { chamber: "house", title: "Representative" } });
    expect(preview.cosponsor!.messages.callScript).toMatch(/^Thanks, Representative \S+, for backing H\.R\.3069\.$/);
    expect(preview.notCosponsor!.stance).toBe("not-cosponsor");
    expect(preview.notCosponsor!.messages.callScript).toContain("I am Alex Rivera from Minneapolis, MN 55401.");
    expect(preview.notCosponsor!.messages.letterSubject).toBe("Please cosponsor H.R.3069");

    const noBill = await previewCampaign({ ctx, input: { actor: admin, houseBillId: "", senateBillId: "", words: draft.words.en, titles: en.act.titles } });
    expect(noBill.bill).toBeNull();
    expect(noBill.cosponsor).toBeNull();
    expect(noBill.notCosponsor!.messages.variant).toBe("notCosponsor");
  });
});
