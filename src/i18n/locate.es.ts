import type { LocateMessages } from "./locate.en.js";

/** Palabras en español para "usar mi ubicación"; parte del catálogo `es` como `locate`. */
export const locateEs: LocateMessages = {
  button: "Usar mi ubicación",
  hint: "Tu navegador te pregunta primero. Usamos tu ubicación una sola vez para encontrar tu distrito y no la guardamos.",
  locating: "Buscando tu ubicación…",
  denied: "No pudimos usar tu ubicación porque no diste permiso. Escribe tu código postal.",
  unavailable: "No pudimos encontrar tu ubicación. Escribe tu código postal.",
  timeout: "Encontrar tu ubicación tardó demasiado. Escribe tu código postal.",
  resultsHeading: "Tus miembros del Congreso según tu ubicación",
  searchByZip: "Buscar por código postal",
  nearLine: (n: number) =>
    `Estás a menos de unos 500 metros del límite de un distrito, y nuestros mapas de distritos no son lo bastante precisos para saber de qué lado estás. Tu representante es una de estas ${n} personas: puedes contactarlas a todas.`,
  addressNearLine: (address: string, n: number) =>
    `Encontrado por dirección: ${address}. Está a menos de unos 500 metros del límite de un distrito, y nuestros mapas no son lo bastante precisos para saber de qué lado queda. Tu representante es una de estas ${n} personas.`,
  badPoint: "Esa ubicación no parece correcta. Escribe tu código postal.",
  outsidePoint: "Esa ubicación no está en ningún distrito del Congreso de EE. UU. Escribe tu código postal.",
};
