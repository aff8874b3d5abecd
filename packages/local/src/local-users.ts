import type { Provider } from "@rapport/core";
import type { Store } from "@rapport/store";

/** /dev/users: every local user, the demo users first, with the providers they connected. */
export async function listLocalUsers(store: Store, demoEmails: string[]) {
  const users: Array<{ email: string; name?: string; demo: boolean; providers: Provider[] }> = [];
  let cursor: string | undefined;
  do {
    const page = await store.users.list({ limit: 100, cursor });
    for (const user of page.items) {
      const connections = await store.connections.listForUser(user.userId);
      users.push({
        email: user.email,
        name: user.name,
        demo: demoEmails.includes(user.email),
        providers: connections.map((c) => c.provider),
      });
    }
    cursor = page.cursor;
  } while (cursor);
  const rank = (email: string) => {
    const i = demoEmails.indexOf(email);
    return i === -1 ? demoEmails.length : i;
  };
  return users.sort((a, b) => rank(a.email) - rank(b.email) || a.email.localeCompare(b.email));
}
