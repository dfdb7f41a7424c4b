import { inArray } from "drizzle-orm";
import { groups, states } from "../../db/schema/index.js";
import type { Messages } from "../../i18n/index.js";
import type { Ctx } from "../context.js";

/**
 * "national", "state" (the person's own state), "group:<id>" (a group's updates) or
 * "waitlist:<STATE>" (tell me when a group forms in that state).
 */
export type ListKey = "national" | "state" | `group:${number}` | `waitlist:${string}`;

export function isListKey(value: string): value is ListKey {
  return value === "national" || value === "state" || /^group:\d{1,9}$/.test(value) || /^waitlist:[A-Z]{2}$/.test(value);
}

export const waitlistFor = (state: string): ListKey => `waitlist:${state.toUpperCase()}`;

export const groupList = (groupId: number): ListKey => `group:${groupId}`;

/** Human names of lists, in the reader's language ("national Medicare for All updates", …). */
export async function listLabels(
  ctx: Ctx,
  t: Messages,
  lists: readonly string[],
  personState: string | null,
): Promise<Map<string, string>> {
  const groupIds = lists.filter((l) => l.startsWith("group:")).map((l) => Number(l.slice(6)));
  const [groupRows, stateRows] = await Promise.all([
    groupIds.length ? ctx.db.select({ id: groups.id, name: groups.name }).from(groups).where(inArray(groups.id, groupIds)) : [],
    ctx.db
      .select({ code: states.usps, name: states.name })
      .from(states)
      .where(inArray(states.usps, [...new Set([personState ?? "", ...lists.filter((l) => l.startsWith("waitlist:")).map((l) => l.slice(9))])])),
  ]);
  const groupNames = new Map(groupRows.map((g) => [`group:${g.id}`, g.name]));
  const stateNames = new Map(stateRows.map((s) => [s.code, s.name]));
  const stateName = (personState && stateNames.get(personState)) ?? personState ?? "";
  return new Map(
    lists.map((list) => [
      list,
      list === "national"
        ? t.mail.listNational
        : list === "state"
          ? t.mail.listState(stateName)
          : list.startsWith("waitlist:")
            ? t.mail.listWaitlist(stateNames.get(list.slice(9)) ?? list.slice(9))
            : t.mail.listGroup(groupNames.get(list) ?? list),
    ]),
  );
}
