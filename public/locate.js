// "Use my location" on the campaign page, a progressive enhancement: the button is hidden in the
// HTML and shown here when the browser has the Geolocation API. The point goes to the server once,
// in the query string of the campaign page, which finds the district and does not keep it.
// Without JavaScript, or when permission is refused, the ZIP form works as before.
"use strict";

for (const box of document.querySelectorAll("[data-locate]")) {
  if (!("geolocation" in navigator)) continue;
  const button = box.querySelector("[data-locate-button]");
  const status = box.querySelector("[data-locate-status]");
  box.hidden = false;
  button.addEventListener("click", () => {
    button.disabled = true;
    status.textContent = box.dataset.locating;
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const url = new URL(box.dataset.action, window.location.href);
        // Four decimals is about 10 m: enough to place a district, and no more precise than that.
        url.searchParams.set("lat", position.coords.latitude.toFixed(4));
        url.searchParams.set("lng", position.coords.longitude.toFixed(4));
        const name = document.querySelector("#find input[name=name]");
        if (name && name.value.trim()) url.searchParams.set("name", name.value.trim());
        window.location.assign(url.href);
      },
      (error) => {
        button.disabled = false;
        status.textContent =
          error.code === error.PERMISSION_DENIED ? box.dataset.denied : error.code === error.TIMEOUT ? box.dataset.timeout : box.dataset.unavailable;
        document.querySelector("#find input[name=zip]")?.focus();
      },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 },
    );
  });
}
