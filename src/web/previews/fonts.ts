import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * The typeface of the preview images: Atkinson Hyperlegible (Braille Institute, SIL Open Font
 * Licence 1.1), shipped by the npm package @fontsource/atkinson-hyperlegible and read from
 * node_modules, never fetched. Satori reads .woff and .ttf but not .woff2. Two subsets per weight:
 * "latin" has Spanish (á é í ó ú ñ ü ¿ ¡), "latin-ext" the rest of the names groups may carry.
 */
export const PREVIEW_FONT_FAMILY = "Atkinson Hyperlegible";
export const PREVIEW_FONT_PACKAGE = "@fontsource/atkinson-hyperlegible";

export interface PreviewFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: "normal";
}

const require = createRequire(import.meta.url);
let fonts: PreviewFont[] | undefined;

/** The four font files (2 weights × 2 subsets), read once per process. */
export function previewFonts(): PreviewFont[] {
  fonts ??= ([400, 700] as const).flatMap((weight) =>
    (["latin", "latin-ext"] as const).map((subset) => ({
      name: PREVIEW_FONT_FAMILY,
      data: readFileSync(require.resolve(`${PREVIEW_FONT_PACKAGE}/files/atkinson-hyperlegible-${subset}-${weight}-normal.woff`)),
      weight,
      style: "normal" as const,
    })),
  );
  return fonts;
}
