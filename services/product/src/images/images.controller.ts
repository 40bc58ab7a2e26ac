/** Image upload (before and after product creation), image delete, and the public image files. */
import { Access } from "@shop/platform/nest";
import {
  type ArgumentsHost,
  Catch,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Req,
  Res,
  UploadedFiles,
  UseFilters,
  UseInterceptors,
} from "@nestjs/common";
import { AnyFilesInterceptor } from "@nestjs/platform-express";
import { AppError, type Logger } from "@shop/platform";
import { ZodPipe } from "@shop/platform/nest";
import type { Request, Response } from "express";
import { pipeline } from "node:stream/promises";
import { ServiceProblemFilter } from "../common/problems.js";
import { LOGGER } from "../common/tokens.js";
import { ProductsService } from "../products/products.service.js";
import { ProductIdParam } from "../products/products.schemas.js";
import { IMAGE_KEY_PATTERN } from "./image-storage.js";
import { ProductImageParams } from "./images.schemas.js";
import { ImagesService, type UploadFile } from "./images.service.js";

export const MAX_FILES = 10;

/** Multer's limit errors as the catalogue's image codes (413 IMAGE_TOO_LARGE, 400 for counts). */
@Catch()
export class UploadProblemFilter extends ServiceProblemFilter {
  constructor(@Inject(LOGGER) logger: Logger) {
    super(logger);
  }

  override catch(exception: unknown, host: ArgumentsHost): void {
    const e = exception as { getStatus?: () => number; message?: string };
    const status = typeof e.getStatus === "function" ? e.getStatus() : undefined;
    if (status === 413) {
      return super.catch(new AppError("IMAGE_TOO_LARGE", "Each image may be at most 5 MB"), host);
    }
    if (status === 400 && /too many files|unexpected field|too many parts/i.test(e.message ?? "")) {
      const message = `send at most ${MAX_FILES} files`;
      return super.catch(
        new AppError("VALIDATION_FAILED", message, { errors: [{ field: "files", message }] }),
        host,
      );
    }
    return super.catch(exception, host);
  }
}

@Controller()
export class ImagesController {
  constructor(
    @Inject(ImagesService) private readonly images: ImagesService,
    @Inject(ProductsService) private readonly products: ProductsService,
  ) {}

  @Post("api/v1/images")
  @Access({ roles: ["admin"] })
  @UseInterceptors(AnyFilesInterceptor())
  @UseFilters(UploadProblemFilter)
  async upload(@UploadedFiles() files: UploadFile[] | undefined) {
    return { items: await this.images.upload(files ?? []) };
  }

  @Post("api/v1/products/:id/images")
  @Access({ roles: ["admin"] })
  @UseInterceptors(AnyFilesInterceptor())
  @UseFilters(UploadProblemFilter)
  async uploadToProduct(
    @Param(new ZodPipe(ProductIdParam, "params")) params: ProductIdParam,
    @UploadedFiles() files: UploadFile[] | undefined,
  ) {
    const items = await this.images.uploadTo(params.id, files ?? []);
    await this.products.announce(params.id);
    return { items };
  }

  @Delete("api/v1/products/:id/images/:imageId")
  @Access({ roles: ["admin"] })
  @HttpCode(204)
  async remove(
    @Param(new ZodPipe(ProductImageParams, "params")) params: ProductImageParams,
  ): Promise<void> {
    await this.images.remove(params.id, params.imageId);
    await this.products.announce(params.id);
  }

  /** Image files: content-hashed keys, so they are cached for a year and never revalidated. */
  @Get("images/:key")
  async serve(@Param("key") key: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const object = IMAGE_KEY_PATTERN.test(key) ? await this.images.open(key) : undefined;
    if (!object) throw new AppError("IMAGE_NOT_FOUND", `No image '${key}'`);
    const etag = `"${key.slice(0, 32)}"`;
    res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    res.setHeader("ETag", etag);
    res.setHeader("X-Content-Type-Options", "nosniff");
    if (req.headers["if-none-match"] === etag) {
      object.body.destroy();
      res.status(304).end();
      return;
    }
    res.setHeader("Content-Type", object.contentType);
    if (object.size) res.setHeader("Content-Length", String(object.size));
    await pipeline(object.body, res).catch(() => res.destroy());
  }
}
