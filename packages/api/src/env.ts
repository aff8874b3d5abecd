import type { User } from "@rapport/core";
import type { Logger } from "@rapport/platform";

/** Per-request values set by middleware. */
export interface AppEnv {
  Variables: {
    requestId: string;
    log: Logger;
    user: User;
  };
}
