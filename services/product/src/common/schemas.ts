/** Zod pieces shared by the service's request schemas. */
import { z } from "zod";

/** A boolean query flag: `true/false/1/0`. */
export const queryFlag = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1")
  .meta({ description: "true or false (also 1 or 0)" });

export const IdOrSlugParam = z.object({
  idOrSlug: z.string().min(1).max(200).meta({ description: "A uuid or a slug" }),
});

export const IdParam = z.object({ id: z.string().uuid() });

export type IdOrSlugParam = z.infer<typeof IdOrSlugParam>;
export type IdParam = z.infer<typeof IdParam>;
