// Progressive enhancement for share bars. Without it every share link still works; this adds
// the phone's own share sheet where the browser has one, and a copy button. Other scripts call
// EverybodyIn.enhanceShare(section) on share bars they add (the campaign page, after a report).
"use strict";

function enhanceShare(root) {
  for (const button of root.querySelectorAll("button[data-share-native]")) {
    if (!navigator.share) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.share({ title: button.dataset.title, text: button.dataset.text, url: button.dataset.url });
      } catch {
        // Closing the sheet is not an error worth showing.
      }
    });
  }

  for (const button of root.querySelectorAll("button[data-share-copy]")) {
    const field = document.getElementById(button.dataset.shareCopy);
    const status = button.closest(".share-copy")?.querySelector("[data-share-status]");
    if (!field) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      let message = button.dataset.copied;
      try {
        await navigator.clipboard.writeText(field.value);
      } catch {
        field.select();
        message = document.execCommand("copy") ? button.dataset.copied : button.dataset.failed;
      }
      if (status) status.textContent = message;
    });
  }
}

window.EverybodyIn = Object.assign(window.EverybodyIn || {}, { enhanceShare });
enhanceShare(document);
