import { Connection } from "@rapport/core";
import type { Item } from "../db.ts";
import { keys, segment } from "../keys.ts";

/** The GSI attributes that follow from a connection's fields. */
export function connectionIndexKeys(c: Pick<Connection, "userId" | "provider" | "accountId">): Item {
  return {
    gsi1pk: keys.connectionsIndex(),
    gsi1sk: `${segment(c.userId)}#${c.provider}`,
    gsi2pk: keys.account(c.provider, c.accountId),
    gsi2sk: "ACCOUNT",
  };
}

export function connectionItem(connection: Connection): Item {
  const valid = Connection.parse(connection);
  return {
    ...valid,
    ...keys.connection(valid.userId, valid.provider),
    ...connectionIndexKeys(valid),
    entity: "connection",
  };
}

export function connectionFromItem(item: Item): Connection {
  return Connection.parse(item);
}
