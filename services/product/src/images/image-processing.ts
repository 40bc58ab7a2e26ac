/**
 * Upload checks and normalisation: the content must be a JPEG/PNG/WebP/AVIF/GIF by its magic
 * bytes, within the pixel limit; it is re-encoded to WebP (EXIF orientation applied, every
 * metadata block dropped) and named by the hash of the result.
 */
import { AppError } from "@shop/platform";
import { createHash } from "node:crypto";
import sharp, { type Metadata } from "sharp";

export type ImageKind = "jpeg" | "png" | "gif" | "webp" | "avif";

export interface ProcessedImage {
  key: string;
  data: Buffer;
  width: number;
  height: number;
  contentType: "image/webp";
}

export interface ImageLimits {
  maxBytes: number;
  maxPixels: number;
  maxSide: number;
}

const ascii = (buffer: Buffer, start: number, end: number) =>
  buffer.subarray(start, end).toString("latin1");

/** The image type named by the first bytes of `buffer`, or undefined. */
export function detectImageKind(buffer: Buffer): ImageKind | undefined {
  if (buffer.length < 12) return undefined;
  if (buffer[0] === 0xff && buffer[1] === 0xd8 && buffer[2] === 0xff) return "jpeg";
  if (buffer.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return "png";
  if (ascii(buffer, 0, 6) === "GIF87a" || ascii(buffer, 0, 6) === "GIF89a") return "gif";
  if (ascii(buffer, 0, 4) === "RIFF" && ascii(buffer, 8, 12) === "WEBP") return "webp";
  if (ascii(buffer, 4, 8) === "ftyp") {
    // ISO-BMFF: the major brand and the compatible brands up to the box size.
    const boxSize = Math.min(buffer.readUInt32BE(0), buffer.length, 64);
    for (let offset = 8; offset + 4 <= boxSize; offset += 4) {
      const brand = ascii(buffer, offset, offset + 4);
      if (brand === "avif" || brand === "avis") return "avif";
    }
  }
  return undefined;
}

const SHARP_FORMATS: Record<ImageKind, string[]> = {
  jpeg: ["jpeg"],
  png: ["png"],
  gif: ["gif"],
  webp: ["webp"],
  avif: ["heif", "avif"],
};

/** Checks and re-encodes one upload; throws IMAGE_INVALID (415) or IMAGE_TOO_LARGE (413). */
export async function processImage(
  input: Buffer,
  limits: ImageLimits,
  field = "file",
): Promise<ProcessedImage> {
  if (input.length > limits.maxBytes) {
    throw new AppError(
      "IMAGE_TOO_LARGE",
      `${field}: images may be at most ${limits.maxBytes / 1024 / 1024} MB`,
    );
  }
  const kind = detectImageKind(input);
  if (!kind)
    throw new AppError("IMAGE_INVALID", `${field}: not a JPEG, PNG, WebP, AVIF or GIF image`);
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new AppError("IMAGE_INVALID", `${field}: the image could not be read`, { cause: error });
  }
  if (!meta.width || !meta.height || !SHARP_FORMATS[kind].includes(String(meta.format))) {
    throw new AppError("IMAGE_INVALID", `${field}: the image content does not match its type`);
  }
  if (meta.width * meta.height > limits.maxPixels) {
    throw new AppError(
      "IMAGE_TOO_LARGE",
      `${field}: ${meta.width}×${meta.height} is more than ${limits.maxPixels.toLocaleString("en")} pixels`,
    );
  }
  try {
    const { data, info } = await sharp(input, {
      limitInputPixels: limits.maxPixels,
      failOn: "error",
    })
      .rotate()
      .resize({
        width: limits.maxSide,
        height: limits.maxSide,
        fit: "inside",
        withoutEnlargement: true,
      })
      .webp({ quality: 82, effort: 3 })
      .toBuffer({ resolveWithObject: true });
    return {
      key: hashKey(data),
      data,
      width: info.width,
      height: info.height,
      contentType: "image/webp",
    };
  } catch (error) {
    throw new AppError("IMAGE_INVALID", `${field}: the image could not be decoded`, {
      cause: error,
    });
  }
}

/** Content-addressed key for a WebP file. */
export function hashKey(data: Buffer): string {
  return `${createHash("sha256").update(data).digest("hex")}.webp`;
}
