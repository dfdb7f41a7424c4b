import { createMiddleware } from "hono/factory";
import { secureHeaders } from "hono/secure-headers";
import type { Config } from "../config.js";
import { isEmbedPath } from "./embed-csrf.js";
import type { AppEnv } from "./types.js";

/**
 * Strict Content-Security-Policy: only our own scripts, styles and images; no inline code,
 * no third-party requests (no trackers, fonts or CDNs), no framing. Only the embeds under
 * /embed/ may be framed, by any site or by the origins in EMBED_ALLOWED_ORIGINS (decision 0014).
 */
export function securityHeaders({ isProduction, embedAllowedOrigins }: Pick<Config, "isProduction" | "embedAllowedOrigins">) {
  const headers = (frameAncestors: string[]) =>
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors,
        ...(isProduction ? { upgradeInsecureRequests: [] } : {}),
      },
      strictTransportSecurity: isProduction ? "max-age=31536000; includeSubDomains" : false,
      referrerPolicy: "strict-origin-when-cross-origin",
      crossOriginEmbedderPolicy: false,
      permissionsPolicy: { camera: [], microphone: [], geolocation: ["self"] },
      // Older browsers know only X-Frame-Options, which cannot list sites: embeds send none.
      xFrameOptions: frameAncestors.includes("'none'") ? "DENY" : false,
    });
  const strict = headers(["'none'"]);
  const embeddable = headers(embedAllowedOrigins ?? ["*"]);
  // A handler that serves foreign HTML (the development mail viewer) sets `cspOverride` to a
  // policy of its own; secureHeaders writes its headers after the handler, so apply it last.
  return createMiddleware<AppEnv>(async (c, next) => {
    await (isEmbedPath(c.req.path) ? embeddable : strict)(c, next);
    const override = c.get("cspOverride");
    if (override) c.res.headers.set("Content-Security-Policy", override);
  });
}
