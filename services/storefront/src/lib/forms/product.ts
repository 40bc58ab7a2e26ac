/** The admin product form (create and edit). Prices are whole won. */
import { z } from "zod";

const won = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `${label}을(를) 입력해 주세요.`)
    .regex(/^\d+$/, "숫자만 입력해 주세요.")
    .transform(Number)
    .refine((n) => n <= 100_000_000, "1억 원 이하로 입력해 주세요.");

export const productSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, "상품명을 입력해 주세요.")
      .max(120, "120자 이하로 입력해 주세요."),
    brand: z
      .string()
      .trim()
      .min(1, "브랜드를 입력해 주세요.")
      .max(60, "60자 이하로 입력해 주세요."),
    categoryId: z.string().trim().min(1, "카테고리를 선택해 주세요."),
    description: z.string().trim().max(10_000, "10,000자 이하로 입력해 주세요."),
    price: won("판매가"),
    originalPrice: z
      .string()
      .trim()
      .regex(/^$|^\d+$/, "숫자만 입력해 주세요."),
    stock: z.string().trim().regex(/^\d+$/, "재고 수량을 숫자로 입력해 주세요.").transform(Number),
    isNew: z.boolean(),
    isFeatured: z.boolean(),
  })
  .refine((v) => v.originalPrice === "" || Number(v.originalPrice) >= v.price, {
    path: ["originalPrice"],
    message: "정가는 판매가 이상이어야 합니다.",
  });
export type ProductFormInput = z.infer<typeof productSchema>;

export const PRODUCT_FIELDS = [
  "name",
  "brand",
  "categoryId",
  "description",
  "price",
  "originalPrice",
  "stock",
  "isNew",
  "isFeatured",
  "images",
] as const;

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"];
