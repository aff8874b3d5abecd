import { MORGAN } from "./people.ts";
import type { DemoContactSetting } from "./types.ts";

/** Choices Morgan made in the sidebar: Ana is a trusted key contact, Helen a target. */
export const demoContactSettings: readonly DemoContactSetting[] = [
  { user: MORGAN, email: "ana.lopez@contoso.example", level: "trusted", key: true },
  { user: MORGAN, email: "helen.park@adatum.example", level: "target" },
];
