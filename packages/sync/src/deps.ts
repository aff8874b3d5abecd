import type { Clock, Logger, SyncQueue, TokenVault } from "@rapport/platform";
import type { ProviderRegistry } from "@rapport/providers";
import type { Store } from "@rapport/store";

/** What the services need from the outside world; assembled once per process. */
export interface SyncDeps {
  store: Store;
  queue: SyncQueue;
  vault: TokenVault;
  providers: ProviderRegistry;
  clock: Clock;
  logger: Logger;
  /** Where webhooks reach the API, no trailing slash. */
  publicBaseUrl: string;
  /** Called when something needs an operator's eye (metric + error log on AWS). */
  alert?: (name: string, detail: Record<string, unknown>) => void;
}
