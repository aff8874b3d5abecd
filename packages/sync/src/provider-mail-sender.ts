import type { AccessTokenSource } from "./access-tokens.ts";
import type { SyncDeps } from "./deps.ts";
import { openSession } from "./sessions.ts";

/**
 * Sends an email from the user's own mailbox (Graph sendMail / Gmail send), so briefings come
 * from a sender the user already trusts and need no domain of ours.
 */
export function providerMailSender(deps: SyncDeps, tokens: AccessTokenSource) {
  return {
    async send(input: { userId: string; to: string; subject: string; html: string; text: string }): Promise<void> {
      const connections = await deps.store.connections.listForUser(input.userId);
      const connection = connections.find((c) => c.status === "active");
      if (!connection) throw new Error("no active connection to send from");
      const session = await openSession(deps, tokens, connection);
      await session.sendMail({ to: input.to, subject: input.subject, html: input.html, text: input.text });
    },
  };
}
