import type { Logger } from "pino";
import type { ProgressListener } from "../domain/public-data/progress.js";

/**
 * Import progress for a process without a terminal (a service, a container, CI): one info
 * line as each dataset starts, so a first import that takes a minute visibly moves and a
 * crash can be placed; batches go to debug. The report after the import gives the outcomes.
 */
export function logProgress(logger: Logger): ProgressListener {
  return (event) => {
    if (event.kind === "dataset-start") logger.info({ dataset: event.key }, `importing public dataset: ${event.title}`);
    else if (event.kind === "rows") logger.debug({ dataset: event.key, done: event.done, total: event.total }, "import batch written");
  };
}
