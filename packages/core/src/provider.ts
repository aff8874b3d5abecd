import { z } from "zod";

export const Provider = z.enum(["microsoft", "google"]);
export type Provider = z.infer<typeof Provider>;
