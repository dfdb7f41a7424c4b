import type { Messages } from "./en.js";

/** Spanish words for /admin (broadcasts); part of the catalogue as `admin.broadcasts`. */
export const adminBroadcastsEs: Messages["admin"]["broadcasts"] = {
  title: "Envíos",
  lead: "Escribe a quienes confirmaron su correo y todavía quieren noticias: todo el mundo, un estado o los miembros de un grupo.",
  composeHeading: "Nuevo envío",
  audienceLegend: "Quién lo recibe",
  audienceAll: "Todo el mundo en la lista nacional",
  audienceState: "La gente de un estado",
  audienceGroup: "Los miembros de un grupo",
  stateLabel: "Estado",
  groupLabel: "Grupo",
  choose: "Elige…",
  audienceAllLabel: "Todo el mundo en la lista nacional",
  audienceStateLabel: (state) => `La gente de ${state} (listas nacional y estatal)`,
  audienceGroupLabel: (group) => `Miembros de ${group}`,
  columns: { subject: "Asunto", audience: "Para", status: "Estado", recipients: "Destinatarios", created: "Escrito" },
};
