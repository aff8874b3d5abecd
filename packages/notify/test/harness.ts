import { randomUUID } from "node:crypto";
import { createDynamoClient, createStore, createTable } from "@rapport/store";
import { inject } from "vitest";
import type { LinksFor, MailSender } from "../src/index.ts";

/** A fresh table in the shared DynamoDB Local, and a real store on it. */
export async function freshStore(label: string) {
  const client = createDynamoClient({ endpoint: inject("dynamodbEndpoint") });
  const tableName = `notify-${label}-${randomUUID().slice(0, 8)}`;
  await createTable(client, tableName);
  return createStore({ client, tableName });
}

export type SentMail = Parameters<MailSender["send"]>[0];

/** Records what would have been sent; can be told to fail. */
export function recordingSender(options: { failTimes?: number } = {}) {
  const sent: SentMail[] = [];
  let failures = options.failTimes ?? 0;
  const sender: MailSender = {
    async send(mail) {
      // Yield so two overlapping runs really interleave.
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (failures > 0) {
        failures--;
        throw new Error("mailbox unavailable");
      }
      sent.push(mail);
    },
  };
  return { sender, sent };
}

export const links: LinksFor = (user) => ({
  sidebar: "https://rapport.test/addin/taskpane.html",
  settings: "https://rapport.test/settings",
  unsubscribe: `https://rapport.test/unsubscribe?u=${encodeURIComponent(user.userId)}&t=${encodeURIComponent(user.unsubscribeToken ?? "")}`,
});
