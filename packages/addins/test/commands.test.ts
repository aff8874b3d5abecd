import { describe, expect, it } from "vitest";
import { attendeeNotice, NOTICE_MAX } from "../src/commands/attendee-notice.ts";

const user = "maya@contoso.example";
const dana = { emailAddress: "dana@northwind.example", displayName: "Dana Reyes" };
const sam = { emailAddress: "sam@contoso.example", displayName: "Sam Okafor" };
const kim = { emailAddress: "kim@contoso.example", displayName: "Kim Ito" };

describe("attendee-change notice", () => {
  it("tells the organizer to let the external guests know who joined", () => {
    expect(
      attendeeNotice({ userEmail: user, baseline: [user, dana.emailAddress], current: [dana, sam] }),
    ).toBe("Let Dana Reyes know Sam Okafor is joining.");
  });

  it("stays quiet for a new meeting that was never saved", () => {
    expect(attendeeNotice({ userEmail: user, baseline: undefined, current: [dana, sam] })).toBeNull();
  });

  it("stays quiet when the earlier attendees are all colleagues", () => {
    expect(attendeeNotice({ userEmail: user, baseline: [kim.emailAddress], current: [kim, sam] })).toBeNull();
  });

  it("stays quiet when nobody was added (removal or reordering)", () => {
    expect(
      attendeeNotice({ userEmail: user, baseline: [dana.emailAddress, sam.emailAddress], current: [dana] }),
    ).toBeNull();
  });

  it("keeps within Outlook's notification length with many names", () => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      emailAddress: `a-very-long-address-number-${i}@contoso.example`,
    }));
    const text = attendeeNotice({ userEmail: user, baseline: [dana.emailAddress], current: [dana, ...many] });
    expect(text).toContain("and 10 more");
    expect(text?.length).toBeLessThanOrEqual(NOTICE_MAX);
  });
});
