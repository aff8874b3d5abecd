import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { createDb } from "./db.ts";
import { connectionRepository } from "./repositories/connections.ts";
import { contactRepository } from "./repositories/contacts.ts";
import { deliveryRepository } from "./repositories/deliveries.ts";
import { interactionRepository } from "./repositories/interactions.ts";
import { meetingRepository } from "./repositories/meetings.ts";
import { subscriptionRepository } from "./repositories/subscriptions.ts";
import { suggestionRepository } from "./repositories/suggestions.ts";
import { userRepository } from "./repositories/users.ts";
import type { Store } from "./store.ts";

export interface StoreOptions {
  client: DynamoDBClient;
  tableName: string;
}

export function createStore({ client, tableName }: StoreOptions): Store {
  const db = createDb(client, tableName);
  return {
    users: userRepository(db),
    connections: connectionRepository(db),
    subscriptions: subscriptionRepository(db),
    meetings: meetingRepository(db),
    interactions: interactionRepository(db),
    contacts: contactRepository(db),
    suggestions: suggestionRepository(db),
    deliveries: deliveryRepository(db),
  };
}
