/** Image request and response schemas (validation + OpenAPI). */
import { z } from "zod";

export const UploadedImage = z
  .object({
    id: z.string().uuid(),
    url: z.string().meta({ description: "Relative URL `/images/<key>`, immutable" }),
    width: z.number().int(),
    height: z.number().int(),
    bytes: z.number().int(),
    contentType: z.string(),
    productId: z.string().uuid().nullable(),
    sortOrder: z.number().int(),
    isMain: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: "UploadedImage" });
export type UploadedImage = z.infer<typeof UploadedImage>;

export const UploadedImages = z
  .object({ items: z.array(UploadedImage) })
  .meta({ id: "UploadedImages" });

export const MultipartImages = z
  .object({
    files: z.array(z.string().meta({ format: "binary" })).meta({
      description:
        "One to 10 image files (any field name), each ≤ 5 MB: JPEG, PNG, WebP, AVIF or GIF",
    }),
  })
  .meta({ id: "MultipartImages" });

export const ProductImageParams = z.object({ id: z.string().uuid(), imageId: z.string().uuid() });
export type ProductImageParams = z.infer<typeof ProductImageParams>;

export const ImageKeyParam = z.object({
  key: z.string().regex(/^[a-f0-9]{64}\.webp$/, "not an image key"),
});
