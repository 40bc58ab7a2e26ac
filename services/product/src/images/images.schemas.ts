/**
 * Image request schemas (validation + OpenAPI). The upload answer, `UploadedImages`, is a contract
 * with the BFF and the storefront: it lives in @shop/contracts.
 */
import { z } from "zod";

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
