"use client";

import { useState } from "react";
import Image from "next/image";
import clsx from "clsx";
import type { ProductImage } from "@/lib/api/products";
import { imageSource } from "@/lib/images";

/** Product gallery: the main image (preloaded, it is the page's LCP) and thumbnails to switch. */
export function Gallery({ images, name }: { images: ProductImage[]; name: string }) {
  const [index, setIndex] = useState(0);
  const list = images.length ? images : [{ id: "placeholder", url: "", width: null, height: null }];
  const current = list[Math.min(index, list.length - 1)]!;
  const main = imageSource(current.url || null);
  return (
    <div className="flex flex-col gap-2">
      <div className="relative aspect-square overflow-hidden bg-slate-50">
        <Image
          key={current.id}
          src={main.src}
          alt={`${name} 이미지 ${index + 1}/${list.length}`}
          fill
          sizes="(max-width: 480px) 100vw, 480px"
          preload={index === 0}
          unoptimized={main.unoptimized}
          className="object-cover"
        />
      </div>
      {list.length > 1 ? (
        <ul
          className="scrollbar-none flex gap-2 overflow-x-auto px-4"
          aria-label="상품 이미지 선택"
        >
          {list.map((image, i) => {
            const thumb = imageSource(image.url);
            return (
              <li key={image.id} className="shrink-0">
                <button
                  type="button"
                  onClick={() => setIndex(i)}
                  aria-label={`이미지 ${i + 1} 보기`}
                  aria-pressed={i === index}
                  className={clsx(
                    "relative block size-16 overflow-hidden rounded-lg border-2",
                    i === index ? "border-brand" : "border-transparent",
                  )}
                >
                  <Image
                    src={thumb.src}
                    alt=""
                    fill
                    sizes="64px"
                    unoptimized={thumb.unoptimized}
                    className="object-cover"
                  />
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
