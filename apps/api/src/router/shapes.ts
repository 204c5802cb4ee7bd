import { z } from "zod";
import { roles } from "@retain/access";

export const publicUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  department: z.string().nullable(),
  level: z.enum(["senior", "intermediate", "junior"]).nullable(),
  active: z.boolean(),
});

export const fieldError = z.object({ field: z.string(), code: z.string(), message: z.string() });
export const rejection = z.object({ index: z.number().int(), id: z.string().nullable(), errors: z.array(fieldError) });
