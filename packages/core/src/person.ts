import { z } from "zod";

/** Someone named on an event or a message: an address and, when the provider gives one, a name. */
export const Person = z.object({
  email: z.string().min(3),
  name: z.string().optional(),
});
export type Person = z.infer<typeof Person>;
