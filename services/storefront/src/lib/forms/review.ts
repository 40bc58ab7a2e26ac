/** The product review form. */
import { z } from "zod";

export const reviewSchema = z.object({
  rating: z.coerce.number().int().min(1, "별점을 선택해 주세요.").max(5, "별점을 선택해 주세요."),
  text: z
    .string()
    .trim()
    .min(5, "5자 이상 작성해 주세요.")
    .max(2000, "2000자 이하로 작성해 주세요."),
});
export type ReviewFormInput = z.infer<typeof reviewSchema>;
