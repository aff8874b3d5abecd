export * from "./args.ts";
export * from "./evaluate.ts";
export * from "./format.ts";
export * from "./oauth-connect.ts";
export * from "./replay.ts";
export * from "./replay-target.ts";
export * from "./scenario.ts";
export * from "./score.ts";
