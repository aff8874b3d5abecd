import type { Person } from "@rapport/core";

/**
 * Parses an RFC 5322 address list as found in From/To/Cc headers:
 * `"Doe, Jane" <jane@x.example>, bob@y.example (Bob), Team: a@z.example, b@z.example;`.
 * Commas inside quotes, angle brackets and comments do not split; groups are flattened;
 * RFC 2047 encoded words in display names are decoded. Entries without an address are dropped.
 */
export function parseAddressList(header: string): Person[] {
  return splitMailboxes(header).flatMap((raw) => {
    const mailbox = parseMailbox(raw);
    return mailbox ? [mailbox] : [];
  });
}

function splitMailboxes(header: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  let angle = false;
  let comment = 0;
  for (let i = 0; i < header.length; i++) {
    const ch = header[i] as string;
    if (quoted) {
      current += ch;
      if (ch === "\\" && i + 1 < header.length) current += header[++i];
      else if (ch === '"') quoted = false;
      continue;
    }
    if (comment > 0) {
      current += ch;
      if (ch === "\\" && i + 1 < header.length) current += header[++i];
      else if (ch === "(") comment++;
      else if (ch === ")") comment--;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === "(") comment = 1;
    else if (ch === "<") angle = true;
    else if (ch === ">") angle = false;
    else if (!angle && ch === ":") {
      current = ""; // a group's display name names no one
      continue;
    } else if (!angle && (ch === "," || ch === ";")) {
      parts.push(current);
      current = "";
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

function parseMailbox(raw: string): Person | undefined {
  const open = raw.lastIndexOf("<");
  const close = raw.lastIndexOf(">");
  if (open !== -1 && close > open) {
    const email = raw.slice(open + 1, close).trim();
    const name = displayName(raw.slice(0, open));
    return validAddress(email) ? withName(email, name) : undefined;
  }
  // addr-spec alone, perhaps with a trailing comment holding the name: `bob@y.example (Bob)`.
  const commentAt = raw.indexOf("(");
  const email = (commentAt === -1 ? raw : raw.slice(0, commentAt)).trim();
  const name = commentAt === -1 ? undefined : displayName(raw.slice(commentAt + 1, raw.lastIndexOf(")")));
  return validAddress(email) ? withName(email, name) : undefined;
}

function displayName(text: string): string | undefined {
  let name = text.trim();
  if (name.startsWith('"') && name.endsWith('"') && name.length >= 2) {
    name = name.slice(1, -1).replace(/\\(.)/g, "$1");
  }
  name = decodeEncodedWords(name).replace(/\s+/g, " ").trim();
  return name.length > 0 ? name : undefined;
}

function validAddress(email: string): boolean {
  return /^[^\s@<>]+@[^\s@<>]+$/.test(email);
}

function withName(email: string, name: string | undefined): Person {
  return name && name !== email ? { email, name } : { email };
}

/** RFC 2047: `=?UTF-8?B?...?=` and `=?ISO-8859-1?Q?...?=`; whitespace between words is dropped. */
export function decodeEncodedWords(text: string): string {
  return text
    .replace(/(=\?[^?]+\?[bBqQ]\?[^?]*\?=)\s+(?==\?)/g, "$1")
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (word, charset: string, encoding: string, data: string) => {
      try {
        const bytes =
          encoding.toUpperCase() === "B"
            ? Buffer.from(data, "base64")
            : Buffer.from(
                data
                  .replace(/_/g, " ")
                  .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) =>
                    String.fromCharCode(Number.parseInt(hex, 16)),
                  ),
                "latin1",
              );
        return new TextDecoder(charset.split("*")[0]).decode(bytes);
      } catch {
        return word; // unknown charset: keep the text as it came
      }
    });
}
