import type { Actor } from "../accounts/actor.js";
import { forbidden } from "../errors.js";

/**
 * Every rule about who may see or change what, in one place. Routes and actions call these
 * with the signed-in actor and the resource the request names; an id in a URL never grants
 * anything by itself. Each rule is tested for every role in policy.test.ts.
 */
export type Permission =
  /** Anything under /admin: moderation, all groups, campaigns, people, broadcasts, audit log. */
  | { to: "administer" }
  /** Edit a group's page, confirm it is active, invite co-organizers. */
  | { to: "manage-group"; groupId: number }
  /** See, export and e-mail a group's members. */
  | { to: "see-group-members"; groupId: number }
  /**
   * See members' e-mail addresses. National staff only: the join form promises members that
   * organizers see their name, ZIP and phone, and write to them through Everybody In.
   */
  | { to: "see-member-emails"; groupId: number };

export function can(actor: Actor | undefined, permission: Permission): boolean {
  if (!actor) return false;
  switch (permission.to) {
    case "administer":
      return actor.isAdmin;
    case "manage-group":
    case "see-group-members":
      return actor.isAdmin || actor.organizerOf.has(permission.groupId);
    case "see-member-emails":
      return actor.isAdmin;
  }
}

/** Throw "forbidden" unless `actor` has `permission`. */
export function authorize(actor: Actor | undefined, permission: Permission): asserts actor is Actor {
  if (!can(actor, permission)) throw forbidden("You do not have access to this.");
}
