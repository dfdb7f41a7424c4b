import { en, type Messages } from "./en.js";
import { es } from "./es.js";

export type { Messages };
export const locales = ["en", "es"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

const catalogues: Record<Locale, Messages> = { en, es };

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}

export function isLocale(value: string | undefined | null): value is Locale {
  return value != null && (locales as readonly string[]).includes(value);
}

/**
 * Choose the language: an explicit `?lang=` in the URL wins (so a shared link keeps its
 * language), then the browser's Accept-Language preferences in q order, then English.
 */
export function negotiateLocale(langParam: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(langParam)) return langParam;
  if (!acceptLanguage) return defaultLocale;
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { base: tag.toLowerCase().split("-")[0] ?? "", quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const entry of ranked) if (isLocale(entry.base)) return entry.base;
  return defaultLocale;
}
