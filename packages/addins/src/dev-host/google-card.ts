import { cardFromResponse, renderCard } from "./card-render.ts";

/** google-card.html?email=[&eventId=]: fetches the add-on's card JSON from the local API and shows it. */
const params = new URLSearchParams(location.search);
const email = params.get("email") ?? "";
const eventId = params.get("eventId");
const target = document.getElementById("gc-root") as HTMLElement;
const raw = document.getElementById("gc-json") as HTMLElement;

async function show(): Promise<void> {
  if (!email) {
    target.textContent = "Add ?email=<local user>[&eventId=<Google event id>] to the address.";
    return;
  }
  const query = new URLSearchParams({ email, ...(eventId ? { eventId } : {}) });
  const response = await fetch(`/dev/google-card?${query}`);
  const json = (await response.json()) as unknown;
  raw.textContent = JSON.stringify(json, null, 2);
  const card = cardFromResponse(json);
  if (!card) {
    target.textContent = `No card in the answer (${response.status}).`;
    return;
  }
  target.replaceChildren(renderCard(document, card));
}

show().catch((error: unknown) => {
  target.textContent = `Could not load the card: ${error instanceof Error ? error.message : String(error)}`;
});
