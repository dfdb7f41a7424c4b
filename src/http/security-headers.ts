import { createMiddleware } from "hono/factory";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "./types.js";

/**
 * Strict Content-Security-Policy: only our own scripts, styles and images; no inline code,
 * no third-party requests (no trackers, fonts or CDNs), no framing.
 */
export function securityHeaders(isProduction: boolean) {
  const strict = secureHeaders({
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
      frameAncestors: ["'none'"],
      ...(isProduction ? { upgradeInsecureRequests: [] } : {}),
    },
    strictTransportSecurity: isProduction ? "max-age=31536000; includeSubDomains" : false,
    referrerPolicy: "strict-origin-when-cross-origin",
    crossOriginEmbedderPolicy: false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: ["self"] },
    xFrameOptions: "DENY",
  });
  // A handler that serves foreign HTML (the development mail viewer) sets `cspOverride` to a
  // policy of its own; secureHeaders writes its headers after the handler, so apply it last.
  return createMiddleware<AppEnv>(async (c, next) => {
    await strict(c, next);
    const override = c.get("cspOverride");
    if (override) c.res.headers.set("Content-Security-Policy", override);
  });
}
