import { DataFileError } from "../../public-data/formats/data-file-error.js";
import { parseBillStatusXml } from "./billstatus-xml.js";
import { parseCongressGovCosponsorsJson } from "./congress-gov-cosponsors-json.js";
import type { OfficialRoll } from "./official-roll.js";

/** An official cosponsor file in either format, told apart by its first character: `<` XML, `{` JSON. */
export function parseCosponsorFile(text: string, file: string, expectedBillId?: string): OfficialRoll {
  const first = text.replace(/^\uFEFF/, "").trimStart()[0];
  if (first === "<") return parseBillStatusXml(text, file, expectedBillId);
  if (first === "{") return parseCongressGovCosponsorsJson(text, file, expectedBillId);
  throw new DataFileError(
    file,
    undefined,
    first === undefined
      ? "the file is empty"
      : "neither XML nor JSON: expected a govinfo BILLSTATUS XML file (starting with <) or a congress.gov cosponsors JSON response (starting with {)",
  );
}
