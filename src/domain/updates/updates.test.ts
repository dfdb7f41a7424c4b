import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailTestContext, type MailTestContext } from "../../../tests/support/mail-context.js";
import { mailMessages, people, subscriptions } from "../../db/schema/index.js";
import { messagesFor } from "../../i18n/index.js";
import { DomainError } from "../errors.js";
import { confirmEmail } from "./confirm-email.js";
import { getPreferences, unsubscribe, updatePreferences } from "./manage-subscriptions.js";
import { signUpForUpdates } from "./sign-up-for-updates.js";

let m: MailTestContext;
let seq = 0;
const uniqueEmail = () => `supporter${++seq}.${Date.now()}@example.org`;
const signUp = (overrides: Partial<Parameters<typeof signUpForUpdates>[0]["input"]> = {}) =>
  signUpForUpdates({
    ctx: m.ctx,
    input: { name: "Rosa Parks", email: uniqueEmail(), zip: "55401", scope: "national", locale: "en", sourcePage: "/updates", ...overrides },
  });
const tokenFrom = (url: string | undefined) => url?.split("/updates/confirm/")[1] ?? "";
const subscriptionOf = async (personId: number, list = "national") =>
  (await m.ctx.db.select().from(subscriptions).where(eq(subscriptions.personId, personId))).find((s) => s.list === list);

beforeAll(async () => {
  m = await createMailTestContext("loaded");
});
afterAll(async () => {
  await m.close();
});

describe("signing up for updates (double opt-in)", () => {
  it("keeps the subscription pending and sends only the confirmation", async () => {
    const email = uniqueEmail();
    const result = await signUp({ email });
    expect(result.sent).toBe("confirmation");
    expect((await subscriptionOf(result.personId))?.status).toBe("pending");
    await m.deliver();
    const mine = m.transport.sent.filter((mail) => mail.to.address === email);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.subject).toBe("Please confirm your e-mail address");
    expect(mine[0]!.text).toContain("national Medicare for All updates");
    expect(m.transport.linkTo(email, "/updates/confirm/")).toMatch(/^https:\/\/everybody\.test\/updates\/confirm\/[A-Za-z0-9_-]{32}$/);
  });

  it("derives the state from the ZIP code and remembers where the person came from", async () => {
    const result = await signUp({ zip: "55401-1234", sourceCampaign: "call-day" });
    const [person] = await m.ctx.db.select().from(people).where(eq(people.id, result.personId));
    expect(person).toMatchObject({ zip: "55401", state: "MN", sourcePage: "/updates", sourceCampaign: "call-day" });
  });

  it("treats the same address in any case or spacing as one person with one subscription", async () => {
    const email = uniqueEmail();
    const first = await signUp({ email });
    const second = await signUp({ email: `  ${email.toUpperCase()} `, name: "Rosa L. Parks" });
    expect(second.personId).toBe(first.personId);
    const rows = await m.ctx.db.select().from(subscriptions).where(eq(subscriptions.personId, first.personId));
    expect(rows).toHaveLength(1);
    const [person] = await m.ctx.db.select().from(people).where(eq(people.id, first.personId));
    expect(person?.name).toBe("Rosa L. Parks");
  });

  it("re-sends the confirmation on a later sign-up, but not twice within two minutes", async () => {
    const email = uniqueEmail();
    const t0 = new Date("2026-11-28T10:00:00Z");
    m.setNow(t0);
    expect((await signUp({ email })).sent).toBe("confirmation");
    expect((await signUp({ email })).sent).toBe("nothing");
    m.setNow(new Date(t0.getTime() + 3 * 60_000));
    expect((await signUp({ email })).sent).toBe("confirmation");
    m.setNow(undefined as unknown as Date);
    const messages = await m.ctx.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email));
    expect(messages).toHaveLength(2);
  });

  it("rejects bad input field by field, storing nothing", async () => {
    const email = uniqueEmail();
    const attempt = signUp({ name: " ", email: "rosa@example,org", zip: "5540", scope: "everything" });
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    const error = (await attempt.catch((e: DomainError) => e)) as DomainError;
    expect(error.code).toBe("invalid");
    expect(error.fieldErrors).toEqual({ name: "required", email: "invalid_email", zip: "invalid_zip", scope: "invalid_choice" });
    expect(await m.ctx.db.select().from(people).where(eq(people.emailKey, email))).toHaveLength(0);
  });

  it("accepts an unknown ZIP for national updates but not for state-only ones", async () => {
    await expect(signUp({ zip: "00000" })).resolves.toMatchObject({ sent: "confirmation" });
    await expect(signUp({ zip: "00000", scope: "state" })).rejects.toMatchObject({ fieldErrors: { zip: "unknown_zip" } });
  });
});

describe("confirming", () => {
  it("activates the subscription, queues a welcome with an unsubscribe link, and works once", async () => {
    const email = uniqueEmail();
    const { personId } = await signUp({ email });
    await m.deliver();
    const token = tokenFrom(m.transport.linkTo(email, "/updates/confirm/"));
    const result = await confirmEmail({ ctx: m.ctx, input: { token } });
    expect(result.outcome).toBe("confirmed");
    expect((await subscriptionOf(personId))?.status).toBe("active");
    await m.deliver();
    const welcome = m.transport.sent.filter((mail) => mail.to.address === email).at(-1)!;
    expect(welcome.subject).toBe("You're in: welcome to Everybody In");
    expect(welcome.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(welcome.headers?.["List-Unsubscribe"]).toMatch(/^<https:\/\/everybody\.test\/unsubscribe\/\S+\?list=national>, <mailto:unsubscribe@everybody\.test\?subject=unsubscribe>$/);
    expect(await confirmEmail({ ctx: m.ctx, input: { token } })).toEqual({ outcome: "already-confirmed", personId });
  });

  it("refuses an expired link and a made-up one", async () => {
    const email = uniqueEmail();
    const t0 = new Date("2026-11-01T10:00:00Z");
    m.setNow(t0);
    const { personId } = await signUp({ email });
    await m.deliver();
    m.setNow(new Date(t0.getTime() + 8 * 86_400_000));
    const token = tokenFrom(m.transport.linkTo(email, "/updates/confirm/"));
    expect(await confirmEmail({ ctx: m.ctx, input: { token } })).toEqual({ outcome: "expired" });
    expect((await subscriptionOf(personId))?.status).toBe("pending");
    expect(await confirmEmail({ ctx: m.ctx, input: { token: "x".repeat(32) } })).toEqual({ outcome: "invalid" });
    expect(await confirmEmail({ ctx: m.ctx, input: { token: "../../etc" } })).toEqual({ outcome: "invalid" });
    m.setNow(undefined as unknown as Date);
  });
});

describe("unsubscribing and preferences", () => {
  async function confirmedSupporter(overrides: Parameters<typeof signUp>[0] = {}) {
    const email = uniqueEmail();
    const { personId } = await signUp({ email, ...overrides });
    await m.deliver();
    const result = await confirmEmail({ ctx: m.ctx, input: { token: tokenFrom(m.transport.linkTo(email, "/updates/confirm/")) } });
    if (result.outcome !== "confirmed") throw new Error("not confirmed");
    return { email, personId, token: result.manageToken };
  }

  it("unsubscribes at once from the link's list, and repeating it is harmless", async () => {
    const { personId, token } = await confirmedSupporter();
    const settings = m.ctx.mail;
    const first = await unsubscribe({ ctx: m.ctx, input: { token, list: "national", settings } });
    expect(first).toMatchObject({ outcome: "unsubscribed", lists: ["national"] });
    expect((await subscriptionOf(personId))?.status).toBe("unsubscribed");
    expect(await unsubscribe({ ctx: m.ctx, input: { token, list: "national", settings } })).toMatchObject({ lists: [] });
  });

  it("refuses forged and revoked links", async () => {
    const { personId, token } = await confirmedSupporter();
    const settings = m.ctx.mail;
    const forged = token.replace(/^\d+/, String(personId + 1));
    expect(await unsubscribe({ ctx: m.ctx, input: { token: forged, settings } })).toEqual({ outcome: "invalid" });
    await m.ctx.db.update(people).set({ linkVersion: 2 }).where(eq(people.id, personId));
    expect(await unsubscribe({ ctx: m.ctx, input: { token, settings } })).toEqual({ outcome: "invalid" });
  });

  it("signing up again after unsubscribing needs a new confirmation", async () => {
    const { email, personId, token } = await confirmedSupporter();
    await unsubscribe({ ctx: m.ctx, input: { token, settings: m.ctx.mail } });
    m.setNow(new Date(Date.now() + 5 * 60_000));
    const again = await signUp({ email });
    m.setNow(undefined as unknown as Date);
    expect(again.sent).toBe("confirmation");
    expect((await subscriptionOf(personId))?.status).toBe("pending");
  });

  it("shows national, state and group lists, and saves choices", async () => {
    const { personId, token } = await confirmedSupporter({ zip: "55401" });
    const t = messagesFor("en");
    const prefs = await getPreferences({ ctx: m.ctx, input: { token, settings: m.ctx.mail, t } });
    expect(prefs?.choices).toEqual([
      { list: "national", label: "national Medicare for All updates", subscribed: true },
      { list: "state", label: "Medicare for All updates for Minnesota", subscribed: false },
    ]);
    const saved = await updatePreferences({ ctx: m.ctx, input: { token, settings: m.ctx.mail, t, subscribeTo: ["state", "group:999"] } });
    expect(saved.outcome).toBe("saved");
    expect((await subscriptionOf(personId, "national"))?.status).toBe("unsubscribed");
    expect((await subscriptionOf(personId, "state"))?.status).toBe("active");
    expect(await subscriptionOf(personId, "group:999")).toBeUndefined();
  });
});
