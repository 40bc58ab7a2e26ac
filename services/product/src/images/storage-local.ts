/** Image storage on the local disk under IMAGE_DIR (the default driver). */
import { createReadStream } from "node:fs";
import { access, mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { join, resolve } from "node:path";
import { IMAGE_KEY_PATTERN, type ImageStorage, type StoredObject } from "./image-storage.js";

export class LocalImageStorage implements ImageStorage {
  readonly driver = "local" as const;
  private readonly dir: string;
  private ready: Promise<unknown> | undefined;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  private path(key: string): string {
    if (!IMAGE_KEY_PATTERN.test(key)) throw new Error(`invalid image key '${key}'`);
    return join(this.dir, key);
  }

  private ensureDir(): Promise<unknown> {
    this.ready ??= mkdir(this.dir, { recursive: true });
    return this.ready;
  }

  async put(key: string, body: Buffer): Promise<void> {
    await this.ensureDir();
    const target = this.path(key);
    // Write then rename, so a reader never sees half a file.
    const temp = `${target}.${randomBytes(4).toString("hex")}.tmp`;
    await writeFile(temp, body);
    await rename(temp, target);
  }

  async get(key: string): Promise<StoredObject | undefined> {
    if (!IMAGE_KEY_PATTERN.test(key)) return undefined;
    try {
      const info = await stat(this.path(key));
      return { body: createReadStream(this.path(key)), size: info.size, contentType: "image/webp" };
    } catch {
      return undefined;
    }
  }

  async has(key: string): Promise<boolean> {
    try {
      await access(this.path(key));
      return true;
    } catch {
      return false;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async check(): Promise<void> {
    await this.ensureDir();
    await access(this.dir);
  }
}
