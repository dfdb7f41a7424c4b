import { eq } from "drizzle-orm";
import { groupApplications } from "../../../db/schema/index.js";
import type { Actor } from "../../accounts/actor.js";
import { authorize } from "../../access/policy.js";
import type { Ctx } from "../../context.js";
import { notFound } from "../../errors.js";
import { selectApplications, type ApplicationSummary } from "./application-summary.js";

/** One founding application, whatever its status; "not found" for an id that does not exist. */
export async function getApplication({ ctx, input }: { ctx: Ctx; input: { actor: Actor | undefined; applicationId: number } }): Promise<ApplicationSummary> {
  authorize(input.actor, { to: "administer" });
  const [application] = await selectApplications(ctx, eq(groupApplications.id, input.applicationId));
  if (!application) throw notFound(`There is no founding application ${input.applicationId}.`);
  return application;
}
