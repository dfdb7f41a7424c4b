import { inArray } from "drizzle-orm";
import { groups, states } from "../../db/schema/index.js";
import type { Messages } from "../../i18n/index.js";
import type { Ctx } from "../context.js";

/** "national", "state" (the person's own state) or "group:<id>". */
export type ListKey = "national" | "state" | `group:${number}`;

export function isListKey(value: string): value is ListKey {
  return value === "national" || value === "state" || /^group:\d{1,9}$/.test(value);
}

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
    personState ? ctx.db.select({ name: states.name }).from(states).where(inArray(states.usps, [personState])) : [],
  ]);
  const groupNames = new Map(groupRows.map((g) => [`group:${g.id}`, g.name]));
  const stateName = stateRows[0]?.name ?? personState ?? "";
  return new Map(
    lists.map((list) => [
      list,
      list === "national"
        ? t.mail.listNational
        : list === "state"
          ? t.mail.listState(stateName)
          : t.mail.listGroup(groupNames.get(list) ?? list),
    ]),
  );
}
