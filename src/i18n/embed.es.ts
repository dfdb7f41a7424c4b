import type { Messages } from "./en.js";

/** Spanish words for the embeds partner sites put in an iframe (/embed/*); part of the `es` catalogue as `embed`. */
export const embedEs: Messages["embed"] = {
  poweredBy: "Con la tecnología de Everybody In",
  newTab: "(se abre en una pestaña nueva)",
  zipHint: "Solo se usa para encontrar a tus miembros del Congreso. No se guarda nada en este dispositivo.",
  splitNotice: (n) => `Tu código postal está dividido entre ${n} distritos del Congreso: una de estas personas de la Cámara es tu representante.`,
  findExactMember: "Encuentra a tu representante exacto por dirección",
  callLabel: (phone) => `Llamar al ${phone}`,
  officeCall: (office, phone) => `${office}: ${phone}`,
  writeLink: "Escríbeles",
  moreWays: "Más formas de actuar: cartas, publicaciones y todos los copatrocinadores",
  groupsHeading: (state) => `Grupos por Medicare para Todos en ${state}`,
  joinThis: "Unirme a este grupo",
  visitPage: "Ver la página del grupo",
  joinHeading: "Únete a un grupo",
  joinOneHeading: (group) => `Únete a ${group}`,
  joinLead: "Las personas que organizan verán tu nombre y código postal. Tu correo electrónico queda privado. Te escribiremos una vez para confirmar.",
  groupLabel: "Grupo",
  chooseGroup: "Elige un grupo",
  joinSubmit: "Unirme",
  noGroupLead: (state) => `Todavía no hay un grupo por un sistema de pagador único en ${state}. Tú podrías ser quien lo empiece.`,
  expiredTitle: "Este formulario ha caducado",
  expiredBody: "No se envió nada. Los formularios de aquí valen un día: vuelve a cargarlo y envíalo otra vez.",
  startAgain: "Empezar de nuevo",
  snippetHeading: "Ponlo en tu sitio web",
  snippetLead:
    "Copia este código en tu sitio (en WordPress, un bloque “HTML personalizado”). Muestra una versión compacta de esta página que funciona dentro de la tuya. No usa cookies ni carga nada de terceros.",
  snippetLabel: "Código para copiar",
};
