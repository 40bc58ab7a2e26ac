/** /api/v1/categories: public reads, admin writes. */
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
import { IdOrSlugParam, IdParam } from "../common/schemas.js";
import { CategoriesService } from "./categories.service.js";
import { CategoryCreate, CategoryListQuery, CategoryUpdate } from "./categories.schemas.js";

@Controller("api/v1/categories")
export class CategoriesController {
  constructor(@Inject(CategoriesService) private readonly categories: CategoriesService) {}

  @Get()
  @Access({ optional: true })
  async list(
    @Query(new ZodPipe(CategoryListQuery, "query")) query: CategoryListQuery,
    @CurrentIdentity() identity: Identity | undefined,
  ) {
    const items = await this.categories.list(
      query.includeInactive === true && identity?.role === "admin",
    );
    return { items, page: 1, limit: Math.max(items.length, 1), total: items.length, totalPages: 1 };
  }

  @Get(":idOrSlug")
  @Access({ optional: true })
  get(
    @Param(new ZodPipe(IdOrSlugParam, "params")) params: IdOrSlugParam,
    @CurrentIdentity() identity: Identity | undefined,
  ) {
    return this.categories.get(params.idOrSlug, identity?.role === "admin");
  }

  @Post()
  @Access({ roles: ["admin"] })
  create(@Body(new ZodPipe(CategoryCreate)) body: CategoryCreate) {
    return this.categories.create(body);
  }

  @Put(":id")
  @Access({ roles: ["admin"] })
  replace(
    @Param(new ZodPipe(IdParam, "params")) params: IdParam,
    @Body(new ZodPipe(CategoryUpdate)) body: CategoryUpdate,
  ) {
    return this.categories.update(params.id, body);
  }

  @Patch(":id")
  @Access({ roles: ["admin"] })
  update(
    @Param(new ZodPipe(IdParam, "params")) params: IdParam,
    @Body(new ZodPipe(CategoryUpdate)) body: CategoryUpdate,
  ) {
    return this.categories.update(params.id, body);
  }

  @Delete(":id")
  @Access({ roles: ["admin"] })
  @HttpCode(204)
  async remove(@Param(new ZodPipe(IdParam, "params")) params: IdParam): Promise<void> {
    await this.categories.remove(params.id);
  }
}
