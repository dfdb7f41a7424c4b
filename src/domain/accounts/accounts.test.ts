import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueEmail } from "../../../tests/support/factories.js";
import { createMailTestContext, type MailTestContext } from "../../../tests/support/mail-context.js";
import { admins, auditEvents, groupOrganizers, groups, passwordCredentials, sessions } from "../../db/schema/index.js";
import { DomainError } from "../errors.js";
import { findOrCreatePerson } from "../people/find-or-create-person.js";
import { loadActor } from "./actor.js";
import { createAdmin } from "./create-admin.js";
import { requestSignInLink } from "./request-sign-in-link.js";
import { resolveSession, signOut, signOutEverywhere } from "./sessions.js";
import { setPassword, signInWithLink, signInWithPassword } from "./sign-in.js";

let m: MailTestContext;
beforeAll(async () => {
  m = await createMailTestContext("loaded");
});
afterAll(async () => {
  await m.close();
});

const tokenFrom = (link: string | undefined) => /\/sign-in\/([A-Za-z0-9_-]+)/.exec(link ?? "")?.[1];

async function organizer(name = "Ona Organizer") {
  const email = uniqueEmail("organizer");
  const person = await findOrCreatePerson({ ctx: m.ctx, input: { email, name } });
  const [group] = await m.ctx.db.select({ id: groups.id }).from(groups).limit(1);
  await m.ctx.db.insert(groupOrganizers).values({ groupId: group!.id, personId: person.id, createdAt: m.ctx.now() });
  return { email, personId: person.id, groupId: group!.id };
}

async function linkFor(email: string): Promise<string> {
  await requestSignInLink({ ctx: m.ctx, input: { email } });
  await m.deliver();
  const token = tokenFrom(m.transport.linkTo(email, "/sign-in/"));
  expect(token, `a sign-in link to ${email}`).toBeDefined();
  return token!;
}

describe("createAdmin", () => {
  it("makes a person national staff once, and records it", async () => {
    const email = uniqueEmail("staff");
    const first = await createAdmin({ ctx: m.ctx, input: { email, name: "Ella Baker" } });
    const again = await createAdmin({ ctx: m.ctx, input: { email: email.toUpperCase() } });
    expect(first.created).toBe(true);
    expect(again).toEqual({ personId: first.personId, created: false });
    expect((await loadActor(m.ctx, first.personId))?.isAdmin).toBe(true);
    const audit = await m.ctx.db.select().from(auditEvents).where(eq(auditEvents.subject, `person:${first.personId}`));
    expect(audit.map((a) => a.action)).toEqual(["admin.create"]);
  });

  it("refuses something that is not an e-mail address", async () => {
    await expect(createAdmin({ ctx: m.ctx, input: { email: "not-an-address" } })).rejects.toMatchObject({ code: "invalid" });
  });
});

describe("sign-in links", () => {
  it("are mailed to organizers and work once", async () => {
    const { email, personId } = await organizer();
    const token = await linkFor(email);
    const { sessionToken } = await signInWithLink({ ctx: m.ctx, input: { token, userAgent: "test" } });
    const actor = await resolveSession({ ctx: m.ctx, input: { token: sessionToken } });
    expect(actor).toMatchObject({ personId, isAdmin: false });
    await expect(signInWithLink({ ctx: m.ctx, input: { token } })).rejects.toMatchObject({ code: "invalid" });
  });

  it("are not mailed to people with no role, and the caller cannot tell (no enumeration)", async () => {
    const supporter = uniqueEmail("supporter");
    await findOrCreatePerson({ ctx: m.ctx, input: { email: supporter, name: "Sam Supporter" } });
    const before = m.jobs.sent.length;
    await expect(requestSignInLink({ ctx: m.ctx, input: { email: supporter } })).resolves.toBeUndefined();
    await expect(requestSignInLink({ ctx: m.ctx, input: { email: uniqueEmail("nobody") } })).resolves.toBeUndefined();
    expect(m.jobs.sent.length).toBe(before);
  });

  it("expire after 15 minutes", async () => {
    const { email } = await organizer();
    const start = new Date("2026-11-28T10:00:00Z");
    m.setNow(start);
    try {
      const token = await linkFor(email);
      m.setNow(new Date(start.getTime() + 16 * 60_000));
      const error = await signInWithLink({ ctx: m.ctx, input: { token } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).message).toMatch(/expired or was already used/);
    } finally {
      m.setNow(new Date());
    }
  });

  it("stop working for someone who lost their role before using it", async () => {
    const { email, personId } = await organizer();
    const token = await linkFor(email);
    await m.ctx.db.delete(groupOrganizers).where(eq(groupOrganizers.personId, personId));
    await expect(signInWithLink({ ctx: m.ctx, input: { token } })).rejects.toMatchObject({ code: "invalid" });
  });

  it("refuse a malformed address with a field error", async () => {
    await expect(requestSignInLink({ ctx: m.ctx, input: { email: "nope" } })).rejects.toMatchObject({ code: "invalid", fieldErrors: { email: "invalid_email" } });
  });
});

describe("passwords", () => {
  it("are stored as argon2id hashes and sign in with the right password only", async () => {
    const { email, personId } = await organizer();
    await setPassword({ ctx: m.ctx, input: { personId, password: "correct horse battery staple" } });
    const [row] = await m.ctx.db.select().from(passwordCredentials).where(eq(passwordCredentials.personId, personId));
    expect(row!.hash).toMatch(/^\$argon2id\$/);
    expect(row!.hash).not.toContain("correct horse");
    const ok = await signInWithPassword({ ctx: m.ctx, input: { email: email.toUpperCase(), password: "correct horse battery staple" } });
    expect(ok.personId).toBe(personId);
    const wrong = await signInWithPassword({ ctx: m.ctx, input: { email, password: "wrong horse battery staple" } }).catch((e: DomainError) => e);
    const unknown = await signInWithPassword({ ctx: m.ctx, input: { email: uniqueEmail("ghost"), password: "whatever it is" } }).catch((e: DomainError) => e);
    // The same answer whether or not the address exists.
    expect(wrong).toMatchObject({ code: "invalid", fieldErrors: { password: "no_match" } });
    expect(unknown).toMatchObject({ code: "invalid", message: (wrong as DomainError).message, fieldErrors: { password: "no_match" } });
  });

  it("must be 12 to 200 characters", async () => {
    const { personId } = await organizer();
    await expect(setPassword({ ctx: m.ctx, input: { personId, password: "short" } })).rejects.toMatchObject({ fieldErrors: { password: "too_short" } });
    await expect(setPassword({ ctx: m.ctx, input: { personId, password: "x".repeat(201) } })).rejects.toMatchObject({ fieldErrors: { password: "too_long" } });
  });
});

describe("sessions", () => {
  it("end one at a time or everywhere, and expire", async () => {
    const { email, personId } = await organizer();
    const a = await signInWithLink({ ctx: m.ctx, input: { token: await linkFor(email) } });
    const b = await signInWithLink({ ctx: m.ctx, input: { token: await linkFor(email) } });
    await signOut({ ctx: m.ctx, input: { token: a.sessionToken } });
    expect(await resolveSession({ ctx: m.ctx, input: { token: a.sessionToken } })).toBeUndefined();
    expect(await resolveSession({ ctx: m.ctx, input: { token: b.sessionToken } })).toBeDefined();
    expect(await signOutEverywhere({ ctx: m.ctx, input: { personId } })).toBe(1);
    expect(await resolveSession({ ctx: m.ctx, input: { token: b.sessionToken } })).toBeUndefined();

    const c = await signInWithLink({ ctx: m.ctx, input: { token: await linkFor(email) } });
    m.setNow(new Date(Date.now() + 31 * 86_400_000));
    try {
      expect(await resolveSession({ ctx: m.ctx, input: { token: c.sessionToken } })).toBeUndefined();
    } finally {
      m.setNow(new Date());
    }
  });

  it("store only a hash of the cookie's token", async () => {
    const { email, personId } = await organizer();
    const { sessionToken } = await signInWithLink({ ctx: m.ctx, input: { token: await linkFor(email) } });
    const rows = await m.ctx.db.select().from(sessions).where(eq(sessions.personId, personId));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toBe(sessionToken);
  });

  it("give nothing for junk or missing tokens", async () => {
    expect(await resolveSession({ ctx: m.ctx, input: { token: undefined } })).toBeUndefined();
    expect(await resolveSession({ ctx: m.ctx, input: { token: "x".repeat(500) } })).toBeUndefined();
    expect(await resolveSession({ ctx: m.ctx, input: { token: "not-a-session" } })).toBeUndefined();
  });

  it("reflect role changes on the next request", async () => {
    const email = uniqueEmail("staff");
    const { personId } = await createAdmin({ ctx: m.ctx, input: { email } });
    const { sessionToken } = await signInWithLink({ ctx: m.ctx, input: { token: await linkFor(email) } });
    expect((await resolveSession({ ctx: m.ctx, input: { token: sessionToken } }))?.isAdmin).toBe(true);
    await m.ctx.db.delete(admins).where(eq(admins.personId, personId));
    expect(await resolveSession({ ctx: m.ctx, input: { token: sessionToken } })).toBeUndefined();
  });
});
