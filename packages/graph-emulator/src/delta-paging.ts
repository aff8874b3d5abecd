import { randomUUID } from "node:crypto";
import { z } from "zod";
import { GraphHttpError } from "./errors.ts";
import type { Mailbox } from "./mailbox-store.ts";

/** What a `$deltatoken` encodes: the collection, window, mailbox and the sequence seen. */
export const DeltaState = z.object({
  kind: z.enum(["calendar", "inbox", "sentitems"]),
  mailbox: z.string(),
  seq: z.number().int(),
  epoch: z.number().int(),
  windowStart: z.number().optional(),
  windowEnd: z.number().optional(),
  select: z.string().optional(),
});
export type DeltaState = z.infer<typeof DeltaState>;

export function encodeDeltaToken(state: DeltaState): string {
  return Buffer.from(JSON.stringify(state)).toString("base64url");
}

/** Decodes a token and checks it still belongs to this mailbox's sync state. */
export function decodeDeltaToken(token: string, mailbox: Mailbox, kind: DeltaState["kind"]): DeltaState {
  let state: DeltaState;
  try {
    state = DeltaState.parse(JSON.parse(Buffer.from(token, "base64url").toString("utf8")));
  } catch {
    throw new GraphHttpError(400, "BadRequest", "The delta token is invalid.");
  }
  if (state.mailbox !== mailbox.id || state.kind !== kind)
    throw new GraphHttpError(400, "BadRequest", "The delta token is invalid.");
  if (state.epoch !== mailbox.deltaEpoch) {
    throw new GraphHttpError(
      410,
      mailbox.deltaExpiryCode,
      mailbox.deltaExpiryCode === "syncStateNotFound"
        ? "The sync state generation is not found. The delta token is expired and data must be synchronized again."
        : "Resync required. Replace any local cached copies with the results of a new initial sync.",
    );
  }
  return state;
}

interface Round {
  items: Record<string, unknown>[];
  deltaToken: string;
  pageSize: number;
}

/** Rounds in progress: each page after the first is found by `$skiptoken`. */
export class DeltaRounds {
  private readonly rounds = new Map<string, Round>();

  start(items: Record<string, unknown>[], deltaToken: string, pageSize: number): string {
    const id = randomUUID().replaceAll("-", "");
    this.rounds.set(id, { items, deltaToken, pageSize });
    return `${id}.0`;
  }

  /** One page: the items and either the next skiptoken or the delta token. */
  page(skipToken: string): { items: Record<string, unknown>[]; nextSkipToken?: string; deltaToken?: string } {
    const [id = "", offsetText = "0"] = skipToken.split(".");
    const round = this.rounds.get(id);
    const offset = Number(offsetText);
    if (!round || !Number.isInteger(offset))
      throw new GraphHttpError(400, "BadRequest", "The skip token is invalid.");
    const items = round.items.slice(offset, offset + round.pageSize);
    const next = offset + round.pageSize;
    if (next < round.items.length) return { items, nextSkipToken: `${id}.${next}` };
    this.rounds.delete(id);
    return { items, deltaToken: round.deltaToken };
  }
}

/** Page size from `Prefer: odata.maxpagesize=N`, else the emulator's small default. */
export function pageSizeFrom(prefer: string | undefined, fallback: number): number {
  const match = /odata\.maxpagesize\s*=\s*(\d+)/i.exec(prefer ?? "");
  const size = match ? Number(match[1]) : fallback;
  return Math.min(Math.max(size, 1), 1000);
}
