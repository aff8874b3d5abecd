/**
 * The running local system a scenario is replayed against. `@rapport/local` provides it as
 * `startLocalSystem(options)`; declared here so this package compiles on its own.
 */
export interface ReplayTarget {
  /** Our API's base URL. */
  apiUrl: string;
  /** Origin of that provider's emulator; its admin API is under /_emulator. */
  emulatorUrl(provider: "microsoft" | "google"): string;
  /** Sets the simulated clock of the system and the emulators. */
  setNow(iso: string): Promise<void>;
  /** Resolves when webhooks were delivered, the queue is empty and analysis ran. */
  drain(): Promise<void>;
  /** The daily re-analysis job, at the current simulated time. */
  runJob(name: "reanalyze"): Promise<void>;
  /** Forgets all users and data between scenarios. */
  reset(): Promise<void>;
  /** Stops the system, when it can be stopped (servers, DynamoDB Local). */
  stop?(): Promise<void>;
}

export type StartLocalSystem = (options: Record<string, unknown>) => Promise<ReplayTarget>;
