import type { DistrictPolygon } from "../../../db/schema/index.js";
import { DataFileError } from "../formats/data-file-error.js";
import { readZipEntries } from "../formats/zip-archive.js";
import { roundCoordinate, type CensusDistrictFeature } from "./district-shapes.js";

/**
 * The Census download of the district boundaries (e.g. cb_2024_us_cd119_500k.zip): an ESRI
 * shapefile, of which only the .shp (Polygon records, geographic coordinates) and the .dbf
 * (attributes STATEFP, CD119FP, GEOID) are read. Both are small fixed formats, so no GIS
 * library is needed (docs/decisions/0016).
 */
export function parseDistrictShapefileZip(bytes: Uint8Array, file: string): CensusDistrictFeature[] {
  const entries = readZipEntries(bytes, file);
  const one = (extension: string) => {
    const found = entries.filter((entry) => entry.name.toLowerCase().endsWith(extension));
    if (found.length !== 1) throw new DataFileError(file, undefined, `expected one ${extension} file inside the archive, found ${found.length}`);
    return found[0]!;
  };
  const shp = one(".shp");
  const dbf = one(".dbf");
  const shapes = readShpPolygons(shp.read(), `${file}/${shp.name}`);
  const records = readDbf(dbf.read(), `${file}/${dbf.name}`);
  if (shapes.length !== records.length) {
    throw new DataFileError(file, undefined, `${shp.name} has ${shapes.length} shapes but ${dbf.name} has ${records.length} records`);
  }
  return records.map((record, index) => {
    const where = `record ${index + 1}`;
    const cdField = Object.keys(record).find((name) => /^CD\d{3}FP$/.test(name)) ?? "CD";
    const statefp = record.STATEFP ?? "";
    const cd = record[cdField] ?? "";
    if (!/^\d{2}$/.test(statefp) || cd === "") {
      throw new DataFileError(`${file}/${dbf.name}`, undefined, `${where} lacks the Census fields STATEFP and CDnnnFP`);
    }
    return { statefp, cd, geoid: record.GEOID ?? `${statefp}${cd}`, polygons: shapes[index]!, where };
  });
}

const POLYGON = 5;

/** Polygon records of a .shp file, each grouped into polygons: a clockwise ring starts one, counter-clockwise rings are its holes. */
export function readShpPolygons(buf: Buffer, file: string): DistrictPolygon[][] {
  const fail = (detail: string): never => {
    throw new DataFileError(file, undefined, detail);
  };
  if (buf.length < 100 || buf.readInt32BE(0) !== 9994) fail("is not a shapefile (.shp): wrong file code");
  const fileType = buf.readInt32LE(32);
  if (fileType !== POLYGON) fail(`holds shape type ${fileType}; only polygons (5) are expected for district boundaries`);
  const end = Math.min(buf.length, buf.readInt32BE(24) * 2);
  const shapes: DistrictPolygon[][] = [];
  let offset = 100;
  while (offset + 8 <= end) {
    const length = buf.readInt32BE(offset + 4) * 2;
    const start = offset + 8;
    if (start + length > end) fail(`record ${shapes.length + 1} runs past the end of the file`);
    const type = buf.readInt32LE(start);
    if (type === 0) shapes.push([]);
    else if (type !== POLYGON) fail(`record ${shapes.length + 1} has shape type ${type}, not a polygon`);
    else {
      const parts = buf.readInt32LE(start + 36);
      const points = buf.readInt32LE(start + 40);
      const pointsAt = start + 44 + parts * 4;
      if (parts < 1 || points < 0 || pointsAt + points * 16 > start + length) fail(`record ${shapes.length + 1} is damaged`);
      const rings: number[][] = [];
      for (let part = 0; part < parts; part++) {
        const from = buf.readInt32LE(start + 44 + part * 4);
        const to = part + 1 < parts ? buf.readInt32LE(start + 44 + (part + 1) * 4) : points;
        const ring: number[] = [];
        for (let p = from; p < to; p++) {
          ring.push(roundCoordinate(buf.readDoubleLE(pointsAt + p * 16)), roundCoordinate(buf.readDoubleLE(pointsAt + p * 16 + 8)));
        }
        rings.push(ring);
      }
      shapes.push(groupRings(rings));
    }
    offset = start + length;
  }
  return shapes;
}

/** Twice the signed area: negative for a clockwise ring (the shapefile's outer rings). */
function signedArea(ring: number[]): number {
  let sum = 0;
  for (let i = 0; i + 3 < ring.length; i += 2) sum += ring[i]! * ring[i + 3]! - ring[i + 2]! * ring[i + 1]!;
  return sum;
}

function groupRings(rings: number[][]): DistrictPolygon[] {
  const polygons: DistrictPolygon[] = [];
  for (const ring of rings) {
    if (signedArea(ring) <= 0 || polygons.length === 0) polygons.push([ring]);
    // A hole belongs to the outer ring around it; the last outer ring read is the right one in
    // Census files, and the index uses the even-odd rule over all rings of a district anyway.
    else polygons.at(-1)!.push(ring);
  }
  return polygons;
}

/** The records of a dBASE III table as trimmed text, by field name; deleted records are skipped. */
export function readDbf(buf: Buffer, file: string): Record<string, string>[] {
  if (buf.length < 33) throw new DataFileError(file, undefined, "is not a dBASE table (.dbf): too short");
  const count = buf.readUInt32LE(4);
  const headerLength = buf.readUInt16LE(8);
  const recordLength = buf.readUInt16LE(10);
  const fields: { name: string; offset: number; length: number }[] = [];
  let fieldOffset = 1;
  for (let at = 32; at + 32 <= headerLength && buf[at] !== 0x0d; at += 32) {
    const name = buf.toString("latin1", at, at + 11).replace(/\0.*$/, "");
    const length = buf[at + 16]!;
    fields.push({ name, offset: fieldOffset, length });
    fieldOffset += length;
  }
  if (headerLength + count * recordLength > buf.length) throw new DataFileError(file, undefined, `says it holds ${count} records but is too short`);
  const records: Record<string, string>[] = [];
  for (let n = 0; n < count; n++) {
    const at = headerLength + n * recordLength;
    if (buf[at] === 0x2a) continue;
    const record: Record<string, string> = {};
    for (const field of fields) record[field.name] = buf.toString("utf8", at + field.offset, at + field.offset + field.length).trim();
    records.push(record);
  }
  return records;
}
