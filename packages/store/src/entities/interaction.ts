import { Interaction } from "@rapport/core";
import type { Item } from "../db.ts";
import { keys } from "../keys.ts";

/** The sort key holds the same parts as `interactionId()`, so a replay overwrites the same item. */
export function interactionItem(interaction: Interaction): Item {
  const valid = Interaction.parse(interaction);
  const key = keys.interaction(valid.userId, valid);
  return {
    ...valid,
    ...key,
    gsi1pk: keys.interactionsWith(valid.userId, valid.contactEmail),
    gsi1sk: keys.timeOrdered(valid.at, key.sk),
    gsi2pk: keys.interactionsByTime(valid.userId),
    gsi2sk: keys.timeOrdered(valid.at, key.sk),
    entity: "interaction",
  };
}

export function interactionFromItem(item: Item): Interaction {
  return Interaction.parse(item);
}
