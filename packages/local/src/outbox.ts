import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

export interface OutboxEmail {
  to: string;
  subject: string;
  kind: string;
  sentAt: string;
  html: string;
  text: string;
}

/**
 * Local mode's mail transport: emails land here instead of a mailbox, shown at /dev/outbox.
 * Kept in a JSON file beside DynamoDB Local's data unless the store is in memory.
 */
export function createOutbox(options: { file?: string; clock: { now(): Date } }) {
  let emails: OutboxEmail[] = [];
  let loaded = !options.file;
  let writing = Promise.resolve();

  async function load() {
    if (loaded || !options.file) return;
    loaded = true;
    try {
      emails = JSON.parse(await readFile(options.file, "utf8")) as OutboxEmail[];
    } catch {
      emails = [];
    }
  }

  return {
    async send(input: { to: string; subject: string; html: string; text: string; kind: string }): Promise<void> {
      await load();
      emails.push({ ...input, sentAt: options.clock.now().toISOString() });
      const file = options.file;
      if (file) {
        writing = writing.then(async () => {
          await mkdir(dirname(file), { recursive: true });
          await writeFile(file, JSON.stringify(emails, null, 1));
        });
        await writing;
      }
    },
    async list(): Promise<OutboxEmail[]> {
      await load();
      return [...emails];
    },
    clear(): void {
      emails = [];
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
