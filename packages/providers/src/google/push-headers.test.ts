import { describe, expect, it } from "vitest";
import { parseGooglePushHeaders } from "./push-headers.ts";

const headers = {
  "X-Goog-Channel-ID": "4ba78bf0-6a47-11e2-bcfd-0800200c9a66",
  "X-Goog-Channel-Token": "secret-token",
  "X-Goog-Channel-Expiration": "Tue, 19 Nov 2013 01:13:52 GMT",
  "X-Goog-Resource-ID": "ret08u3rv24htgh289g",
  "X-Goog-Resource-URI": "https://calendar.example/calendar/v3/calendars/primary/events",
  "X-Goog-Resource-State": "exists",
  "X-Goog-Message-Number": "10",
};

describe("parseGooglePushHeaders", () => {
  it("reads the documented headers in any case into a typed notification", () => {
    const result = parseGooglePushHeaders(new Headers(headers));
    expect(result).toEqual({
      ok: true,
      notification: {
        channelId: "4ba78bf0-6a47-11e2-bcfd-0800200c9a66",
        channelToken: "secret-token",
        channelExpiration: "2013-11-19T01:13:52.000Z",
        resourceId: "ret08u3rv24htgh289g",
        resourceUri: "https://calendar.example/calendar/v3/calendars/primary/events",
        resourceState: "exists",
        messageNumber: 10,
      },
    });
  });

  it("accepts a channel without token or expiration", () => {
    const { "X-Goog-Channel-Token": _t, "X-Goog-Channel-Expiration": _e, ...bare } = headers;
    const result = parseGooglePushHeaders(bare);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.notification.channelToken).toBeUndefined();
      expect(result.notification.channelExpiration).toBeUndefined();
      expect(result.notification.messageNumber).toBe(10);
    }
  });

  it("explains what is wrong with a bad state or a missing channel id", () => {
    const badState = parseGooglePushHeaders({ ...headers, "X-Goog-Resource-State": "update" });
    expect(badState).toMatchObject({ ok: false, error: expect.stringContaining("x-goog-resource-state") });
    const { "X-Goog-Channel-ID": _id, ...noId } = headers;
    expect(parseGooglePushHeaders(noId)).toMatchObject({
      ok: false,
      error: expect.stringContaining("x-goog-channel-id"),
    });
  });
});
