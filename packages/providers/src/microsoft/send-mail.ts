import type { Client } from "@microsoft/microsoft-graph-client";
import { parseGraphError } from "./parse-error.ts";

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
}

/** The `POST /me/sendMail` body: one HTML body, saved to Sent Items. */
export function sendMailBody(mail: OutgoingMail) {
  return {
    message: {
      subject: mail.subject,
      body: { contentType: "HTML", content: mail.html },
      toRecipients: [{ emailAddress: { address: mail.to } }],
    },
    saveToSentItems: true,
  };
}

/** Sends from the signed-in mailbox. Graph answers 202: accepted, not yet delivered. */
export async function sendGraphMail(client: Client, mail: OutgoingMail): Promise<void> {
  await client
    .api("/me/sendMail")
    .post(sendMailBody(mail))
    .catch((error: unknown) => {
      throw parseGraphError(error, "Graph sendMail");
    });
}
