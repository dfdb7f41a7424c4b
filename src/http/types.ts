import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import type { Actor } from "../domain/accounts/actor.js";
import type { MailCtx } from "../domain/context.js";
import type { Locale, Messages } from "../i18n/index.js";
import type { Geocoder } from "../integrations/geocoder/geocoder.js";
import type { Assets } from "../web/assets.js";

/** Everything the HTTP app needs from outside, built by main.ts (or by a test). */
export interface AppDeps {
  config: Config;
  database: Database;
  ctx: MailCtx;
  logger: Logger;
  assets: Assets;
  /** Address → congressional district, for ZIP codes that span several. */
  geocoder: Geocoder;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    deps: AppDeps;
    locale: Locale;
    t: Messages;
    csrfToken: string;
    clientIp: string;
    /** The signed-in staff member or organizer, on routes behind loadActorMiddleware. */
    actor: Actor | undefined;
    /** A Content-Security-Policy to send instead of the strict default (rare; see security-headers.ts). */
    cspOverride: string | undefined;
  };
}
