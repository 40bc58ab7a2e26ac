/** Products with known prices and stock, created and changed through the real product service's admin API. */
import { randomUUID } from "node:crypto";
import type { TestIssuer } from "@shop/test-kit";

export interface TestProduct {
  id: string;
  /** Option ids by value. */
  options: Record<string, string>;
}

export interface Catalogue {
  create(input: {
    price: number;
    stock: number;
    options?: Array<{ value: string; stock: number; extraPrice?: number }>;
  }): Promise<TestProduct>;
  update(id: string, patch: Record<string, unknown>): Promise<void>;
  remove(id: string): Promise<void>;
}

export async function createCatalogue(productUrl: string, issuer: TestIssuer): Promise<Catalogue> {
  const token = await issuer.sign({ sub: randomUUID(), role: "admin", expiresIn: 3600 });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(productUrl + path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { "content-type": "application/json" } : {}),
      },
      body: body ? JSON.stringify(body) : null,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };
  const category = await call("POST", "/api/v1/categories", {
    name: `Test ${randomUUID().slice(0, 8)}`,
    iconCode: "shirt",
  });

  return {
    async create({ price, stock, options = [] }) {
      const created = await call("POST", "/api/v1/products", {
        name: `Test product ${randomUUID().slice(0, 8)}`,
        brand: "Testbrand",
        categoryId: category.id,
        price,
        stock,
        options: options.map((o) => ({
          type: "colour",
          value: o.value,
          stock: o.stock,
          extraPrice: o.extraPrice ?? 0,
        })),
      });
      const ids = Object.fromEntries(
        (created.options as Array<{ id: string; value: string }>).map((o) => [o.value, o.id]),
      );
      return { id: created.id as string, options: ids };
    },
    async update(id, patch) {
      await call("PATCH", `/api/v1/products/${id}`, patch);
    },
    async remove(id) {
      await call("DELETE", `/api/v1/products/${id}`);
    },
  };
}
