/** The admin add-product form: text fields of a multipart body, validated before any upload. */
import { HexColour, OptionType, SLUG_PATTERN } from "@shop/contracts";
import { z } from "zod";

const Won = (what: string) =>
  z.coerce
    .number({
      error: (issue) => (issue.input === undefined ? "is required" : `${what} must be a number`),
    })
    .int("must be a whole number of won")
    .min(0, "must be 0 or more")
    .max(1_000_000_000, "must be at most 1,000,000,000");

const JsonText = <T extends z.ZodType>(inner: T) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "must be JSON" });
        return z.NEVER;
      }
    })
    .pipe(inner);

export const FormOption = z.object({
  type: OptionType,
  value: z.string().trim().min(1).max(40),
  label: z.string().trim().min(1).max(60).optional(),
  hex: HexColour.optional(),
  extraPrice: z.number().int().min(0).default(0),
  stock: z.number().int().min(0).max(1_000_000),
});

export const ProductForm = z
  .object({
    name: z.string({ error: "is required" }).trim().min(1, "is required").max(120),
    slug: z
      .string()
      .trim()
      .regex(SLUG_PATTERN, "must be lowercase words (Hangul allowed) joined by hyphens")
      .max(200)
      .optional(),
    description: z.string().trim().max(10_000).default(""),
    brand: z.string({ error: "is required" }).trim().min(1, "is required").max(60),
    categoryId: z.string({ error: "is required" }).trim().min(1, "is required").max(200),
    price: Won("price"),
    originalPrice: Won("originalPrice").optional(),
    stock: z.coerce
      .number({ error: "must be a number" })
      .int("must be a whole number")
      .min(0)
      .max(10_000_000)
      .optional(),
    isNew: z.stringbool({ error: "must be true or false" }).default(false),
    isFeatured: z.stringbool({ error: "must be true or false" }).default(false),
    status: z.enum(["active", "draft"], { error: "must be active or draft" }).default("active"),
    options: JsonText(z.array(FormOption).max(50)).optional(),
  })
  .refine((form) => form.originalPrice === undefined || form.originalPrice >= form.price, {
    path: ["originalPrice"],
    message: "must not be below price",
  });
export type ProductForm = z.infer<typeof ProductForm>;

/** The form as documented in OpenAPI (fields as sent: text, plus the image files). */
export const ProductFormDoc = z.object({
  name: z.string(),
  slug: z.string().optional(),
  description: z.string().optional(),
  brand: z.string(),
  categoryId: z.string(),
  price: z.string().describe("integer KRW"),
  originalPrice: z.string().optional().describe("integer KRW, at least price"),
  stock: z.string().optional().describe("integer; default: the sum of the options' stock"),
  isNew: z.string().optional().describe("true | false"),
  isFeatured: z.string().optional().describe("true | false"),
  status: z.string().optional().describe("active (default) | draft"),
  options: z
    .string()
    .optional()
    .describe(
      'JSON: [{"type":"colour","value":"black","label":"Black","hex":"#000000","extraPrice":0,"stock":5}]',
    ),
  images: z
    .array(z.string().meta({ format: "binary" }))
    .describe("one or more image files (JPEG, PNG, WebP; ≤ 5 MB each)"),
});
