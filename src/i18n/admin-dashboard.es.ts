import type { Messages } from "./en.js";

/** Spanish words for /admin (dashboard); part of the catalogue as `admin.dashboard`. */
export const adminDashboardEs: Messages["admin"]["dashboard"] = {
  title: "Panel",
  heading: "Panel nacional",
  headlineLabel: "El movimiento de un vistazo",
  activeGroups: "Grupos locales activos",
  statesCovered: "Estados con un grupo",
  statesCoveredValue: (n, total) => `${n} de ${total}`,
  peopleConfirmed: "Personas con el correo confirmado",
  actionsLastSevenDays: "Acciones en los últimos 7 días",
  pendingApplications: "Solicitudes para fundar un grupo, en espera",
  reviewApplications: (n) => (n === 1 ? "Revisar la solicitud en espera" : `Revisar las ${n} solicitudes en espera`),
  showTable: "Ver como tabla",
  weekOf: "Semana del",
  noData: "Todavía no hay nada que mostrar.",
  coverageHeading: "Estados cubiertos a lo largo del tiempo",
  coverageTitle: "Estados con un grupo activo, semana a semana",
  coverageDesc: (weeks, latest, total) =>
    `Una línea de las últimas ${weeks} semanas. Al final de la última semana, ${latest} de ${total} estados tenían un grupo activo.`,
  coverageSeries: "Estados cubiertos",
  growthHeading: "Inscripciones y nuevos miembros de grupos por semana",
  growthTitle: "Inscripciones confirmadas y nuevos miembros de grupos, semana a semana",
  growthDesc: (weeks, signUps, joins) =>
    `Dos columnas por semana durante las últimas ${weeks} semanas. En total, ${signUps} personas confirmaron su correo y se confirmaron ${joins} membresías de grupos.`,
  signUpsSeries: "Inscripciones confirmadas",
  joinsSeries: "Nuevos miembros de grupos",
  membersHeading: "Acciones por miembro del Congreso",
  membersLead: (campaign) => `Los 20 miembros a quienes más personas contactaron en la campaña “${campaign}”, en total y en los últimos 7 días.`,
  noCampaign: "No hay ninguna campaña en marcha, así que no hay acciones que contar.",
  membersTitle: "Acciones reportadas por miembro del Congreso",
  membersDesc: (shown, top, count) =>
    `Barras horizontales de los ${shown} miembros con más acciones reportadas. El más contactado es ${top}, con ${count}.`,
  memberColumn: "Miembro del Congreso",
  allTime: "En total",
  lastSevenDays: "Últimos 7 días",
  staleHeading: "Grupos sin confirmar su actividad en 6 meses",
  staleLead: (n, days) =>
    n === 1
      ? `1 grupo activo no ha confirmado que sigue reuniéndose en los últimos ${days} días, o nunca.`
      : `${n} grupos activos no han confirmado que siguen reuniéndose en los últimos ${days} días, o nunca.`,
  staleShown: (shown, total) => `Aquí están los ${shown} que llevan más tiempo sin confirmar, de ${total}.`,
  staleNone: "Todos los grupos activos confirmaron su actividad en los últimos 6 meses.",
  groupColumn: "Grupo",
  stateColumn: "Estado",
  lastConfirmedColumn: "Última confirmación",
  never: "Nunca",
  finePrintHeading: "Cómo se cuentan",
  finePrintWeeks: "Las semanas empiezan el lunes (UTC). La última semana sigue en curso, así que sus cifras crecerán.",
  finePrintCoverage:
    "Los estados cubiertos son una estimación: no guardamos el historial del estado de cada grupo. Un grupo cuenta desde el día en que empezó (su aprobación, o el día en que se añadió en el caso de los grupos importados de la lista inicial) si hoy está activo. Los grupos cerrados desde entonces no cuentan en ninguna semana, así que las semanas anteriores pueden mostrar menos estados de los que hubo.",
  finePrintPeople: "Las inscripciones son personas que confirmaron su correo. Los nuevos miembros son membresías de grupos confirmadas por correo, incluidas las de quienes ya se fueron.",
  finePrintActions: "Las acciones son lo que las personas reportaron después de contactar a sus miembros: llamadas, cartas y publicaciones. Nadie las verifica.",
};
