import {
  type Contact,
  effectiveLevel,
  emailDomain,
  isKeyContact,
  normalizeEmail,
  type RelationshipCard,
  type User,
} from "@rapport/core";

/** The relationship card of one person for one user; someone never seen gets an empty card. */
export function relationshipCard(user: User, email: string, contact: Contact | undefined, name?: string): RelationshipCard {
  const address = normalizeEmail(email);
  const domain = emailDomain(address);
  const isInternal = contact?.isInternal ?? isInternalDomain(user, domain);
  if (!contact) {
    return {
      email: address,
      name,
      domain,
      isInternal,
      level: "tentative",
      levelChosen: false,
      key: false,
      health: 0,
      meetingsLast90Days: 0,
      unansweredInbound: 0,
      reciprocity: { meetingsInitiatedByUser: 0, meetingsInitiatedByContact: 0, threadsStartedByUser: 0, threadsStartedByContact: 0 },
      known: false,
    };
  }
  const s = contact.stats;
  return {
    email: address,
    name: contact.name ?? name,
    domain,
    isInternal,
    level: effectiveLevel(contact),
    levelChosen: contact.overrides.level !== undefined,
    key: isKeyContact(contact),
    cadenceDays: contact.overrides.cadenceDays,
    health: contact.health,
    lastMetAt: s.lastMetAt,
    lastMailInAt: s.lastMailInAt,
    lastMailOutAt: s.lastMailOutAt,
    meetingsLast90Days: s.meetingsLast90Days,
    unansweredInbound: s.unansweredInbound,
    reciprocity: {
      meetingsInitiatedByUser: s.meetingsInitiatedByUser,
      meetingsInitiatedByContact: s.meetingsInitiatedByContact,
      threadsStartedByUser: s.threadsStartedByUser,
      threadsStartedByContact: s.threadsStartedByContact,
    },
    known: Boolean(s.lastMetAt || s.lastMailInAt || s.lastMailOutAt),
  };
}

function isInternalDomain(user: User, domain: string): boolean {
  return domain === emailDomain(user.email) || user.settings.internalDomains.map(normalizeEmail).includes(domain);
}
