import type { Messages } from "./en.js";

/** Spanish words for link previews; part of the `es` catalogue as `previews`. */
const fmt = (n: number) => n.toLocaleString("es-US");

export const previewsEs: Messages["previews"] = {
  ogLocale: "es_US",
  homeHeadline: (covered: number, total: number) => `${fmt(covered)} de ${fmt(total)} estados tienen un grupo local`,
  homeDetail: "Encuentra el tuyo o funda uno. Medicare para Todos nos necesita a todos.",
  homeAlt: (covered: number, total: number) =>
    `Mapa de Estados Unidos sombreado según los grupos locales por el sistema de pagador único: ${fmt(covered)} de ${fmt(total)} estados tienen uno.`,
  stateHeadline: (state: string) => `Únete al movimiento por el pagador único en ${state}`,
  stateGroupsLabel: (n: number, state: string) => (n === 1 ? `grupo local en ${state}` : `grupos locales en ${state}`),
  stateAlt: (state: string, n: number) =>
    `Únete al movimiento por el pagador único en ${state}: ${n === 1 ? "1 grupo local" : `${fmt(n)} grupos locales`}.`,
  stateEmptyHeadline: (state: string) => `Funda el primer grupo por el pagador único en ${state}`,
  stateEmptyDetail: "Aún no hay ningún grupo local aquí. Te ayudamos a encontrar a tus primeros miembros.",
  groupEyebrow: "Grupo por Medicare para Todos",
  groupAlt: (name: string, place: string) => `${name}, un grupo por el pagador único: ${place}.`,
  groupPlace: (city: string, state: string) => `${city}, ${state}`,
  groupDescription: (name: string, place: string) => `${name} se organiza por Medicare para Todos: ${place}. Únete o ponte en contacto.`,
  statePageDescription: (state: string, n: number) =>
    n === 0
      ? `Aún no hay ningún grupo por el pagador único en ${state}. Funda uno o entérate cuando se forme.`
      : `${n === 1 ? "1 grupo local se organiza" : `${fmt(n)} grupos locales se organizan`} por Medicare para Todos en ${state}. Encuentra uno y únete.`,
  houseCosponsors: (bill: string) => `copatrocinadores de ${bill} en la Cámara`,
  senateCosponsors: (bill: string) => `copatrocinadores de ${bill} en el Senado`,
  campaignEyebrow: "Llama al Congreso",
  campaignAlt: (title: string, house: number, senate: number) =>
    `${title}: ${fmt(house)} copatrocinadores en la Cámara y ${fmt(senate)} en el Senado.`,
  billEyebrow: (bill: string, congress: number) => `${bill}, ${congress}.º Congreso`,
  billCosponsors: (n: number) => (n === 1 ? "copatrocinador actual" : "copatrocinadores actuales"),
  billAsOf: (date: string) => `Lista oficial de copatrocinadores al ${date}`,
  billAlt: (bill: string, title: string, n: number) => `${bill}, ${title}: ${n === 1 ? "1 copatrocinador" : `${fmt(n)} copatrocinadores`}.`,
  fontCreditHeading: "La tipografía de nuestras vistas previas",
  fontCredit:
    "Las imágenes que aparecen al compartir una página de este sitio usan la tipografía Atkinson Hyperlegible, © 2020 Braille Institute of America, con la licencia SIL Open Font License 1.1.",
  siteAlt: "Everybody In: Medicare para Todos, organizado en cada estado.",
};
