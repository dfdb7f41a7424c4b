/** English words for "use my location" and placing a point in a district; part of the `en` catalogue as `locate`. */
export const locateEn = {
  button: "Use my location",
  hint: "Your browser asks you first. We use your location once to find your district, and do not keep it.",
  locating: "Finding your location…",
  denied: "We could not use your location because permission was not given. Enter your ZIP code instead.",
  unavailable: "We could not find your location. Enter your ZIP code instead.",
  timeout: "Finding your location took too long. Enter your ZIP code instead.",
  resultsHeading: "Your members of Congress for your location",
  searchByZip: "Search by ZIP code instead",
  nearLine: (n: number) =>
    `You are within about 500 metres of a district line, and our district maps are not precise enough to tell which side you are on. Your representative is one of these ${n}: you can contact them all.`,
  addressNearLine: (address: string, n: number) =>
    `Found by address: ${address}. It is within about 500 metres of a district line, and our district maps are not precise enough to tell which side it is on. Your representative is one of these ${n}.`,
  badPoint: "That location does not look right. Enter your ZIP code instead.",
  outsidePoint: "That location is not in any US congressional district. Enter your ZIP code instead.",
};

export type LocateMessages = typeof locateEn;
