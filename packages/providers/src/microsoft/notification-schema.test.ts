import { describe, expect, it } from "vitest";
import { GraphNotificationBatch, isLifecycleNotification } from "./notification-schema.ts";

describe("GraphNotificationBatch", () => {
  it("reads change and lifecycle notifications in one batch", () => {
    const batch = GraphNotificationBatch.parse({
      value: [
        {
          subscriptionId: "7f105c7d-2dc5-4530-97cd-4e7ae6534c07",
          subscriptionExpirationDateTime: "2026-03-20T11:00:00.0000000Z",
          changeType: "updated",
          resource: "Users/abc/Events/AAMk",
          clientState: "secret",
          tenantId: "84bd8158-6d4d-4958-8b9f-9d6445542f95",
          resourceData: {
            "@odata.type": "#Microsoft.Graph.Event",
            "@odata.id": "Users/abc/Events/AAMk",
            "@odata.etag": 'W/"x"',
            id: "AAMk",
          },
        },
        { subscriptionId: "7f105c7d", lifecycleEvent: "missed", clientState: "secret", tenantId: "t" },
      ],
    });
    expect(batch.value.map(isLifecycleNotification)).toEqual([false, true]);
  });

  it("refuses an empty batch and unknown lifecycle events", () => {
    expect(GraphNotificationBatch.safeParse({ value: [] }).success).toBe(false);
    expect(
      GraphNotificationBatch.safeParse({ value: [{ subscriptionId: "s", lifecycleEvent: "other" }] }).success,
    ).toBe(false);
  });
});
