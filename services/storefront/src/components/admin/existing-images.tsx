"use client";

import Image from "next/image";
import type { ProductDetail } from "@/lib/api/products";
import { imageSource } from "@/lib/images";

/** The product's current images with a "keep" checkbox each (unchecked ones are removed on save). */
export function ExistingImages({
  product,
  kept,
  onChange,
}: {
  product: ProductDetail;
  kept: string[];
  onChange: (ids: string[]) => void;
}) {
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium">현재 이미지 (체크 해제하면 삭제)</legend>
      <ul className="flex flex-wrap gap-3">
        {product.images.map((image, i) => (
          <li key={image.id}>
            <label className="flex flex-col items-center gap-1 text-xs">
              <span className="relative block size-20 overflow-hidden rounded-lg bg-slate-100">
                <Image
                  src={imageSource(image.url).src}
                  alt={`${product.name} 이미지 ${i + 1}`}
                  fill
                  sizes="96px"
                  className="object-cover"
                />
              </span>
              <span className="flex items-center gap-1">
                <input
                  type="checkbox"
                  checked={kept.includes(image.id)}
                  onChange={(e) =>
                    onChange(
                      e.target.checked ? [...kept, image.id] : kept.filter((id) => id !== image.id),
                    )
                  }
                />
                유지
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
