// Progressive enhancement for a broadcast's progress page: while it is sending, ask the JSON
// endpoint every few seconds and update the counts in place. Without it the "Refresh" link
// does the same by hand.
"use strict";

const section = document.querySelector("[data-progress-url]");
if (section && window.fetch) {
  const words = JSON.parse(section.dataset.statusWords || "{}");
  const format = new Intl.NumberFormat(document.documentElement.lang || "en");
  const tick = async () => {
    try {
      const response = await fetch(section.dataset.progressUrl, { headers: { accept: "application/json" }, credentials: "same-origin" });
      if (!response.ok) return;
      const progress = await response.json();
      for (const key of ["recipients", "sent", "queued", "failed", "skipped"]) {
        const cell = section.querySelector(`[data-progress="${key}"]`);
        if (cell && typeof progress[key] === "number") cell.textContent = format.format(progress[key]);
      }
      const status = section.querySelector('[data-progress="status"]');
      if (status && words[progress.status]) status.textContent = words[progress.status];
      if (progress.status !== "sending") {
        const refresh = section.querySelector('[data-progress="refresh"]');
        if (refresh) refresh.hidden = true;
        return;
      }
    } catch {
      // Offline for a moment: try again on the next tick.
    }
    setTimeout(tick, 3000);
  };
  setTimeout(tick, 3000);
}
