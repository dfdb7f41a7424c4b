/**
 * The placeholders a campaign's scripts, letters and posts may use. Unknown ones are left as
 * they are, so a typo shows up on the page instead of silently vanishing.
 */
export interface TemplateValues {
  /** The caller's name, or a bracketed prompt such as "[your name]". */
  callerName: string;
  /** "Minneapolis, MN 55401", or the ZIP alone when we have no city. */
  callerPlace: string;
  /** "Senator", "Representative", "Delegate", "Resident Commissioner" in the page's language. */
  memberTitle: string;
  /** The same in lower case for mid-sentence use ("thank the senator"). */
  memberTitleLower: string;
  memberName: string;
  memberLastName: string;
  /** "@handle" when the member has one on the network, else their title and name. */
  memberHandle: string;
  /** "H.R.3069". */
  bill: string;
}

export const placeholderNames: readonly (keyof TemplateValues)[] = [
  "callerName",
  "callerPlace",
  "memberTitle",
  "memberTitleLower",
  "memberName",
  "memberLastName",
  "memberHandle",
  "bill",
];

export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? values[name as keyof TemplateValues] : whole,
  );
}
