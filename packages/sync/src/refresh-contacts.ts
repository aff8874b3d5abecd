import { type Contact, emailDomain, normalizeEmail } from "@rapport/core";
import { createContactAccumulator, inferLevel, isInternal, isOwnAddress, isPerson, type UserContext } from "@rapport/analysis";
import type { SyncDeps } from "./deps.ts";

const PAGE = 500;

/**
 * Recomputes one person's aggregates from their interactions, streamed page by page through a
 * fold, so a contact with years of history never sits in memory whole. The user's overrides
 * are carried over untouched: they always win over what metadata suggests.
 */
export async function refreshContact(
  deps: SyncDeps,
  user: UserContext,
  email: string,
  name: string | undefined,
  now: Date,
): Promise<Contact | undefined> {
  const address = normalizeEmail(email);
  if (isOwnAddress(address, user) || !isPerson(address)) return undefined;
  const accumulator = createContactAccumulator(address, user, now);
  let cursor: string | undefined;
  let count = 0;
  do {
    const page = await deps.store.interactions.listForContact(user.userId, address, { limit: PAGE, cursor });
    for (const interaction of page.items) accumulator.add(interaction);
    count += page.items.length;
    cursor = page.cursor;
  } while (cursor);

  const existing = await deps.store.contacts.get(user.userId, address);
  if (count === 0 && !existing) return undefined;
  const stats = accumulator.result(now);
  const { level, health } = inferLevel(stats, now.toISOString());
  const contact: Contact = {
    userId: user.userId,
    email: address,
    name: name ?? existing?.name,
    domain: emailDomain(address),
    isInternal: isInternal(address, user),
    stats,
    inferredLevel: level,
    health,
    overrides: existing?.overrides ?? {},
    updatedAt: now.toISOString(),
  };
  if (!existing || contactChanged(existing, contact)) await deps.store.contacts.put(contact);
  return contact;
}

function contactChanged(a: Contact, b: Contact): boolean {
  const strip = ({ updatedAt: _u, ...rest }: Contact) => rest;
  return JSON.stringify(strip(a)) !== JSON.stringify(strip(b));
}
