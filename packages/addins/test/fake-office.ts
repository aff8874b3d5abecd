import type {
  AppointmentComposeItem,
  AppointmentReadItem,
  EmailAddressDetails,
  OfficeSubset,
} from "../src/taskpane/office-types.ts";

/** A minimal Office for unit tests: records what the add-in asked of it. */
export interface FakeOffice extends OfficeSubset {
  drafts: { toRecipients: string[]; subject: string; htmlBody: string }[];
  saveCalls: number;
}

const person = (emailAddress: string): EmailAddressDetails => ({ emailAddress, displayName: emailAddress });

export function fakeOffice(options: {
  mode: "read" | "compose" | "unsaved";
  itemId?: string;
  attendees?: string[];
  naa?: boolean;
}): FakeOffice {
  const attendees = (options.attendees ?? []).map(person);
  const office: FakeOffice = {
    drafts: [],
    saveCalls: 0,
    onReady: async (cb) => cb?.({ host: "Outlook", platform: "PC" }),
    context: {
      requirements: { isSetSupported: (name) => (name === "NestedAppAuth" ? Boolean(options.naa) : true) },
      mailbox: {
        item: undefined,
        userProfile: { emailAddress: "maya@contoso.example" },
        convertToRestId: (id) => `rest:${id}`,
        displayNewMessageForm: (draft) => office.drafts.push(draft),
      },
    },
    MailboxEnums: { RestVersion: { v2_0: "v2.0" } },
  };
  if (options.mode === "read") {
    const item: AppointmentReadItem = {
      itemId: options.itemId ?? "ews-1",
      subject: "Review",
      start: new Date(),
      end: new Date(),
      organizer: person("maya@contoso.example"),
      requiredAttendees: attendees,
      optionalAttendees: [],
    };
    office.context.mailbox.item = item;
  } else {
    const item: AppointmentComposeItem & { saveAsync: () => void } = {
      requiredAttendees: { getAsync: (cb) => cb({ status: "succeeded", value: attendees }) },
      optionalAttendees: { getAsync: (cb) => cb({ status: "succeeded", value: [] }) },
      getItemIdAsync: (cb) =>
        options.mode === "unsaved"
          ? cb({ status: "failed", value: "", error: { name: "ItemNotSaved", message: "not saved" } })
          : cb({ status: "succeeded", value: options.itemId ?? "ews-1" }),
      notificationMessages: { replaceAsync: () => {}, removeAsync: () => {} },
      saveAsync: () => {
        office.saveCalls++;
      },
    };
    office.context.mailbox.item = item;
  }
  return office;
}
