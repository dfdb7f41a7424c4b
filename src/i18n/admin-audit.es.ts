import type { Messages } from "./en.js";

/** Spanish words for /admin (audit); part of the catalogue as `admin.audit`. */
export const adminAuditEs: Messages["admin"]["audit"] = {
  title: "Registro de auditoría",
  lead: "Cada cambio hecho por el personal nacional y por quienes organizan grupos, y cada exportación: quién, qué y cuándo. Lo más reciente primero.",
  filterHeading: "Filtrar el registro",
  actionLabel: "La acción empieza por",
  actionHint: "Por ejemplo campaign. o cosponsors.import",
  actorLabel: "Hecho por (correo electrónico)",
  filter: "Filtrar",
  clear: "Mostrar todo",
  tableCaption: "Eventos de auditoría, lo más reciente primero",
  columns: { time: "Cuándo", actor: "Quién", action: "Qué", subject: "Sobre", detail: "Detalle" },
  system: "Línea de comandos o sistema",
  none: "Ningún evento coincide.",
  older: "Eventos anteriores",
  newest: "Volver a lo más reciente",
  badFilter: "No se puede usar este filtro: revise las casillas.",
};
