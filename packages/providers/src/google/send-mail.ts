import { randomBytes } from "node:crypto";
import { ProviderError } from "../provider.ts";
import type { GoogleClients } from "./clients.ts";
import { parseGoogleError } from "./parse-error.ts";

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  date: Date;
}

/**
 * An RFC 2822 message: multipart/alternative with a text and an HTML part, both UTF-8 in
 * base64, and the subject as an RFC 2047 encoded word when it is not plain ASCII. Pure apart
 * from the boundary, which may be passed in.
 */
export function buildMimeMessage(
  mail: OutgoingMail,
  boundary = `rapport-${randomBytes(12).toString("hex")}`,
): string {
  for (const [field, value] of [
    ["from", mail.from],
    ["to", mail.to],
    ["subject", mail.subject],
  ] as const) {
    if (/[\r\n]/.test(value))
      throw new ProviderError("invalid_request", `mail ${field} contains a line break`);
  }
  const lines = [
    `From: ${mail.from}`,
    `To: ${mail.to}`,
    `Subject: ${encodeHeaderText(mail.subject)}`,
    `Date: ${mail.date.toUTCString().replace("GMT", "+0000")}`,
    "MIME-Version: 1.0",
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    "",
    ...part(boundary, "text/plain", mail.text),
    ...part(boundary, "text/html", mail.html),
    `--${boundary}--`,
    "",
  ];
  return lines.join("\r\n");
}

function part(boundary: string, type: string, body: string): string[] {
  const encoded = Buffer.from(body, "utf8")
    .toString("base64")
    .replace(/.{1,76}/g, "$&\r\n")
    .trimEnd();
  return [
    `--${boundary}`,
    `Content-Type: ${type}; charset="UTF-8"`,
    "Content-Transfer-Encoding: base64",
    "",
    encoded,
  ];
}

/** Encoded words are at most 75 characters, so long subjects become several, folded. */
function encodeHeaderText(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const words: string[] = [];
  let chunk = "";
  for (const char of text) {
    if (Buffer.byteLength(chunk + char, "utf8") > 42) {
      words.push(chunk);
      chunk = "";
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, "utf8").toString("base64")}?=`).join("\r\n ");
}

/** `users.messages.send` with the message base64url-encoded in `raw`. */
export async function sendGmail(clients: GoogleClients, mail: OutgoingMail): Promise<void> {
  const raw = Buffer.from(buildMimeMessage(mail), "utf8").toString("base64url");
  await clients.gmail.users.messages.send({ userId: "me", requestBody: { raw } }).catch((error: unknown) => {
    throw parseGoogleError(error);
  });
}
