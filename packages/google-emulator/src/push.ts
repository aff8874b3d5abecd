import type { Channel, EmulatorState, Mailbox } from "./state.ts";

export type ResourceState = "sync" | "exists" | "not_exists";

export interface PushRecord {
  channelId: string;
  address: string;
  state: ResourceState;
  messageNumber: number;
  status?: number;
  error?: string;
}

/**
 * Delivers Calendar push notifications as Google does: a POST with no body, the channel
 * headers, User-Agent `APIs-Google`. Deliveries run in the background; `flush` waits for them.
 * No retries: the real service retries only some failures and may drop messages anyway.
 */
export class PushDispatcher {
  private readonly pending = new Set<Promise<void>>();
  readonly log: PushRecord[] = [];

  constructor(private readonly state: EmulatorState) {}

  /** The `sync` message sent right after a channel is created. */
  announce(channel: Channel): void {
    channel.messageNumber = 1;
    this.send(channel, "sync");
  }

  /** An `exists` message to every live channel of the mailbox. */
  changed(mailbox: Mailbox): void {
    for (const channel of this.state.channels.values()) {
      if (channel.mailbox !== mailbox.email.toLowerCase() || !this.isLive(channel)) continue;
      channel.messageNumber += 1;
      this.send(channel, "exists");
    }
  }

  isLive(channel: Channel): boolean {
    return !channel.stopped && channel.expiration > this.state.now().getTime();
  }

  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private send(channel: Channel, state: ResourceState): void {
    const { faults } = this.state;
    if (faults.dropPushes || !this.isLive(channel)) return;
    const copies = faults.duplicatePushes ? 2 : 1;
    for (let i = 0; i < copies; i++) this.track(this.deliver(channel, state, channel.messageNumber));
  }

  private track(delivery: Promise<void>): void {
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery));
  }

  private async deliver(channel: Channel, state: ResourceState, messageNumber: number): Promise<void> {
    const headers: Record<string, string> = {
      "User-Agent": "APIs-Google",
      "X-Goog-Channel-ID": channel.id,
      "X-Goog-Channel-Expiration": new Date(channel.expiration).toUTCString(),
      "X-Goog-Resource-ID": channel.resourceId,
      "X-Goog-Resource-URI": channel.resourceUri,
      "X-Goog-Resource-State": state,
      "X-Goog-Message-Number": String(messageNumber),
    };
    if (channel.token !== undefined) headers["X-Goog-Channel-Token"] = channel.token;
    const record: PushRecord = { channelId: channel.id, address: channel.address, state, messageNumber };
    this.log.push(record);
    try {
      const response = await fetch(channel.address, {
        method: "POST",
        headers,
        signal: AbortSignal.timeout(10_000),
      });
      record.status = response.status;
      await response.body?.cancel();
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error);
    }
  }
}
