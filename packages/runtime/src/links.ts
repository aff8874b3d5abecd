import type { User } from "@rapport/core";

/** Absolute links placed in emails: back to the sidebar, to settings, and to unsubscribe. */
export function emailLinks(publicBaseUrl: string) {
  return (user: Pick<User, "userId" | "unsubscribeToken">) => ({
    sidebar: `${publicBaseUrl}/addin/taskpane.html`,
    settings: `${publicBaseUrl}/settings`,
    unsubscribe: `${publicBaseUrl}/unsubscribe?u=${encodeURIComponent(user.userId)}&t=${encodeURIComponent(user.unsubscribeToken ?? "")}`,
  });
}
