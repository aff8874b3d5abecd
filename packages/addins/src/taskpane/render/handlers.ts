import type { RelationshipLevel, Suggestion, SuggestionAction } from "@rapport/core";

/** What the rendered pane can ask the controller to do. */
export interface PaneHandlers {
  changeSuggestion(suggestion: Suggestion, action: "dismiss" | "snooze" | "done"): void;
  openDraft(suggestion: Suggestion, draft: SuggestionAction): void;
  setLevel(email: string, level: RelationshipLevel): void;
  setKey(email: string, key: boolean): void;
  showMore(): void;
  retry(): void;
  signIn(): void;
}
