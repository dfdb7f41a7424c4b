/** "Maine AllCare – Bangor Chapter" → "maine-allcare-bangor-chapter"; accents folded, so "Sánchez" → "sanchez". */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
