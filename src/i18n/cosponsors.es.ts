import type { Messages } from "./en.js";

/** Spanish words for the cosponsors pages; part of the `es` catalogue as `cosponsors`. */
const fmt = (n: number) => n.toLocaleString("es-US");
const chamberName = (chamber: "house" | "senate") => (chamber === "house" ? "la Cámara de Representantes" : "el Senado");
const memberWord = (chamber: "house" | "senate", n: number) =>
  chamber === "house" ? (n === 1 ? "representante" : "representantes") : n === 1 ? "senador" : "senadores";
const partyNames: Record<string, [string, string]> = { D: ["demócrata", "demócratas"], R: ["republicano", "republicanos"], I: ["independiente", "independientes"] };

export const cosponsorsEs: Messages["cosponsors"] = {
  title: "Copatrocinadores",
  pageTitle: (bill) => `Patrocinador y copatrocinadores de ${bill}`,
  pageDescription: (bill, title) => `Quién patrocina y copatrocina ${bill}, la ${title}, estado por estado.`,
  heading: (bill, title) => `${bill}: ${title}`,
  introduced: (chamber, date, congress) => `Presentada en ${chamberName(chamber)} el ${date}, en el ${congress}.º Congreso.`,
  countComplete: (n, date) =>
    `${fmt(n)} ${n === 1 ? "copatrocinador" : "copatrocinadores"} al ${date} (la cifra oficial). La lista está completa.`,
  countCompleteNoDate: (n) => `${fmt(n)} ${n === 1 ? "copatrocinador" : "copatrocinadores"} (la cifra oficial). La lista está completa.`,
  countIncomplete: (known, official, date) =>
    `Conocemos ${fmt(known)} de los ${fmt(official)} copatrocinadores al ${date}. La lista está incompleta, así que no podemos decir quién no la ha apoyado.`,
  countIncompleteNoOfficial: (known, date) =>
    `Conocemos ${fmt(known)} ${known === 1 ? "copatrocinador" : "copatrocinadores"} al ${date}, pero no la cifra oficial. La lista puede estar incompleta, así que no podemos decir quién no la ha apoyado.`,
  countNoDate: (known) =>
    `Conocemos ${fmt(known)} ${known === 1 ? "copatrocinador" : "copatrocinadores"}; no sabemos cuándo se revisó la lista por última vez, así que puede estar incompleta.`,
  withdrawnCount: (n) =>
    n === 1 ? "Otro copatrocinador se sumó y después se retiró." : `Otros ${fmt(n)} copatrocinadores se sumaron y después se retiraron.`,
  pastCongress: (congress) =>
    `Este proyecto de ley fue del ${congress}.º Congreso, que ya terminó. Cada persona aparece como era cuando se sumó.`,
  congressGov: (bill) => `${bill} en congress.gov (registro oficial)`,
  sponsorHeading: "Patrocinador",
  formerSponsor: (name) => `Patrocinador anterior: ${name}`,
  mapHeading: "Apoyo por estado",
  mapTitle: (bill, chamber) =>
    `Mapa: parte de ${chamber === "house" ? "la delegación de cada estado en la Cámara" : "los senadores de cada estado"} que apoya ${bill}`,
  mapDesc: (chamber) =>
    `Cada estado está sombreado según cuántos de sus ${memberWord(chamber, 2)} patrocinan o copatrocinan el proyecto: ninguno, menos de la mitad, la mitad o más, o todos. Cada estado enlaza a su lista en esta página.`,
  mapStateLabel: (state, supporters, delegation, chamber) =>
    `${state}: ${fmt(supporters)} de ${fmt(delegation)} ${memberWord(chamber, delegation)} apoyan el proyecto`,
  legend: ["Ninguno", "Menos de la mitad", "La mitad o más", "Todos"],
  mapNote: "El mapa cuenta a los miembros en funciones hoy: el patrocinador y los copatrocinadores actuales, sobre los escaños ocupados de cada estado.",
  mapTableCaption: "Apoyo por estado, en una tabla",
  mapTableState: "Estado",
  mapTableSupporters: "Apoyan el proyecto",
  mapTableDelegation: "Escaños ocupados",
  partyHeading: "Copatrocinadores por partido",
  partyCount: (party, n) => {
    const name = partyNames[party];
    return name ? `${fmt(n)} ${n === 1 ? name[0] : name[1]}` : `${fmt(n)} (${party})`;
  },
  partyName: (party) => ({ D: "Demócrata", R: "Republicano", I: "Independiente" } as Record<string, string>)[party] ?? party,
  jumpToState: "Ir a un estado",
  cosponsorsHeading: "Copatrocinadores por estado",
  noCosponsors: "No hay copatrocinadores registrados para este proyecto de ley.",
  stateCount: (n) => (n === 1 ? "1 copatrocinador" : `${fmt(n)} copatrocinadores`),
  district: (n) => (n === null ? "" : n === 0 ? "Distrito único" : `Distrito ${n}`),
  since: (date) => `desde el ${date}`,
  sinceUnknown: "fecha desconocida",
  withdrew: (date) => `se retiró el ${date}`,
  withdrawnBadge: "Retirado",
  leftOffice: "ya no está en el Congreso",
  notSignedOnHeading: "Aún no la apoyan",
  notSignedOnLead: (n, chamber, bill) =>
    n === 0
      ? `Todos los miembros de ${chamberName(chamber)} apoyan ${bill}.`
      : `${fmt(n)} ${memberWord(chamber, n)} en funciones ${n === 1 ? "no ha" : "no han"} copatrocinado ${bill}. Pídele al tuyo que se sume.`,
  notSignedOnState: (n, chamber) => `${fmt(n)} ${memberWord(chamber, n)}`,
  callThem: "Llama a tus representantes en el Congreso",
  notSignedOnUnknown:
    "Nuestra lista de copatrocinadores está incompleta, así que no mostramos quién no la ha apoyado: alguien que falta aquí bien puede ser copatrocinador.",
  notSignedOnPast: "Este Congreso ya terminó, así que no queda nadie a quien pedir que apoye este proyecto de ley.",
  otherBillsHeading: "Otros proyectos de ley de Medicare para Todos",
  otherBill: (bill, congress, title) => `${bill} (${congress}.º Congreso): ${title}`,
  currentBadge: "actual",
  aboutData: "Cómo reunimos estos datos",
};
