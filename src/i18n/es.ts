import type { Messages } from "./en.js";

const fmt = (n: number) => n.toLocaleString("es-US");

export const es: Messages = {
  meta: {
    siteName: "Everybody In",
    tagline: "Medicare para Todos, organizado en cada estado",
    skipToContent: "Saltar al contenido principal",
    languageName: "Español",
  },
  nav: { label: "Principal", home: "Inicio", aboutData: "Nuestros datos" },
  footer: {
    about: "Everybody In es software libre para el movimiento por un sistema de pagador único. Sin rastreadores ni anuncios.",
    dataCredit: "Fuentes y licencias de los datos públicos",
    otherLanguage: "English",
  },
  home: {
    title: "Everybody In: Medicare para Todos, organizado en cada estado",
    heading: "Medicare para Todos nos necesita a todos.",
    lead: "Encuentra un grupo local, mira la postura de tus representantes en el Congreso y llámales con un guion a su medida.",
    statsHeading: "El movimiento en cifras",
    groups: (n) => (n === 1 ? "1 grupo local registrado" : `${fmt(n)} grupos locales registrados`),
    statesCovered: (n) => (n === 1 ? "1 estado con un grupo" : `${fmt(n)} estados con un grupo`),
    statesMissing: (n) =>
      n === 0 ? "Todos los estados tienen un grupo." : n === 1 ? "Falta un grupo en 1 estado" : `Faltan grupos en ${fmt(n)} estados`,
    membersLoaded: (n) => (n === 1 ? "1 miembro del Congreso registrado" : `${fmt(n)} miembros del Congreso registrados`),
    cosponsors: (house, senate) =>
      `${fmt(house)} copatrocinadores en la Cámara y ${fmt(senate)} en el Senado de la Ley de Medicare para Todos`,
    cosponsorsAsOf: (date) => `Listas oficiales de copatrocinadores al ${date}.`,
    dataMissingHeading: "Los datos públicos aún no están cargados",
    dataMissing:
      "Los grupos, los miembros del Congreso y la búsqueda por código postal necesitan los datos públicos. Ejecuta `npm run data:update` (con conexión) o inicia con DATA_DIR apuntando a una copia de los datos.",
    comingSoon: "Pronto: directorio de grupos, búsqueda por código postal y guiones de llamada.",
  },
  aboutData: {
    title: "De dónde vienen nuestros datos",
    heading: "De dónde vienen nuestros datos",
    lead: "Cada cifra de este sitio viene de una fuente pública. Aquí están todas, su fecha y su licencia.",
    dataset: "Conjunto de datos",
    source: "Fuente",
    licence: "Licencia",
    version: "Versión",
    asOf: "Fecha",
    rows: "Filas",
    importedAt: "Importado",
    unknown: "desconocido",
    notLoaded: "No cargado",
    notLoadedHelp:
      "Este conjunto de datos no se ha importado. Un administrador puede ejecutar `npm run data:update` o iniciar la aplicación con DATA_DIR apuntando a una carpeta con los archivos.",
    credit: "Atribución",
    billsHeading: "Proyectos de ley de Medicare para Todos",
    billsLead:
      "Las listas de copatrocinadores vienen de los archivos oficiales. Donde nuestra copia está incompleta decimos «desconocido» en lugar de «no copatrocina».",
    bill: "Proyecto",
    billHeading: (number, congress, title) => `${number} (${congress}.º Congreso): ${title}`,
    cosponsorsLoaded: "Copatrocinadores registrados",
    officialCount: "Cifra oficial",
    complete: "completa",
    incomplete: "incompleta",
  },
  errors: {
    notFoundTitle: "Página no encontrada",
    notFoundHeading: "No encontramos esa página",
    notFoundBody: "El enlace puede ser antiguo o tener un error. Prueba la página de inicio.",
    serverErrorTitle: "Algo salió mal",
    serverErrorHeading: "Algo salió mal de nuestro lado",
    serverErrorBody: (requestId) =>
      `Inténtalo de nuevo en un minuto. Si sigue pasando, avisa a los organizadores con esta referencia: ${requestId}.`,
    forbiddenTitle: "Formulario vencido",
    forbiddenHeading: "Este formulario ha vencido",
    forbiddenBody: "Por tu seguridad, los formularios vencen. Vuelve atrás, recarga la página y envíalo de nuevo.",
    badRequestTitle: "Solicitud no entendida",
    unavailableTitle: "Aún no disponible",
    conflictTitle: "Eso choca con algo ya guardado",
    tooLargeTitle: "Demasiados datos",
    tooLargeBody: "Lo que enviaste es más grande de lo que aceptamos. Acórtalo e inténtalo de nuevo.",
    tooManyTitle: "Un momento, por favor",
    tooManyBody: (seconds) => `Demasiados intentos desde tu conexión. Inténtalo de nuevo en ${fmt(seconds)} segundos.`,
    backHome: "Ir a la página de inicio",
  },
};
