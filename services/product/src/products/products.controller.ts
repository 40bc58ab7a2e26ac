/** /api/v1/products: public list and detail, admin create/update/soft-delete. */
import { Access, CurrentIdentity } from "@shop/platform/nest";
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Put,
  Query,
} from "@nestjs/common";
import type { Identity } from "@shop/platform";
import { ZodPipe } from "@shop/platform/nest";
import { ProductsService } from "./products.service.js";
import { ProductCreate, ProductUpdate } from "@shop/contracts";
import { ProductIdParam, ProductListQuery, ProductParams } from "./products.schemas.js";

@Controller("api/v1/products")
export class ProductsController {
  constructor(@Inject(ProductsService) private readonly products: ProductsService) {}

  @Get()
  @Access({ optional: true })
  list(
    @Query(new ZodPipe(ProductListQuery, "query")) query: ProductListQuery,
    @CurrentIdentity() identity: Identity | undefined,
  ) {
    return this.products.list(query, identity);
  }

  @Get(":idOrSlug")
  @Access({ optional: true })
  get(
    @Param(new ZodPipe(ProductParams, "params")) params: ProductParams,
    @CurrentIdentity() identity: Identity | undefined,
  ) {
    return this.products.get(params.idOrSlug, identity);
  }

  @Post()
  @Access({ roles: ["admin"] })
  create(@Body(new ZodPipe(ProductCreate)) body: ProductCreate) {
    return this.products.create(body);
  }

  @Put(":id")
  @Access({ roles: ["admin"] })
  replace(
    @Param(new ZodPipe(ProductIdParam, "params")) params: ProductIdParam,
    @Body(new ZodPipe(ProductUpdate)) body: ProductUpdate,
  ) {
    return this.products.update(params.id, body);
  }

  @Patch(":id")
  @Access({ roles: ["admin"] })
  update(
    @Param(new ZodPipe(ProductIdParam, "params")) params: ProductIdParam,
    @Body(new ZodPipe(ProductUpdate)) body: ProductUpdate,
  ) {
    return this.products.update(params.id, body);
  }

  @Delete(":id")
  @Access({ roles: ["admin"] })
  @HttpCode(204)
  async remove(
    @Param(new ZodPipe(ProductIdParam, "params")) params: ProductIdParam,
  ): Promise<void> {
    await this.products.remove(params.id);
  }
}
