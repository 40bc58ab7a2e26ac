"use client";

import { IMAGE_TYPES, MAX_IMAGE_BYTES } from "@/lib/forms/product";

/** Checks picked files before upload (type and size; the product service checks content too). */
export function checkImages(files: File[]): string | null {
  for (const file of files) {
    if (!IMAGE_TYPES.includes(file.type))
      return `${file.name}: JPEG, PNG, WebP 이미지만 올릴 수 있어요.`;
    if (file.size > MAX_IMAGE_BYTES) return `${file.name}: 5MB 이하 이미지만 올릴 수 있어요.`;
  }
  return files.length > 10 ? "이미지는 한 번에 10장까지 올릴 수 있어요." : null;
}

export function ImageInput({
  label,
  error,
  onFiles,
}: {
  label: string;
  error?: string | undefined;
  onFiles: (files: File[]) => void;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="field-images" className="text-sm font-medium">
        {label}
      </label>
      <input
        id="field-images"
        name="images"
        type="file"
        accept={IMAGE_TYPES.join(",")}
        multiple
        onChange={(e) => onFiles(Array.from(e.target.files ?? []))}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "field-images-error" : "field-images-hint"}
        className="text-sm file:mr-3 file:rounded-lg file:border-0 file:bg-brand-soft file:px-3 file:py-2 file:font-semibold file:text-brand-strong"
      />
      <p id="field-images-hint" className="text-xs text-muted">
        JPEG · PNG · WebP, 한 장당 5MB 이하. 첫 번째 이미지가 대표 이미지예요.
      </p>
      {error ? (
        <p id="field-images-error" className="text-sm text-sale" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
