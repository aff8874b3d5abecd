/**
 * Delivers notification batches to webhook URLs the way Graph does: JSON `{ value: [...] }`,
 * retried on failure, optionally duplicated or reordered. `flush()` resolves once everything
 * queued so far has been delivered (or given up on).
 */
export interface DeliveryRecord {
  url: string;
  items: number;
  status: number | "error";
  attempts: number;
}

export class Notifier {
  private queue: Array<{ url: string; items: unknown[] }> = [];
  private readonly inFlight = new Set<Promise<void>>();
  private scheduled = false;
  readonly deliveries: DeliveryRecord[] = [];

  constructor(
    private readonly options: {
      timeoutMs: number;
      duplicate: () => boolean;
      holdForFlush: () => boolean;
      maxAttempts?: number;
    },
  ) {}

  /** Queues items for `url`; items queued in the same tick go out as one batch. */
  enqueue(url: string, items: unknown[]): void {
    // Held batches stay separate so that reordering them is visible.
    const open = this.options.holdForFlush() ? undefined : this.queue.find((b) => b.url === url);
    if (open) open.items.push(...items);
    else this.queue.push({ url, items: [...items] });
    if (!this.options.holdForFlush() && !this.scheduled) {
      this.scheduled = true;
      setTimeout(() => this.drain(false), 0);
    }
  }

  async flush(): Promise<void> {
    this.drain(this.options.holdForFlush());
    while (this.inFlight.size > 0 || this.queue.length > 0) {
      if (this.queue.length > 0) this.drain(this.options.holdForFlush());
      await Promise.allSettled([...this.inFlight]);
    }
  }

  private drain(reverse: boolean): void {
    this.scheduled = false;
    const batches = reverse ? this.queue.reverse() : this.queue;
    this.queue = [];
    const copies = this.options.duplicate() ? 2 : 1;
    // One batch after the other, so the arrival order is the order chosen here.
    this.track(
      (async () => {
        for (const batch of batches)
          for (let i = 0; i < copies; i++) await this.deliver(batch.url, batch.items);
      })(),
    );
  }

  private track(promise: Promise<void>): void {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise));
  }

  private async deliver(url: string, items: unknown[]): Promise<void> {
    const maxAttempts = this.options.maxAttempts ?? 3;
    let status: number | "error" = "error";
    let attempts = 0;
    while (attempts < maxAttempts) {
      attempts += 1;
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json; charset=utf-8" },
          body: JSON.stringify({ value: items }),
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
        status = response.status;
        await response.body?.cancel();
        if (status >= 200 && status < 300) break;
      } catch {
        status = "error";
      }
      if (attempts < maxAttempts) await new Promise((resolve) => setTimeout(resolve, 50 * attempts));
    }
    this.deliveries.push({ url, items: items.length, status, attempts });
  }
}

/** Graph's validation handshake: POST `?validationToken=...`, expect the decoded token back as text/plain. */
export async function validateNotificationUrl(
  url: string,
  token: string,
  timeoutMs: number,
): Promise<string | undefined> {
  const target = new URL(url);
  target.searchParams.set("validationToken", token);
  try {
    const response = await fetch(target, {
      method: "POST",
      headers: { "content-type": "text/plain; charset=utf-8" },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await response.text();
    if (response.status !== 200)
      return `Notification endpoint must respond with 200 OK to validation request (got ${response.status}).`;
    if (!(response.headers.get("content-type") ?? "").toLowerCase().startsWith("text/plain")) {
      return "Notification endpoint must respond with Content-Type text/plain to validation request.";
    }
    if (body !== token)
      return "Notification endpoint must respond with the validation token to validation request.";
    return undefined;
  } catch (error) {
    return (error as Error).name === "TimeoutError"
      ? "Subscription validation request timed out."
      : "Subscription validation request failed.";
  }
}
