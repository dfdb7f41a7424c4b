// Progressive enhancement for campaign pages. Without it everything still works: outcome
// buttons post the form and come back to the card, and the letter can be selected by hand.
"use strict";

// Copy buttons: hidden in the HTML because copying needs a script.
for (const button of document.querySelectorAll("button[data-copy]")) {
  button.hidden = false;
  button.addEventListener("click", async () => {
    const field = document.getElementById(button.dataset.copy);
    if (!field) return;
    try {
      await navigator.clipboard.writeText(field.value);
    } catch {
      field.select();
      document.execCommand("copy");
    }
    const label = button.textContent;
    button.textContent = button.dataset.copied;
    setTimeout(() => (button.textContent = label), 2000);
  });
}

// Outcome reports: sent in the background, the card's counter updated in place.
for (const form of document.querySelectorAll("form[data-outcome-form]")) {
  form.addEventListener("submit", async (event) => {
    const submitter = event.submitter;
    if (!submitter || !window.fetch) return;
    event.preventDefault();
    const data = new URLSearchParams(new FormData(form));
    data.set(submitter.name, submitter.value);
    const buttons = form.querySelectorAll("button");
    for (const b of buttons) b.disabled = true;
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: data,
        headers: { accept: "application/json" },
        credentials: "same-origin",
      });
      if (!response.ok) throw new Error(`status ${response.status}`);
      const body = await response.json();
      form.querySelector(".outcome-status").textContent = body.message;
      const counter = form.closest(".member-card")?.querySelector("[data-counter]");
      if (counter) counter.textContent = body.counter;
      const totals = document.querySelector("[data-totals]");
      if (totals) totals.textContent = body.totals;
      // The first report gives the caller a link of their own: it takes the page's share bar's place.
      const pageShare = document.querySelector('section[data-share="page"]');
      if (pageShare && body.yourLinkHtml) {
        const holder = document.createElement("div");
        holder.innerHTML = body.yourLinkHtml;
        const personal = holder.firstElementChild;
        pageShare.replaceWith(personal);
        window.EverybodyIn?.enhanceShare(personal);
      }
    } catch {
      // Let the server answer the ordinary way (an error page says what went wrong).
      const hidden = Object.assign(document.createElement("input"), { type: "hidden", name: submitter.name, value: submitter.value });
      form.append(hidden);
      HTMLFormElement.prototype.submit.call(form);
    } finally {
      for (const b of buttons) b.disabled = false;
    }
  });
}
