import { crc32, inflateRawSync } from "node:zlib";
import { DataFileError } from "./data-file-error.js";

export interface ZipEntry {
  name: string;
  read(): Buffer;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The entries of a .zip archive (stored or deflated; no ZIP64, no encryption), enough for the
 * Census Gazetteer download. Sizes come from the central directory, so archives written with
 * data descriptors (sizes after the data) read correctly too.
 */
export function readZipEntries(bytes: Uint8Array, file: string): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const notZip = (why: string): never => {
    throw new DataFileError(file, undefined, `not a readable .zip archive (${why}); delete it and download it again`);
  };
  // The end-of-central-directory record sits in the last 22 bytes plus an optional comment (≤ 64 KiB).
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) notZip("no end-of-archive record");
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  if (offset === 0xffffffff || count === 0xffff) notZip("ZIP64 archives are not supported");

  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== CENTRAL) notZip("damaged central directory");
    const flags = buf.readUInt16LE(offset + 8);
    const method = buf.readUInt16LE(offset + 10);
    const crc = buf.readUInt32LE(offset + 16);
    const compressedSize = buf.readUInt32LE(offset + 20);
    const size = buf.readUInt32LE(offset + 24);
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    const localOffset = buf.readUInt32LE(offset + 42);
    const name = buf.toString(flags & 0x800 ? "utf8" : "latin1", offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;

    entries.push({
      name,
      read() {
        if (flags & 0x1) notZip(`${name} is encrypted`);
        if (buf.readUInt32LE(localOffset) !== LOCAL) notZip(`damaged local header for ${name}`);
        const start = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
        const raw = buf.subarray(start, start + compressedSize);
        if (raw.length !== compressedSize) notZip(`${name} is truncated`);
        let data: Buffer;
        if (method === 0) data = Buffer.from(raw);
        else if (method === 8) {
          try {
            data = inflateRawSync(raw);
          } catch (error) {
            return notZip(`${name} does not inflate: ${(error as Error).message}`);
          }
        } else return notZip(`${name} uses compression method ${method}; only stored and deflate are supported`);
        if (data.length !== size || crc32(data) !== crc) notZip(`${name} fails its checksum`);
        return data;
      },
    });
  }
  return entries;
}
