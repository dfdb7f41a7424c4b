/**
 * Preloaded (node --require) into an app under test to crash it at an exact point: the
 * moment it writes a log line whose fields include every field of EI_TEST_KILL_ON_LOG (a JSON
 * object), the process sends itself SIGKILL, right after the line is written. A parent that
 * kills on seeing the line instead would be late by however long the pipe and its own event
 * loop take, and the app would have moved on.
 *
 * Test-only: never loaded by the app itself.
 */

const wanted = JSON.parse(process.env.EI_TEST_KILL_ON_LOG || "{}");
const keys = Object.keys(wanted);

function matches(chunk) {
  const text = typeof chunk === "string" ? chunk : Buffer.isBuffer(chunk) ? chunk.toString("utf8") : "";
  for (const line of text.split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      const fields = JSON.parse(line);
      if (keys.every((key) => fields[key] === wanted[key])) return true;
    } catch {
      // not a log line
    }
  }
  return false;
}

if (keys.length > 0) {
  // pino writes to process.stdout when its write method has been replaced (as here), so every
  // log line passes through this function as it is logged. On Linux a write to a pipe is
  // synchronous: the parent has the line before the kill.
  const write = process.stdout.write;
  process.stdout.write = function (chunk, ...rest) {
    const result = write.call(this, chunk, ...rest);
    if (matches(chunk)) process.kill(process.pid, "SIGKILL");
    return result;
  };
}
