export * from "./provider.ts";
export * from "./registry.ts";
