import { sstDynamoArgs } from "../packages/store/src/table-definition.ts";
import { isProduction } from "./stage.ts";

/** The single table, defined once in @rapport/store and shared with DynamoDB Local. */
export const table = new sst.aws.Dynamo("Table", {
  ...sstDynamoArgs(),
  deletionProtection: isProduction,
  transform: {
    table: (args) => {
      // SST turns point-in-time recovery on everywhere; only production's data is worth the cost.
      args.pointInTimeRecovery = { enabled: isProduction };
    },
  },
});
