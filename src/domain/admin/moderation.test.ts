import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSubscriber, uniqueEmail } from "../../../tests/support/factories.js";
import { createMailTestContext, type MailTestContext } from "../../../tests/support/mail-context.js";
import { signInAs } from "../../../tests/support/sign-in.js";
import { auditEvents, groupApplications, groupOrganizers, groups } from "../../db/schema/index.js";
import { loadActor, type Actor } from "../accounts/actor.js";
import { DomainError } from "../errors.js";
import { applyToFoundGroup } from "../groups/apply-to-found-group.js";
import { getGroup } from "../groups/get-group.js";
import { approveApplication } from "./moderation/approve-application.js";
import { getApplication } from "./moderation/get-application.js";
import { listApplications } from "./moderation/list-applications.js";
import { rejectApplication } from "./moderation/reject-application.js";
import { requestMoreInfo } from "./moderation/request-more-info.js";

let m: MailTestContext;
let admin: Actor;
let organizer: Actor;
beforeAll(async () => {
  m = await createMailTestContext("loaded");
  admin = (await loadActor(m.ctx, (await signInAs(m.ctx, { admin: true, name: "Ella Baker" })).personId))!;
  const [someGroup] = await m.ctx.db.select({ id: groups.id }).from(groups).limit(1);
  organizer = (await loadActor(m.ctx, (await signInAs(m.ctx, { organizerOf: [someGroup!.id] })).personId))!;
});
afterAll(async () => {
  await m.close();
});

async function apply(groupName: string, zip = "83702", city = "Boise") {
  const email = uniqueEmail("founder");
  const ids = await applyToFoundGroup({
    ctx: m.ctx,
    input: { name: "Fannie Lou", email, zip, groupName, city, why: "No group here yet.", whoTheyKnow: "My union local", locale: "en" },
  });
  await m.deliver();
  return { ...ids, email };
}

const mailTo = (email: string) => m.transport.sent.filter((mail) => mail.to.address === email);
const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
};
const auditFor = async (subject: string) => (await m.ctx.db.select().from(auditEvents).where(eq(auditEvents.subject, subject))).map((e) => e.action);

describe("the moderation queue", () => {
  it("lists open applications with the applicant's contact, group and reasons", async () => {
    const { applicationId, email } = await apply("Treasure Valley Single Payer");
    const queue = await listApplications({ ctx: m.ctx, input: { actor: admin } });
    const entry = queue.find((a) => a.id === applicationId);
    expect(entry).toMatchObject({
      status: "pending",
      why: "No group here yet.",
      whoTheyKnow: "My union local",
      applicant: { name: "Fannie Lou", email },
      group: { name: "Treasure Valley Single Payer", state: "ID", stateName: "Idaho", city: "Boise", status: "pending" },
    });
  });

  it("is for staff only", async () => {
    expect(await codeOf(listApplications({ ctx: m.ctx, input: { actor: organizer } }))).toBe("forbidden");
    expect(await codeOf(listApplications({ ctx: m.ctx, input: { actor: undefined } }))).toBe("forbidden");
    const { applicationId } = await apply("Nampa Medicare for All", "83651", "Nampa");
    expect(await codeOf(approveApplication({ ctx: m.ctx, input: { actor: organizer, applicationId } }))).toBe("forbidden");
    expect(await codeOf(rejectApplication({ ctx: m.ctx, input: { actor: organizer, applicationId, reason: "no" } }))).toBe("forbidden");
    expect(await codeOf(requestMoreInfo({ ctx: m.ctx, input: { actor: organizer, applicationId, question: "?" } }))).toBe("forbidden");
    expect((await getApplication({ ctx: m.ctx, input: { actor: admin, applicationId } })).status).toBe("pending");
  });

  it("approving puts the group live, makes the founder its organizer, tells them and the state's waitlist, and is audited", async () => {
    const waiting = await buildSubscriber(m.ctx, { state: "ID", zip: "83201", lists: { "waitlist:ID": "active" } });
    const { applicationId, groupId, email } = await apply("Pocatello Single Payer", "83201", "Pocatello");
    const result = await approveApplication({ ctx: m.ctx, input: { actor: admin, applicationId, note: "Welcome!" } });
    expect(result.groupId).toBe(groupId);
    expect(result.waitlistNotified).toBeGreaterThanOrEqual(1);
    const [group] = await m.ctx.db.select().from(groups).where(eq(groups.id, groupId));
    expect(group?.status).toBe("active");
    const organizers = await m.ctx.db.select().from(groupOrganizers).where(eq(groupOrganizers.groupId, groupId));
    expect(organizers).toHaveLength(1);
    expect(organizers[0]?.isFounder).toBe(true);
    // The public directory sees it at once (cache invalidated after commit).
    expect((await getGroup({ ctx: m.ctx, input: { state: "ID", slug: group!.slug } })).name).toBe("Pocatello Single Payer");
    await m.deliver();
    expect(mailTo(email).at(-1)?.subject).toBe("Pocatello Single Payer is live");
    expect(mailTo(waiting.email).at(-1)?.subject).toContain("Pocatello Single Payer");
    expect(await auditFor(`application:${applicationId}`)).toEqual(["application.approve"]);
    expect((await listApplications({ ctx: m.ctx, input: { actor: admin } })).some((a) => a.id === applicationId)).toBe(false);
    // Twice is a conflict, not a second set of e-mails.
    expect(await codeOf(approveApplication({ ctx: m.ctx, input: { actor: admin, applicationId } }))).toBe("conflict");
  });

  it("rejecting needs a reason, which the applicant receives; the group never goes live", async () => {
    const { applicationId, groupId, email } = await apply("Meridian Health Justice", "83642", "Meridian");
    expect(await codeOf(rejectApplication({ ctx: m.ctx, input: { actor: admin, applicationId, reason: "   " } }))).toBe("invalid");
    await rejectApplication({ ctx: m.ctx, input: { actor: admin, applicationId, reason: "There is already an active group in Meridian; please join it." } });
    const [application] = await m.ctx.db.select().from(groupApplications).where(eq(groupApplications.id, applicationId));
    expect(application).toMatchObject({ status: "rejected", decisionNote: "There is already an active group in Meridian; please join it." });
    expect(application?.decidedAt).toBeInstanceOf(Date);
    const [group] = await m.ctx.db.select().from(groups).where(eq(groups.id, groupId));
    expect(group?.status).toBe("inactive");
    await m.deliver();
    const mail = mailTo(email).at(-1)!;
    expect(mail.subject).toBe("About your application for Meridian Health Justice");
    expect(mail.text).toContain("There is already an active group in Meridian; please join it.");
    expect(await auditFor(`application:${applicationId}`)).toEqual(["application.reject"]);
    expect(await codeOf(approveApplication({ ctx: m.ctx, input: { actor: admin, applicationId } }))).toBe("conflict");
  });

  it("asking for more information mails the question and keeps the application open until approved", async () => {
    const { applicationId, groupId, email } = await apply("Idaho Falls Medicare for All", "83402", "Idaho Falls");
    expect(await codeOf(requestMoreInfo({ ctx: m.ctx, input: { actor: admin, applicationId, question: "" } }))).toBe("invalid");
    await requestMoreInfo({ ctx: m.ctx, input: { actor: admin, applicationId, question: "Who else will organize with you?" } });
    await m.deliver();
    const mail = mailTo(email).at(-1)!;
    expect(mail.subject).toBe("A question about your application for Idaho Falls Medicare for All");
    expect(mail.text).toContain("Who else will organize with you?");
    const queued = (await listApplications({ ctx: m.ctx, input: { actor: admin } })).find((a) => a.id === applicationId);
    expect(queued).toMatchObject({ status: "more_info_requested", decisionNote: "Who else will organize with you?" });
    await approveApplication({ ctx: m.ctx, input: { actor: admin, applicationId } });
    const [group] = await m.ctx.db.select().from(groups).where(eq(groups.id, groupId));
    expect(group?.status).toBe("active");
    expect(await auditFor(`application:${applicationId}`)).toEqual(["application.request_info", "application.approve"]);
  });

  it("answers 'not found' for an application that does not exist", async () => {
    expect(await codeOf(getApplication({ ctx: m.ctx, input: { actor: admin, applicationId: 999999 } }))).toBe("not_found");
    expect(await codeOf(approveApplication({ ctx: m.ctx, input: { actor: admin, applicationId: 999999 } }))).toBe("not_found");
    expect(await codeOf(rejectApplication({ ctx: m.ctx, input: { actor: admin, applicationId: 999999, reason: "x" } }))).toBe("not_found");
    const rows = await m.ctx.db.select().from(groupApplications).where(and(eq(groupApplications.id, 999999)));
    expect(rows).toEqual([]);
  });
});
