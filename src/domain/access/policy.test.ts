import { describe, expect, it } from "vitest";
import type { Actor } from "../accounts/actor.js";
import { DomainError } from "../errors.js";
import { authorize, can, type Permission } from "./policy.js";

const person = (overrides: Partial<Actor>): Actor => ({
  personId: 1,
  name: "Someone",
  email: "someone@example.org",
  locale: "en",
  isAdmin: false,
  organizerOf: new Set(),
  ...overrides,
});

const admin = person({ isAdmin: true });
const organizerOfA = person({ organizerOf: new Set([10]) });
const organizerOfAandB = person({ organizerOf: new Set([10, 20]) });

const permissions: Permission[] = [
  { to: "administer" },
  { to: "manage-group", groupId: 10 },
  { to: "see-group-members", groupId: 10 },
  { to: "manage-group", groupId: 20 },
  { to: "see-group-members", groupId: 20 },
  { to: "see-member-emails", groupId: 10 },
];

describe("policy", () => {
  it.each([
    ["nobody signed in", undefined, [false, false, false, false, false, false]],
    ["an organizer of group A", organizerOfA, [false, true, true, false, false, false]],
    ["an organizer of A and B", organizerOfAandB, [false, true, true, true, true, false]],
    ["national staff", admin, [true, true, true, true, true, true]],
  ] as const)("%s", (_label, actor, expected) => {
    expect(permissions.map((p) => can(actor, p))).toEqual(expected);
  });

  it("authorize throws a forbidden DomainError when the rule says no", () => {
    expect(() => authorize(organizerOfA, { to: "see-group-members", groupId: 20 })).toThrow(DomainError);
    expect(() => authorize(undefined, { to: "administer" })).toThrow(/do not have access/);
    expect(() => authorize(organizerOfA, { to: "manage-group", groupId: 10 })).not.toThrow();
  });
});
