export * from "./app.ts";
export * from "./deps.ts";
export * from "./auth/bearer.ts";
export * from "./auth/microsoft-verifier.ts";
export * from "./auth/google-verifier.ts";
export * from "./auth/local-tokens.ts";
export * from "./insights/cards.ts";
export * from "./insights/meeting-insights.ts";
