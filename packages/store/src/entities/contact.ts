import { Contact, type ContactOverrides, emailDomain, normalizeEmail } from "@rapport/core";

/** True when the user chose anything for this contact: such contacts are always analysed. */
export function hasChoices(overrides: ContactOverrides): boolean {
  return overrides.level !== undefined || overrides.key !== undefined || overrides.cadenceDays !== undefined;
}
import type { Item } from "../db.ts";
import { keys } from "../keys.ts";

export function contactItem(contact: Contact): Item {
  const valid = Contact.parse(contact);
  return {
    ...valid,
    ...keys.contact(valid.userId, valid.email),
    gsi1pk: keys.contactsByDomain(valid.userId, valid.domain),
    gsi1sk: normalizeEmail(valid.email),
    ...(hasChoices(valid.overrides)
      ? { gsi2pk: keys.contactsWithChoices(valid.userId), gsi2sk: normalizeEmail(valid.email) }
      : {}),
    entity: "contact",
  };
}

export function contactFromItem(item: Item): Contact {
  return Contact.parse(item);
}

/** A contact the user has chosen something about before any metadata was seen. */
export function bareContact(
  userId: string,
  email: string,
  overrides: ContactOverrides,
  now: string,
): Contact {
  const address = normalizeEmail(email);
  return {
    userId,
    email: address,
    domain: emailDomain(address),
    isInternal: false,
    stats: {
      meetingsHeld: 0,
      meetingsLast90Days: 0,
      oneOnOneMeetings: 0,
      mailIn: 0,
      mailOut: 0,
      unansweredInbound: 0,
      unansweredOutbound: 0,
      meetingsInitiatedByUser: 0,
      meetingsInitiatedByContact: 0,
      threadsStartedByUser: 0,
      threadsStartedByContact: 0,
      cancelledByUser: 0,
    },
    inferredLevel: "tentative",
    health: 0,
    overrides,
    updatedAt: now,
  };
}
