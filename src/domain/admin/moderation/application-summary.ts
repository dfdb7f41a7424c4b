import { desc, eq, inArray, type SQL } from "drizzle-orm";
import { groupApplications, groups, people, states } from "../../../db/schema/index.js";
import type { Ctx } from "../../context.js";

export type ApplicationStatus = (typeof groupApplications.$inferSelect)["status"];

/** A founding application as national staff see it: the applicant's contact is shown here only. */
export interface ApplicationSummary {
  id: number;
  status: ApplicationStatus;
  createdAt: Date;
  decidedAt: Date | null;
  decisionNote: string | null;
  /** The applicant's answer to the question in decisionNote, given on our answer page. */
  applicantAnswer: string | null;
  answeredAt: Date | null;
  why: string;
  whoTheyKnow: string | null;
  experience: string | null;
  applicant: { id: number; name: string; email: string; zip: string | null };
  group: { id: number; name: string; slug: string; state: string; stateName: string; city: string | null; status: string };
}

/** Applications with their applicant and group, listed field by field. */
export async function selectApplications(ctx: Ctx, where: SQL | undefined): Promise<ApplicationSummary[]> {
  const rows = await ctx.db
    .select({
      id: groupApplications.id,
      status: groupApplications.status,
      createdAt: groupApplications.createdAt,
      decidedAt: groupApplications.decidedAt,
      decisionNote: groupApplications.decisionNote,
      applicantAnswer: groupApplications.applicantAnswer,
      answeredAt: groupApplications.answeredAt,
      why: groupApplications.why,
      whoTheyKnow: groupApplications.whoTheyKnow,
      experience: groupApplications.experience,
      applicantId: people.id,
      applicantName: people.name,
      applicantEmail: people.email,
      applicantZip: people.zip,
      groupId: groups.id,
      groupName: groups.name,
      groupSlug: groups.slug,
      groupState: groups.state,
      groupCity: groups.city,
      groupStatus: groups.status,
      stateName: states.name,
    })
    .from(groupApplications)
    .innerJoin(people, eq(people.id, groupApplications.applicantId))
    .innerJoin(groups, eq(groups.id, groupApplications.groupId))
    .leftJoin(states, eq(states.usps, groups.state))
    .where(where)
    .orderBy(desc(groupApplications.createdAt), desc(groupApplications.id));
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    createdAt: r.createdAt,
    decidedAt: r.decidedAt,
    decisionNote: r.decisionNote,
    applicantAnswer: r.applicantAnswer,
    answeredAt: r.answeredAt,
    why: r.why,
    whoTheyKnow: r.whoTheyKnow,
    experience: r.experience,
    applicant: { id: r.applicantId, name: r.applicantName, email: r.applicantEmail, zip: r.applicantZip },
    group: { id: r.groupId, name: r.groupName, slug: r.groupSlug, state: r.groupState, stateName: r.stateName ?? r.groupState, city: r.groupCity, status: r.groupStatus },
  }));
}

export const openStatuses: ApplicationStatus[] = ["pending", "more_info_requested"];
export const isOpen = (status: ApplicationStatus) => openStatuses.includes(status);
export const openApplications = () => inArray(groupApplications.status, openStatuses);
