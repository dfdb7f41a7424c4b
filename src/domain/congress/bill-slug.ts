/**
 * Bills are stored as "119-hr3069" and addressed in URLs as "hr3069-119" (type and number
 * first, as people say them). These two convert; anything else is not a bill slug.
 */
export function billSlug(billId: string): string {
  const [congress, number] = billId.split("-");
  return `${number}-${congress}`;
}

export function billIdFromSlug(slug: string): string | undefined {
  const match = /^(hr|s|hjres|sjres)(\d{1,5})-(\d{2,3})$/.exec(slug.toLowerCase());
  return match ? `${match[3]}-${match[1]}${match[2]}` : undefined;
}

export const billPath = (billId: string) => `/cosponsors/${billSlug(billId)}`;
