"use client";

import type { Category } from "@/lib/api/categories";
import type { FieldErrors } from "@/lib/forms/validate";
import { Field } from "@/components/ui/field";

export interface ProductValues {
  name: string;
  brand: string;
  categoryId: string;
  description: string;
  price: string;
  originalPrice: string;
  stock: string;
  isNew: boolean;
  isFeatured: boolean;
}

/** The text fields shared by the create and edit forms. */
export function ProductFields({
  values,
  errors,
  categories,
  onChange,
  onBlur,
}: {
  values: ProductValues;
  errors: FieldErrors;
  categories: Category[];
  onChange: (change: Partial<ProductValues>) => void;
  onBlur: (name: keyof ProductValues) => void;
}) {
  const text = (name: "name" | "brand" | "price" | "originalPrice" | "stock") => ({
    name,
    value: values[name],
    error: errors[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => onChange({ [name]: e.target.value }),
    onBlur: () => onBlur(name),
  });
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label="상품명" required className="sm:col-span-2" {...text("name")} />
      <Field label="브랜드" required {...text("brand")} />
      <div className="flex flex-col gap-1">
        <label htmlFor="field-categoryId" className="text-sm font-medium">
          카테고리
        </label>
        <select
          id="field-categoryId"
          name="categoryId"
          value={values.categoryId}
          onChange={(e) => onChange({ categoryId: e.target.value })}
          onBlur={() => onBlur("categoryId")}
          aria-invalid={errors.categoryId ? true : undefined}
          aria-describedby={errors.categoryId ? "field-categoryId-error" : undefined}
          className="h-11 rounded-lg border border-slate-300 bg-white px-3"
        >
          <option value="">선택하세요</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        {errors.categoryId ? (
          <p id="field-categoryId-error" className="text-sm text-sale" role="alert">
            {errors.categoryId}
          </p>
        ) : null}
      </div>
      <Field label="판매가 (원)" inputMode="numeric" required {...text("price")} />
      <Field
        label="정가 (원, 할인 전)"
        inputMode="numeric"
        hint="비우면 할인 없음"
        {...text("originalPrice")}
      />
      <Field label="재고" inputMode="numeric" required {...text("stock")} />
      <div className="flex items-end gap-5 pb-2 text-sm">
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={values.isNew}
            onChange={(e) => onChange({ isNew: e.target.checked })}
            className="size-4 accent-brand"
          />
          신상품
        </label>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={values.isFeatured}
            onChange={(e) => onChange({ isFeatured: e.target.checked })}
            className="size-4 accent-brand"
          />
          추천 상품
        </label>
      </div>
      <div className="flex flex-col gap-1 sm:col-span-2">
        <label htmlFor="field-description" className="text-sm font-medium">
          설명
        </label>
        <textarea
          id="field-description"
          name="description"
          rows={5}
          value={values.description}
          onChange={(e) => onChange({ description: e.target.value })}
          className="rounded-lg border border-slate-300 p-3 text-sm"
        />
        {errors.description ? <p className="text-sm text-sale">{errors.description}</p> : null}
      </div>
    </div>
  );
}
