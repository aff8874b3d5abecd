export { createDynamoClient, type DynamoClientOptions } from "./client.ts";
export { createStore, type StoreOptions } from "./create-store.ts";
export { createTable } from "./create-table.ts";
export { DELIVERY_RETENTION_DAYS } from "./entities/delivery.ts";
export { capMeetingHistory, MEETING_HISTORY_CAP, MEETING_ITEM_BUDGET_BYTES } from "./meeting-history.ts";
export { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from "./paging.ts";
export * from "./store.ts";
export {
  createTableInput,
  GLOBAL_INDEXES,
  PRIMARY_KEY,
  type SstDynamoArgs,
  sstDynamoArgs,
  TTL_ATTRIBUTE,
} from "./table-definition.ts";
