import type { Campaign } from "../../domain/campaigns/campaign-catalogue.js";
import { Notice } from "./form.js";
import type { View } from "../view.js";

/** Why a location could not be used: coordinates that are not a point, or a point in no district. */
export type LocationProblem = "bad_point" | "outside";

/**
 * "Use my location": hidden in the HTML and shown by public/locate.js, because it needs the
 * browser's Geolocation API. The script sends the point to the campaign page as ?lat=&lng=; the
 * words it needs travel in data attributes, in the page's language.
 */
export function LocateButton({ view, campaign, problem }: { view: View; campaign: Campaign; problem?: LocationProblem | undefined }) {
  const t = view.t.locate;
  return (
    <>
      {problem ? <Notice>{problem === "outside" ? t.outsidePoint : t.badPoint}</Notice> : null}
      <div class="locate" data-locate data-action={view.href(campaign.path)} data-locating={t.locating} data-denied={t.denied} data-unavailable={t.unavailable} data-timeout={t.timeout} hidden>
        <button type="button" class="button-secondary" data-locate-button>
          {t.button}
        </button>
        <p class="hint">{t.hint}</p>
        <p class="locate-status" role="status" data-locate-status></p>
      </div>
    </>
  );
}
