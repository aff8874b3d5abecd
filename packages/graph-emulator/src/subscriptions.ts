import { randomUUID } from "node:crypto";
import { GraphHttpError } from "./errors.ts";
import { SubscriptionInput } from "./graph-shapes.ts";
import type { Mailbox } from "./mailbox-store.ts";
import { validateNotificationUrl } from "./notifier.ts";
import type { EmulatorState } from "./state.ts";
import { graphInstant } from "./time-zones.ts";

export interface SubscriptionRecord {
  id: string;
  resource: string;
  changeType: string;
  notificationUrl: string;
  lifecycleNotificationUrl?: string;
  clientState?: string;
  expirationMs: number;
  applicationId: string;
  mailbox: string;
  creatorId: string;
  /** Whether `Prefer: IdType="ImmutableId"` was sent at creation. */
  immutableIds: boolean;
  /** Set when notifications were dropped, so a `missed` lifecycle event follows. */
  missedPending?: boolean;
}

const MIN_MINUTES = 45;
const MAX_MINUTES = 10_080;
const MINUTE = 60_000;

/** Is `resource` this mailbox's event collection? (`/me/events`, `users/{id|upn}/events`, ...) */
export function watchesEvents(resource: string, mailbox: Mailbox): boolean {
  const path = resource.replace(/^\/+/, "").toLowerCase();
  const owners = ["me", `users/${mailbox.id}`, `users/${mailbox.email}`];
  return owners.some((o) => path === `${o}/events` || path === `${o}/calendar/events`);
}

function watchesMessages(resource: string, mailbox: Mailbox): boolean {
  const path = resource.replace(/^\/+/, "").toLowerCase();
  const owners = ["me", `users/${mailbox.id}`, `users/${mailbox.email}`];
  return owners.some((o) => path === `${o}/messages` || path.startsWith(`${o}/mailfolders`));
}

export function renderSubscription(state: EmulatorState, s: SubscriptionRecord): Record<string, unknown> {
  return {
    "@odata.context": `${state.graphUrl}/$metadata#subscriptions/$entity`,
    id: s.id,
    resource: s.resource,
    applicationId: s.applicationId,
    changeType: s.changeType,
    clientState: s.clientState ?? null,
    notificationUrl: s.notificationUrl,
    notificationQueryOptions: null,
    lifecycleNotificationUrl: s.lifecycleNotificationUrl ?? null,
    expirationDateTime: graphInstant(s.expirationMs),
    creatorId: s.creatorId,
    includeResourceData: null,
    latestSupportedTlsVersion: "v1_2",
    encryptionCertificate: null,
    encryptionCertificateId: null,
    notificationUrlAppId: null,
  };
}

/** Expiry rules: under 45 minutes is raised to 45; beyond 10,080 minutes is refused. */
function checkedExpiry(value: string, nowMs: number): number {
  const requested = Date.parse(value);
  if (Number.isNaN(requested))
    throw new GraphHttpError(400, "InvalidRequest", "expirationDateTime is not a valid date.");
  if (requested > nowMs + MAX_MINUTES * MINUTE) {
    throw new GraphHttpError(
      400,
      "InvalidRequest",
      `Subscription expiration can only be ${MAX_MINUTES} minutes in the future.`,
    );
  }
  return Math.max(requested, nowMs + MIN_MINUTES * MINUTE);
}

export async function createSubscription(
  state: EmulatorState,
  body: unknown,
  ctx: { mailbox: Mailbox; applicationId: string; immutableIds: boolean },
): Promise<SubscriptionRecord> {
  const parsed = SubscriptionInput.safeParse(body);
  if (!parsed.success)
    throw new GraphHttpError(
      400,
      "InvalidRequest",
      `Invalid subscription: ${parsed.error.issues[0]?.path.join(".")} ${parsed.error.issues[0]?.message}`,
    );
  const input = parsed.data;
  const nowMs = state.now().getTime();
  if ((input.clientState?.length ?? 0) > 128)
    throw new GraphHttpError(400, "InvalidRequest", "clientState must be 128 characters or fewer.");
  const changeTypes = input.changeType.split(",").map((t) => t.trim());
  if (changeTypes.some((t) => !["created", "updated", "deleted"].includes(t)))
    throw new GraphHttpError(400, "InvalidRequest", "Invalid changeType.");
  if (!watchesEvents(input.resource, ctx.mailbox) && !watchesMessages(input.resource, ctx.mailbox)) {
    throw new GraphHttpError(400, "InvalidRequest", `Unsupported resource '${input.resource}'.`);
  }
  const expirationMs = checkedExpiry(input.expirationDateTime, nowMs);
  const duplicate = [...state.subscriptions.values()].find(
    (s) =>
      s.mailbox === ctx.mailbox.email &&
      s.applicationId === ctx.applicationId &&
      s.resource.toLowerCase() === input.resource.toLowerCase() &&
      s.changeType === input.changeType,
  );
  if (duplicate)
    throw new GraphHttpError(
      409,
      "Conflict",
      `Subscription Id ${duplicate.id} already exists for the requested combination`,
    );
  for (const url of [input.notificationUrl, input.lifecycleNotificationUrl]) {
    if (!url) continue;
    const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
    const failure = await validateNotificationUrl(url, token, state.webhookTimeoutMs);
    if (failure) throw new GraphHttpError(400, "ValidationError", failure);
  }
  const record: SubscriptionRecord = {
    id: randomUUID(),
    resource: input.resource,
    changeType: input.changeType,
    notificationUrl: input.notificationUrl,
    ...(input.lifecycleNotificationUrl ? { lifecycleNotificationUrl: input.lifecycleNotificationUrl } : {}),
    ...(input.clientState !== undefined ? { clientState: input.clientState } : {}),
    expirationMs,
    applicationId: ctx.applicationId,
    mailbox: ctx.mailbox.email,
    creatorId: ctx.mailbox.id,
    immutableIds: ctx.immutableIds,
  };
  state.subscriptions.set(record.id, record);
  return record;
}

export function renewSubscription(
  state: EmulatorState,
  id: string,
  body: unknown,
  applicationId: string,
): SubscriptionRecord {
  const record = liveSubscription(state, id, applicationId);
  const expiration = (body as { expirationDateTime?: unknown } | null)?.expirationDateTime;
  if (typeof expiration !== "string")
    throw new GraphHttpError(400, "InvalidRequest", "expirationDateTime is required.");
  record.expirationMs = checkedExpiry(expiration, state.now().getTime());
  return record;
}

export function deleteSubscription(state: EmulatorState, id: string, applicationId: string): void {
  liveSubscription(state, id, applicationId);
  state.subscriptions.delete(id);
}

function liveSubscription(state: EmulatorState, id: string, applicationId: string): SubscriptionRecord {
  const record = state.subscriptions.get(id);
  if (!record || record.applicationId !== applicationId || record.expirationMs <= state.now().getTime()) {
    if (record) state.subscriptions.delete(id); // Graph deletes subscriptions that were not renewed in time
    throw new GraphHttpError(404, "ResourceNotFound", `The object was not found. Subscription '${id}'.`);
  }
  return record;
}
