/** Width and height from a PNG's IHDR chunk, after checking the signature; throws for anything else. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.byteLength < 24 || !signature.every((byte, i) => png[i] === byte)) throw new Error("not a PNG");
  if (String.fromCharCode(...png.subarray(12, 16)) !== "IHDR") throw new Error("a PNG starts with its IHDR chunk");
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
