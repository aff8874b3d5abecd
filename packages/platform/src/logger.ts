import { Logger } from "@aws-lambda-powertools/logger";
import type { LogLevel } from "./config.ts";
import { redactingReplacer } from "./redact.ts";

export type { Logger };

/** The subset of the logger that adapters need, so tests can pass a recording stand-in. */
export type Log = Pick<Logger, "debug" | "info" | "warn" | "error">;

/**
 * The one logger factory: Powertools JSON lines, with every value passed through the redacting
 * replacer (Powertools applies it before its own Error/BigInt handling, at every depth).
 * LOG_LEVEL / POWERTOOLS_LOG_LEVEL in the environment apply when no level is given.
 */
export function createLogger(serviceName: string, options: { logLevel?: LogLevel } = {}): Logger {
  return new Logger({
    serviceName,
    ...(options.logLevel ? { logLevel: options.logLevel } : {}),
    jsonReplacerFn: redactingReplacer,
  });
}

/**
 * A child logger that stamps `requestId` on every line. A child rather than appendKeys on the
 * shared instance, because the local server handles many requests at once in one process.
 */
export function withRequestId(logger: Logger, requestId: string): Logger {
  return logger.createChild({ persistentKeys: { requestId } });
}
