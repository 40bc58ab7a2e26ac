/**
 * Where image files live. Two drivers behind one interface: the local disk (default) and S3.
 * Keys are content-hashed file names, so a stored object never changes.
 */
import type { Readable } from "node:stream";
import type { ProductConfig } from "../config.js";
import { LocalImageStorage } from "./storage-local.js";

export interface StoredObject {
  body: Readable;
  size: number;
  contentType: string;
}

export interface ImageStorage {
  readonly driver: "local" | "s3";
  /** Stores `body` under `key` (overwriting an identical object is harmless). */
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The object, or undefined when there is none. */
  get(key: string): Promise<StoredObject | undefined>;
  has(key: string): Promise<boolean>;
  /** Removes the object; missing objects are not an error. */
  delete(key: string): Promise<void>;
  /** Readiness probe. */
  check(): Promise<void>;
  /** Releases connections (S3). */
  close?(): void;
}

/** Valid keys: `<64 hex>.webp`. Anything else is never looked up. */
export const IMAGE_KEY_PATTERN = /^[a-f0-9]{64}\.webp$/;

/** The configured driver; the S3 client is only loaded when it is used (it adds ~0.5 s to start). */
export async function createImageStorage(config: ProductConfig): Promise<ImageStorage> {
  if (config.IMAGE_STORAGE === "s3") {
    const { S3ImageStorage } = await import("./storage-s3.js");
    return new S3ImageStorage({
      bucket: config.S3_BUCKET,
      region: config.S3_REGION,
      endpoint: config.S3_ENDPOINT,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      credentials:
        config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
          ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
          : undefined,
    });
  }
  return new LocalImageStorage(config.IMAGE_DIR);
}
