/**
 * The admin add-product form as two product-service calls: upload the images, then create the
 * product with their ids. Fields are checked first so a bad form uploads nothing. If the create
 * call fails after the upload, the images stay unattached and the product service's
 * abandoned-upload sweep deletes them; the BFF does not try to undo the upload itself.
 */
import { AppError, zodFieldErrors, type FieldError, type Logger } from "@shop/platform";
import type { ProductApi } from "../clients/product.client.js";
import type { ParsedForm } from "./multipart-form.js";
import { ProductForm } from "./product-create.schemas.js";

export async function createProductFromForm(
  product: ProductApi,
  form: ParsedForm,
  authorization: string,
  logger: Logger,
): Promise<Awaited<ReturnType<ProductApi["createProduct"]>>> {
  const fields = validateForm(form);
  let imageIds: string[];
  try {
    imageIds = (await product.uploadImages(form.files, authorization)).map((image) => image.id);
  } catch (error) {
    throw onImages(error);
  }
  try {
    return await product.createProduct({ ...fields, imageIds }, authorization);
  } catch (error) {
    logger.warn(
      { imageIds, err: error },
      "product create failed; uploaded images left for the abandoned-upload sweep",
    );
    throw error;
  }
}

function validateForm(form: ParsedForm): ProductForm {
  // An empty form field means "not given", so optional fields fall back to their defaults.
  const given = Object.fromEntries(
    Object.entries(form.fields).filter(([, value]) => value.trim() !== ""),
  );
  const result = ProductForm.safeParse(given);
  const errors: FieldError[] = result.success ? [] : zodFieldErrors(result.error);
  if (form.files.length === 0) errors.push({ field: "images", message: "add at least one image" });
  if (!result.success || errors.length > 0) {
    const first = errors[0]!;
    const detail =
      errors.length === 1
        ? `${first.field}: ${first.message}`
        : `${errors.length} fields are not valid`;
    throw new AppError("VALIDATION_FAILED", detail, { errors });
  }
  return result.data;
}

/** Upload rejections keep their code (415/413) and point the form at the images field. */
function onImages(error: unknown): unknown {
  if (
    error instanceof AppError &&
    error.status >= 400 &&
    error.status < 500 &&
    !error.errors?.length
  ) {
    if (["IMAGE_INVALID", "IMAGE_TOO_LARGE", "VALIDATION_FAILED"].includes(error.code)) {
      return new AppError(error.code, error.message, {
        errors: [{ field: "images", message: error.message }],
      });
    }
  }
  return error;
}
