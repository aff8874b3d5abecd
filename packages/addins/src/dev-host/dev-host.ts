import type { MeetingInsights } from "@rapport/core";
import { createSimulatedOffice, type SimulatedMeeting } from "./simulated-office.ts";

/**
 * The Outlook dev host: a page that plays Outlook for the real task pane. It defines a simulated
 * `Office` for the meeting in the query (?eventId=&email=[&mode=read|compose|unsaved]), takes a
 * token from the local API's /dev/token and lets taskpane.js (loaded next) do the rest.
 * Without an eventId it lists the local users' meetings that have suggestions.
 */

const params = new URLSearchParams(location.search);
const eventId = params.get("eventId") ?? "";
const email = params.get("email") ?? "";
const mode = (["read", "compose", "unsaved"] as const).find((m) => m === params.get("mode")) ?? "read";
const $ = (id: string) => document.getElementById(id) as HTMLElement;

async function devToken(forEmail: string): Promise<string> {
  const response = await fetch(`/dev/token?email=${encodeURIComponent(forEmail)}`);
  if (!response.ok) throw new Error(`/dev/token answered ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

if (eventId && email) {
  let token: Promise<string> | undefined;
  const getToken = () => {
    token ??= devToken(email);
    return token;
  };
  window.rapportDevToken = getToken;
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  const meeting: SimulatedMeeting = {
    eventId,
    subject: "",
    start: new Date(),
    end: new Date(),
    organizer: { email },
    attendees: [],
  };
  window.Office = createSimulatedOffice({ meeting, userEmail: email, mode, ready, onDraft: showDraft });
  $("dh-layout").hidden = false;
  $("dh-who").textContent = `${email} · ${mode} mode`;
  // Fill the simulated item from the API so the "Outlook" side shows the same meeting.
  void loadMeeting(getToken, meeting).finally(resolveReady);
} else {
  void showPicker();
}

async function loadMeeting(getToken: () => Promise<string>, meeting: SimulatedMeeting): Promise<void> {
  try {
    const response = await fetch(
      `/api/v1/meetings/microsoft/${encodeURIComponent(meeting.eventId)}/insights`,
      {
        headers: { authorization: `Bearer ${await getToken()}` },
      },
    );
    if (!response.ok) throw new Error(`insights answered ${response.status}`);
    const insights = (await response.json()) as MeetingInsights;
    meeting.subject = insights.meeting.subject ?? "";
    meeting.start = new Date(insights.meeting.start);
    meeting.end = new Date(insights.meeting.end);
    meeting.organizer = insights.meeting.organizer;
    meeting.attendees.push(
      ...insights.attendees.map((a) => ({
        email: a.email,
        name: a.name,
        response: a.response,
        optional: a.type === "optional",
      })),
    );
    renderEvent(meeting);
  } catch (error) {
    $("dh-event").textContent =
      `The simulated item has only its id (${error instanceof Error ? error.message : "error"}).`;
  }
}

function renderEvent(meeting: SimulatedMeeting): void {
  const section = $("dh-event");
  const h1 = document.createElement("h1");
  h1.textContent = meeting.subject || "(no subject)";
  const when = document.createElement("div");
  when.className = "dh-when";
  when.textContent = `${meeting.start.toLocaleString()} – ${meeting.end.toLocaleTimeString()} · organizer ${meeting.organizer.name ?? meeting.organizer.email}`;
  const list = document.createElement("ul");
  for (const a of meeting.attendees) {
    const li = document.createElement("li");
    li.textContent = `${a.name ?? a.email} <${a.email}>${a.response ? ` – ${a.response}` : ""}`;
    list.append(li);
  }
  const heading = document.createElement("p");
  heading.className = "dh-muted";
  heading.textContent = "Attendees";
  section.replaceChildren(h1, when, heading, list);
}

/** displayNewMessageForm: Outlook would open a compose window; here the draft shows below. */
function showDraft(draft: { toRecipients: string[]; subject: string; htmlBody: string }): void {
  const section = $("dh-drafts");
  section.hidden = false;
  const title = document.createElement("h2");
  title.textContent = "Draft opened by the add-in (displayNewMessageForm)";
  const fields = document.createElement("dl");
  for (const [label, value] of [
    ["To", draft.toRecipients.join(", ")],
    ["Subject", draft.subject],
  ]) {
    const dt = document.createElement("dt");
    dt.textContent = label ?? "";
    const dd = document.createElement("dd");
    dd.textContent = value ?? "";
    dd.dataset.field = (label ?? "").toLowerCase();
    fields.append(dt, dd);
  }
  const body = document.createElement("iframe");
  body.title = "Draft body";
  body.setAttribute("sandbox", "");
  body.srcdoc = `<body style="font-family:Segoe UI,sans-serif;font-size:14px">${draft.htmlBody}</body>`;
  section.replaceChildren(title, fields, body);
}

async function showPicker(): Promise<void> {
  const picker = $("dh-picker");
  picker.hidden = false;
  picker.innerHTML = "<h1>Choose a meeting</h1><p>Loading local users…</p>";
  try {
    const usersJson = (await (await fetch("/dev/users")).json()) as unknown;
    const users = (
      Array.isArray(usersJson) ? usersJson : ((usersJson as { users?: unknown[] }).users ?? [])
    ) as { email: string }[];
    const list = document.createElement("ul");
    for (const user of users.slice(0, 10)) {
      const token = await devToken(user.email);
      const response = await fetch("/api/v1/suggestions", { headers: { authorization: `Bearer ${token}` } });
      const json = (await response.json()) as unknown;
      const suggestions = (
        Array.isArray(json) ? json : ((json as { suggestions?: unknown[] }).suggestions ?? [])
      ) as {
        title: string;
        meeting?: { provider: string; eventId: string };
      }[];
      for (const s of suggestions.filter((x) => x.meeting?.provider === "microsoft")) {
        const li = document.createElement("li");
        const link = document.createElement("a");
        link.href = `dev-host.html?eventId=${encodeURIComponent(s.meeting?.eventId ?? "")}&email=${encodeURIComponent(user.email)}`;
        link.textContent = `${user.email}: ${s.title}`;
        li.append(link);
        list.append(li);
      }
    }
    picker.replaceChildren(
      Object.assign(document.createElement("h1"), { textContent: "Choose a meeting" }),
      list,
    );
  } catch (error) {
    picker.textContent = `Could not list meetings: ${error instanceof Error ? error.message : String(error)}`;
  }
}
