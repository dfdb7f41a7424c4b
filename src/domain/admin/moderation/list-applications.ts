import type { Actor } from "../../accounts/actor.js";
import { authorize } from "../../access/policy.js";
import type { Ctx } from "../../context.js";
import { openApplications, selectApplications, type ApplicationSummary } from "./application-summary.js";

/** The moderation queue: founding applications still waiting for a decision (pending or waiting for an answer), newest first. */
export async function listApplications({ ctx, input }: { ctx: Ctx; input: { actor: Actor | undefined } }): Promise<ApplicationSummary[]> {
  authorize(input.actor, { to: "administer" });
  return selectApplications(ctx, openApplications());
}
