import type { FeaturedEvent } from "../../domain/events/get-featured-event.js";
import type { View } from "../view.js";
import { formatEventWhen } from "../../lib/event-time.js";

/**
 * The national event staff feature on the home page: its title and time in its own zone, then
 * "Watch live" while it is on and has a livestream, otherwise "RSVP" to its page.
 */
export function FeaturedEventCard({ view, event }: { view: View; event: FeaturedEvent }) {
  const t = view.t.eventsAdmin.home;
  const live = event.phase === "live";
  return (
    <section class="featured-event" aria-labelledby="featured-event-heading" data-phase={event.phase}>
      <p class="featured-event-label">
        {t.label}
        {live ? <span class="live-badge">{t.liveNow}</span> : null}
      </p>
      <h2 id="featured-event-heading">
        <a href={view.href(event.path)}>{event.title}</a>
      </h2>
      <p class="featured-event-when">{formatEventWhen(view.locale, event.startsAt, event.endsAt, event.timeZone)}</p>
      <p class="featured-event-actions">
        {live && event.livestreamUrl ? (
          <a class="button" href={event.livestreamUrl} rel="noopener">
            {t.watchLive[event.kind]}
          </a>
        ) : (
          <a class="button" href={view.href(event.path)}>
            {t.rsvp}
          </a>
        )}
      </p>
    </section>
  );
}
