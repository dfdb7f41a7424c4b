import { DataFileError } from "../../public-data/formats/data-file-error.js";
import {
  BIOGUIDE,
  PARTY,
  USPS,
  billParts,
  checkOfficialRoll,
  displayName,
  isIsoDate,
  type OfficialRoll,
  type OfficialSponsorship,
} from "./official-roll.js";
import { XmlSyntaxError, childElement, childText, parseXml, type XmlElement } from "./xml-elements.js";

/** Where govinfo publishes a bill's BILLSTATUS file. */
export function billStatusUrl(billId: string): string {
  const { congress, type, number } = billParts(billId);
  return `https://www.govinfo.gov/bulkdata/BILLSTATUS/${congress}/${type}/BILLSTATUS-${congress}${type}${number}.xml`;
}

/**
 * A govinfo BILLSTATUS file (https://www.govinfo.gov/bulkdata/BILLSTATUS):
 * `<billStatus><bill>` with congress, type and number (`billType`/`billNumber` before schema 3),
 * `updateDate`, and `sponsors`/`cosponsors` lists of `<item>`s. Its updateDate is the roll's
 * as-of date. Throws a DataFileError naming the file, the line and the problem.
 */
export function parseBillStatusXml(text: string, file: string, expectedBillId?: string): OfficialRoll {
  if (!text.replace(/^\uFEFF/, "").trimStart().startsWith("<")) {
    throw new DataFileError(file, undefined, "not XML: a BILLSTATUS file starts with <?xml or <billStatus>");
  }
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    throw new DataFileError(file, error.line, `not well-formed XML: ${error.detail}`);
  }
  const fail = (element: XmlElement, detail: string): never => {
    throw new DataFileError(file, element.line, detail);
  };
  if (root.name !== "billStatus") {
    fail(root, `not a BILLSTATUS file: the root element is <${root.name}>, expected <billStatus>`);
  }
  const bill = childElement(root, "bill") ?? fail(root, "not a BILLSTATUS file: <billStatus> has no <bill>");
  const required = (name: string, ...alternatives: string[]) => {
    for (const candidate of [name, ...alternatives]) {
      const value = childText(bill, candidate);
      if (value !== undefined) return value;
    }
    return fail(bill, `<bill> has no <${name}>`);
  };
  const congress = required("congress");
  const type = required("type", "billType").toLowerCase();
  const number = required("number", "billNumber");
  if (!/^\d{1,3}$/.test(congress) || !/^[a-z]{1,7}$/.test(type) || !/^\d{1,5}$/.test(number)) {
    fail(bill, `<bill> names an unexpected bill: congress ${JSON.stringify(congress)}, type ${JSON.stringify(type)}, number ${JSON.stringify(number)}`);
  }
  const updateDate = required("updateDate");
  const asOf = updateDate.slice(0, 10);
  if (!isIsoDate(asOf) || !/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(updateDate)) {
    fail(childElement(bill, "updateDate")!, `<updateDate> is not a date: ${JSON.stringify(updateDate)}`);
  }
  const introducedOn = childText(bill, "introducedDate") ?? null;

  const items = (listName: string) => (childElement(bill, listName)?.children ?? []).filter((child) => child.name === "item");
  const sponsorItems = items("sponsors");
  if (sponsorItems.length === 0) fail(bill, "<bill> has no <sponsors><item>: every bill has a sponsor");
  const sponsors = sponsorItems.map((item, index) =>
    member(item, `sponsor #${index + 1}`, fail, { sponsoredOn: introducedOn && isIsoDate(introducedOn) ? introducedOn : null, isCosponsor: false }),
  );
  const cosponsors = items("cosponsors").map((item, index) => member(item, `cosponsor #${index + 1}`, fail, { sponsoredOn: null, isCosponsor: true }));

  return checkOfficialRoll(
    {
      format: "billstatus-xml",
      billId: `${Number(congress)}-${type}${Number(number)}`,
      asOf,
      officialCount: cosponsors.filter((c) => c.withdrawnOn === null).length,
      sponsors,
      cosponsors,
    },
    file,
    expectedBillId,
  );
}

function member(
  item: XmlElement,
  label: string,
  fail: (element: XmlElement, detail: string) => never,
  options: { sponsoredOn: string | null; isCosponsor: boolean },
): OfficialSponsorship {
  const bioguideId = childText(item, "bioguideId");
  if (bioguideId === undefined) fail(item, `${label} has no <bioguideId>`);
  if (!BIOGUIDE.test(bioguideId!)) fail(item, `${label}: <bioguideId> ${JSON.stringify(bioguideId)} is not a bioguide ID such as J000298`);
  const who = `${label} (${bioguideId})`;
  const text = (name: string) => childText(item, name);
  const requiredText = (name: string) => text(name) ?? fail(item, `${who} has no <${name}>`);
  const date = (name: string, required: boolean) => {
    const value = text(name);
    if (value === undefined) return required ? fail(item, `${who} has no <${name}>`) : null;
    if (!isIsoDate(value)) fail(childElement(item, name)!, `${who}: <${name}> is not a date YYYY-MM-DD: ${JSON.stringify(value)}`);
    return value;
  };

  const party = requiredText("party");
  if (!PARTY.test(party)) fail(item, `${who}: <party> ${JSON.stringify(party)} is not a party code such as D, R or I`);
  const state = requiredText("state");
  if (!USPS.test(state)) fail(item, `${who}: <state> ${JSON.stringify(state)} is not a two-letter state code`);
  const districtText = text("district");
  if (districtText !== undefined && !/^\d{1,2}$/.test(districtText)) {
    fail(item, `${who}: <district> ${JSON.stringify(districtText)} is not a number`);
  }
  let isOriginal: boolean | null = null;
  if (options.isCosponsor) {
    const original = requiredText("isOriginalCosponsor");
    if (!/^(true|false)$/i.test(original)) fail(item, `${who}: <isOriginalCosponsor> should be True or False, not ${JSON.stringify(original)}`);
    isOriginal = original.toLowerCase() === "true";
  }
  return {
    bioguideId: bioguideId!,
    name: displayName({
      firstName: requiredText("firstName"),
      middleName: text("middleName"),
      lastName: requiredText("lastName"),
      suffixName: text("suffixName"),
    }),
    party,
    state,
    district: districtText === undefined ? null : Number(districtText),
    sponsoredOn: options.isCosponsor ? date("sponsorshipDate", true) : options.sponsoredOn,
    isOriginal,
    withdrawnOn: options.isCosponsor ? date("sponsorshipWithdrawnDate", false) : null,
  };
}
