import { and, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import { people, subscriptions } from "../../db/schema/index.js";

/** Who a broadcast goes to. */
export type Audience = { kind: "all" } | { kind: "state"; state: string } | { kind: "group"; groupId: number };

export function parseAudience(value: string): Audience | undefined {
  if (value === "all") return { kind: "all" };
  const state = /^state:([A-Za-z]{2})$/.exec(value);
  if (state) return { kind: "state", state: state[1]!.toUpperCase() };
  const group = /^group:(\d{1,9})$/.exec(value);
  if (group) return { kind: "group", groupId: Number(group[1]) };
  return undefined;
}

export function formatAudience(audience: Audience): string {
  return audience.kind === "all" ? "all" : audience.kind === "state" ? `state:${audience.state}` : `group:${audience.groupId}`;
}

/**
 * The lists whose active subscribers a broadcast reaches. A state broadcast reaches that state's
 * people on the national list and on the state-only list; a national one only the national list.
 */
export function listsFor(audience: Audience): string[] {
  return audience.kind === "all" ? ["national"] : audience.kind === "state" ? ["national", "state"] : [`group:${audience.groupId}`];
}

/**
 * The SQL condition (over people joined with subscriptions) for "still wants this broadcast":
 * used to snapshot recipients, and again just before each send, so someone who unsubscribes
 * mid-broadcast gets nothing more.
 */
export function audienceCondition(audience: Audience): SQL {
  return and(
    isNotNull(people.emailConfirmedAt),
    eq(subscriptions.status, "active"),
    inArray(subscriptions.list, listsFor(audience)),
    ...(audience.kind === "state" ? [eq(people.state, audience.state)] : []),
  ) ?? sql`true`;
}
