"use client";

import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import type { Category } from "@/lib/api/categories";
import { browserTransport as t } from "@/lib/api/browser";
import { ApiError } from "@/lib/api/http";
import { createProduct, updateProduct, uploadImages, type ProductDetail } from "@/lib/api/products";
import { PRODUCT_FIELDS, productSchema } from "@/lib/forms/product";
import { serverFieldErrors, validate, type FieldErrors } from "@/lib/forms/validate";
import { Alert } from "@/components/ui/alert";
import { buttonPrimary } from "@/components/ui/styles";
import { ProductFields, type ProductValues } from "./product-fields";
import { ImageInput, checkImages } from "./image-input";
import { ExistingImages } from "./existing-images";

function initialValues(product: ProductDetail | undefined): ProductValues {
  return {
    name: product?.name ?? "",
    brand: product?.brand ?? "",
    categoryId: product?.category?.id ?? product?.categoryId ?? "",
    description: product?.description ?? "",
    price: product ? String(product.price) : "",
    originalPrice: product?.originalPrice ? String(product.originalPrice) : "",
    stock: product ? String(product.stock) : "",
    isNew: product?.isNew ?? false,
    isFeatured: product?.isFeatured ?? false,
  };
}

/** Create (multipart to the BFF: fields + images) or edit (JSON to the product service) a product. */
export function ProductForm({
  categories,
  product,
}: {
  categories: Category[];
  product?: ProductDetail;
}) {
  const router = useRouter();
  const [values, setValues] = useState<ProductValues>(() => initialValues(product));
  const [files, setFiles] = useState<File[]>([]);
  const [keptImages, setKeptImages] = useState(() => product?.images.map((i) => i.id) ?? []);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const clientErrors = useMemo(() => {
    const errors = validate(productSchema, values).errors ?? {};
    const imageError =
      checkImages(files) ??
      (!product && files.length === 0 ? "이미지를 한 장 이상 올려 주세요." : null);
    return imageError ? { ...errors, images: imageError } : errors;
  }, [values, files, product]);
  const errors: FieldErrors = { ...serverErrors };
  for (const [field, message] of Object.entries(clientErrors))
    if (touched.has(field)) errors[field] ??= message;

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setSaved(false);
    const checked = validate(productSchema, values);
    if (checked.errors || clientErrors.images) {
      setTouched(new Set(PRODUCT_FIELDS));
      return;
    }
    const v = checked.data;
    const originalPrice = v.originalPrice === "" ? v.price : Number(v.originalPrice);
    setBusy(true);
    setServerErrors({});
    try {
      if (!product) {
        const form = new FormData();
        const fields = {
          name: v.name,
          brand: v.brand,
          categoryId: v.categoryId,
          description: v.description,
          price: v.price,
          originalPrice,
          stock: v.stock,
          isNew: v.isNew,
          isFeatured: v.isFeatured,
        };
        for (const [key, value] of Object.entries(fields)) form.append(key, String(value));
        for (const file of files) form.append("images", file, file.name);
        const created = await createProduct(t, form);
        router.push(`/admin/products?created=${encodeURIComponent(created.slug)}`);
        return;
      }
      let imageIds = keptImages;
      if (files.length) {
        const form = new FormData();
        for (const file of files) form.append("images", file, file.name);
        imageIds = [...keptImages, ...(await uploadImages(t, form)).map((i) => i.id)];
      }
      await updateProduct(t, product.id, { ...v, originalPrice, imageIds });
      setSaved(true);
      setFiles([]);
      router.refresh();
    } catch (error) {
      if (error instanceof ApiError) {
        const fields = serverFieldErrors(error.fieldErrors, PRODUCT_FIELDS);
        setServerErrors({
          ...fields,
          form:
            fields.form ??
            (error.status === 403 ? "관리자만 상품을 바꿀 수 있어요." : error.message),
        });
      } else {
        setServerErrors({ form: "저장하지 못했어요. 잠시 후 다시 시도해 주세요." });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={save}
      noValidate
      className="flex flex-col gap-5"
      aria-label={product ? "상품 수정" : "상품 등록"}
    >
      <ProductFields
        values={values}
        errors={errors}
        categories={categories}
        onChange={(change) => {
          setValues((v) => ({ ...v, ...change }));
          setServerErrors(({ form: _form, ...rest }) => rest);
        }}
        onBlur={(name) => setTouched((s) => new Set(s).add(name))}
      />
      {product?.images.length ? (
        <ExistingImages product={product} kept={keptImages} onChange={setKeptImages} />
      ) : null}
      <ImageInput
        label={product ? "이미지 추가" : "상품 이미지"}
        error={errors.images}
        onFiles={(picked) => {
          setFiles(picked);
          setTouched((s) => new Set(s).add("images"));
        }}
      />
      {errors.form ? <Alert tone="error">{errors.form}</Alert> : null}
      {saved ? <Alert tone="success">저장했어요.</Alert> : null}
      <button type="submit" disabled={busy} className={`${buttonPrimary} sm:w-48`}>
        {busy ? "저장 중…" : product ? "변경 저장" : "상품 등록"}
      </button>
    </form>
  );
}
