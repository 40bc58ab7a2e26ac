/** Reads a multipart form into text fields and in-memory files, with the platform's error codes. */
import { AppError } from "@shop/platform";
import type { FastifyRequest } from "fastify";
import type { UploadFile } from "../clients/product.client.js";

export interface FormLimits {
  maxFiles: number;
  maxFileBytes: number;
}

export interface ParsedForm {
  fields: Record<string, string>;
  files: UploadFile[];
}

export async function readForm(request: FastifyRequest, limits: FormLimits): Promise<ParsedForm> {
  if (!request.isMultipart()) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the form as multipart/form-data");
  }
  const fields: Record<string, string> = {};
  const files: UploadFile[] = [];
  try {
    const parts = request.parts({
      limits: {
        files: limits.maxFiles,
        fileSize: limits.maxFileBytes,
        fields: 40,
        fieldSize: 64 * 1024,
        parts: 60,
      },
    });
    for await (const part of parts) {
      if (part.type === "file") {
        const data = await part.toBuffer();
        if (data.length > 0)
          files.push({ filename: part.filename || "image", mimetype: part.mimetype, data });
      } else if (typeof part.value === "string") {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    throw translate(error, limits);
  }
  return { fields, files };
}

function translate(error: unknown, limits: FormLimits): unknown {
  const code = (error as { code?: string }).code;
  const mb = Math.round((limits.maxFileBytes / 1024 / 1024) * 10) / 10;
  if (code === "FST_REQ_FILE_TOO_LARGE") {
    return new AppError("IMAGE_TOO_LARGE", `Each image must be at most ${mb} MB`, {
      errors: [{ field: "images", message: `must be at most ${mb} MB each` }],
    });
  }
  if (code === "FST_FILES_LIMIT") {
    const message = `at most ${limits.maxFiles} images per product`;
    return new AppError("VALIDATION_FAILED", message, { errors: [{ field: "images", message }] });
  }
  if (code === "FST_FIELDS_LIMIT" || code === "FST_PARTS_LIMIT") {
    return new AppError("VALIDATION_FAILED", "The form has too many fields");
  }
  return error;
}
