/** Runs the real product service (NestJS) as its own process on a throwaway database, for order tests. */
import { startProductService, type TestDatabase } from "@shop/test-kit";
import { INTERNAL_KEY } from "./http-fake.js";

export interface ProductProcess {
  url: string;
  db: TestDatabase;
  /** Stops the process and removes its database, Redis keys and images. */
  stop(): Promise<void>;
}

export async function startProductProcess(port: number, authUrl: string): Promise<ProductProcess> {
  const product = await startProductService({
    authUrl,
    port,
    internalKey: INTERNAL_KEY,
    label: "order-product",
  });
  return { url: product.url, db: product.db, stop: () => product.close() };
}
