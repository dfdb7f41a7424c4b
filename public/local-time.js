// Progressive enhancement for event pages: the time is always shown in the event's own zone;
// when the visitor's device is in another zone, add the time there too ("Your time: …").
"use strict";

for (const slot of document.querySelectorAll("[data-local-time]")) {
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!own || own === slot.dataset.zone) continue;
  const start = new Date(slot.dataset.start);
  const end = new Date(slot.dataset.end);
  const format = new Intl.DateTimeFormat(slot.dataset.lang, {
    weekday: "long",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  });
  // Same clock time in both zones (Phoenix and Denver in winter, say): nothing to add.
  const inEventZone = new Intl.DateTimeFormat("en-US", { timeZone: slot.dataset.zone, hour: "numeric", minute: "2-digit", day: "numeric" }).format(start);
  const inOwnZone = new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", day: "numeric" }).format(start);
  if (inEventZone === inOwnZone) continue;
  slot.textContent = ` · ${slot.dataset.label}: ${format.formatRange(start, end)}`;
  slot.hidden = false;
}
