export * from "./jobs.ts";
export * from "./links.ts";
export * from "./system.ts";
export * from "./aws.ts";
