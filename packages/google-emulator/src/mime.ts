import type { SentMail } from "./state.ts";

/**
 * Reads a sent RFC 2822 message for the admin view: From, To, Subject (RFC 2047 decoded) and
 * the text and HTML parts of a multipart/alternative body. Tolerant: what it cannot read stays unset.
 */
export function decodeSentMessage(raw: string): Pick<SentMail, "from" | "to" | "subject" | "text" | "html"> {
  const { headers, body } = splitMessage(raw);
  const out: Pick<SentMail, "from" | "to" | "subject" | "text" | "html"> = {};
  if (headers.from) out.from = headers.from;
  if (headers.to) out.to = headers.to;
  if (headers.subject !== undefined) out.subject = decodeWords(headers.subject);
  const boundary = /boundary="?([^";]+)"?/i.exec(headers["content-type"] ?? "")?.[1];
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1) : [raw];
  for (const part of parts) {
    const { headers: ph, body: pb } = splitMessage(part.replace(/^\r?\n/, ""));
    const type = (ph["content-type"] ?? headers["content-type"] ?? "text/plain").toLowerCase();
    const text = decodeBody(
      pb.trim(),
      ph["content-transfer-encoding"] ?? headers["content-transfer-encoding"],
    );
    if (type.startsWith("text/html")) out.html = text;
    else if (type.startsWith("text/plain")) out.text = text;
  }
  return out;
}

function splitMessage(text: string): { headers: Record<string, string>; body: string } {
  const at = text.search(/\r?\n\r?\n/);
  const head = at === -1 ? text : text.slice(0, at);
  const body = at === -1 ? "" : text.slice(at).replace(/^\r?\n\r?\n/, "");
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function decodeBody(body: string, encoding: string | undefined): string {
  const enc = (encoding ?? "").toLowerCase();
  if (enc === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (enc === "quoted-printable") {
    const bytes = body
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

function decodeWords(text: string): string {
  return text
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_w, _charset: string, enc: string, data: string) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : decodeBody(data.replace(/_/g, " "), "quoted-printable"),
    );
}
