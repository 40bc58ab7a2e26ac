/** Current price and sellable stock of product/option pairs, for the cart and order services. */
import { Inject, Injectable } from "@nestjs/common";
import { DataSource } from "typeorm";
import type {
  ProductLookupItem as LookupItem,
  ProductLookupRequest as LookupRequest,
} from "@shop/contracts";

interface ProductRow {
  id: string;
  name: string;
  slug: string;
  brand: string;
  price: number;
  original_price: number;
  stock: number;
  status: "active" | "draft" | "archived";
  deleted: boolean;
  image_url: string | null;
}

interface OptionRow {
  id: string;
  product_id: string;
  label: string;
  type: string;
  extra_price: number;
  stock: number;
}

@Injectable()
export class LookupService {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async lookup(request: LookupRequest): Promise<LookupItem[]> {
    const productIds = [...new Set(request.items.map((i) => i.productId))];
    const optionIds = [...new Set(request.items.flatMap((i) => (i.optionId ? [i.optionId] : [])))];
    const [products, options] = await Promise.all([
      this.db.query<ProductRow[]>(
        `SELECT p.id, p.name, p.slug, p.brand, p.price, p.original_price, p.stock, p.status,
                p.deleted_at IS NOT NULL AS deleted,
                (SELECT url FROM product_images i WHERE i.product_id = p.id
                  ORDER BY i.is_main DESC, i.sort_order, i.created_at LIMIT 1) AS image_url
           FROM products p WHERE p.id = ANY($1::uuid[])`,
        [productIds],
      ),
      optionIds.length
        ? this.db.query<OptionRow[]>(
            "SELECT id, product_id, label, type, extra_price, stock FROM product_options WHERE id = ANY($1::uuid[])",
            [optionIds],
          )
        : Promise.resolve([] as OptionRow[]),
    ]);
    const productById = new Map(products.map((p) => [p.id, p]));
    const optionById = new Map(options.map((o) => [o.id, o]));
    return request.items.map((item) => {
      const product = productById.get(item.productId);
      const option = item.optionId ? optionById.get(item.optionId) : undefined;
      const optionId = item.optionId ?? null;
      if (!product || (optionId && (!option || option.product_id !== product.id)))
        return notFound(item.productId, optionId);
      const sellable = !product.deleted && product.status === "active";
      const extra = option?.extra_price ?? 0;
      return {
        productId: product.id,
        optionId,
        found: true,
        name: product.name,
        slug: product.slug,
        brand: product.brand,
        imageUrl: product.image_url,
        optionLabel: option?.label ?? null,
        unitPrice: product.price + extra,
        originalPrice: product.original_price + extra,
        available: sellable ? Math.min(product.stock, option ? option.stock : product.stock) : 0,
        status: product.deleted ? "deleted" : product.status,
      };
    });
  }
}

function notFound(productId: string, optionId: string | null): LookupItem {
  return {
    productId,
    optionId,
    found: false,
    name: null,
    slug: null,
    brand: null,
    imageUrl: null,
    optionLabel: null,
    unitPrice: 0,
    originalPrice: 0,
    available: 0,
    status: null,
  };
}
