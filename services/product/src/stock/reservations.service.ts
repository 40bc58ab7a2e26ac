/**
 * Stock reservations for orders. Stock is taken with guarded UPDATEs (`stock >= quantity`) inside
 * one transaction, so a reservation gets all its lines or none and stock never goes negative;
 * PostgreSQL re-checks the guard after waiting for a concurrent writer's row lock.
 */
import { Inject, Injectable } from "@nestjs/common";
import { AppError, countReservationsExpired, type FieldError } from "@shop/platform";
import { DataSource, type EntityManager } from "typeorm";
import type { ProductConfig } from "../config.js";
import { returning } from "../common/db.js";
import { CONFIG } from "../common/tokens.js";
import { ProductsService } from "../products/products.service.js";
import { Reservation, ReservationLine } from "./reservation.entity.js";
import type { ReservationCreate, Reservation as ReservationView } from "@shop/contracts";

interface Line {
  /** Index of the caller's first item for this product/option (for `items.N` errors). */
  index: number;
  productId: string;
  optionId: string | null;
  quantity: number;
}

interface Outcome {
  view: ReservationView;
  replayed: boolean;
  /** Products whose availability flipped (sold out / back in stock): announced after commit. */
  touched: string[];
}

@Injectable()
export class ReservationsService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ProductsService) private readonly products: ProductsService,
    @Inject(CONFIG) private readonly config: ProductConfig,
  ) {}

  async reserve(body: ReservationCreate): Promise<{ view: ReservationView; replayed: boolean }> {
    const lines = normalise(body.items);
    const ttl = Math.min(body.ttlSeconds, this.config.RESERVATION_MAX_TTL_SECONDS);
    const outcome = await this.db.transaction(async (manager): Promise<Outcome | undefined> => {
      // The primary key makes a concurrent duplicate wait here, then see the committed row.
      const inserted = await returning<{ id: string }>(
        manager,
        `INSERT INTO stock_reservations (id, status, expires_at) VALUES ($1, 'reserved', now() + make_interval(secs => $2))
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [body.reservationId, ttl],
      );
      if (inserted.length === 0) return undefined;
      const { shortages, soldOut } = await this.take(manager, lines);
      if (shortages.length) {
        throw new AppError("INSUFFICIENT_STOCK", shortages.map((s) => s.message).join("; "), {
          errors: shortages,
        });
      }
      await manager.getRepository(ReservationLine).insert(
        lines.map((line, lineNo) => ({
          reservationId: body.reservationId,
          lineNo,
          ...pickLine(line),
        })),
      );
      return {
        view: await this.view(manager, body.reservationId),
        replayed: false,
        touched: soldOut,
      };
    });
    if (!outcome) return { view: await this.existing(body.reservationId, lines), replayed: true };
    await this.announce(outcome.touched);
    return { view: outcome.view, replayed: false };
  }

  /** Takes every line's units; collects a field error per short line instead of stopping at the first. */
  private async take(manager: EntityManager, lines: Line[]) {
    const shortages: FieldError[] = [];
    const soldOut: string[] = [];
    for (const line of lines) {
      const product = await returning<{ stock: number }>(
        manager,
        `UPDATE products SET stock = stock - $2
          WHERE id = $1 AND stock >= $2 AND status = 'active' AND deleted_at IS NULL RETURNING stock`,
        [line.productId, line.quantity],
      );
      let short = product.length === 0;
      if (!short && line.optionId) {
        const option = await returning<{ stock: number }>(
          manager,
          "UPDATE product_options SET stock = stock - $3 WHERE id = $2 AND product_id = $1 AND stock >= $3 RETURNING stock",
          [line.productId, line.optionId, line.quantity],
        );
        short = option.length === 0;
      }
      if (short) shortages.push(await this.shortage(manager, line));
      else if (product[0]?.stock === 0) soldOut.push(line.productId);
    }
    return { shortages, soldOut };
  }

  private async shortage(manager: EntityManager, line: Line): Promise<FieldError> {
    const rows: Array<{
      stock: number;
      sellable: boolean;
      option_stock: number | null;
      option_found: boolean;
    }> = await manager.query(
      `SELECT p.stock, (p.status = 'active' AND p.deleted_at IS NULL) AS sellable,
                o.stock AS option_stock, o.id IS NOT NULL AS option_found
           FROM products p LEFT JOIN product_options o ON o.id = $2 AND o.product_id = p.id
          WHERE p.id = $1`,
      [line.productId, line.optionId],
    );
    const row = rows[0];
    const field = `items.${line.index}`;
    if (!row || !row.sellable) return { field, message: "this product is no longer sold" };
    if (line.optionId && !row.option_found) return { field, message: "this option does not exist" };
    // Stock already taken by earlier lines of this reservation is counted as taken.
    const left = Math.max(
      0,
      Math.min(row.stock, line.optionId ? (row.option_stock ?? 0) : row.stock),
    );
    return {
      field,
      message: left === 0 ? "sold out" : `only ${left} left (asked for ${line.quantity})`,
    };
  }

  private async existing(id: string, lines: Line[]): Promise<ReservationView> {
    const view = await this.view(this.db.manager, id);
    const same =
      view.items.length === lines.length &&
      view.items.every((item, i) => {
        const line = lines[i]!;
        return (
          item.productId === line.productId &&
          item.optionId === line.optionId &&
          item.quantity === line.quantity
        );
      });
    if (!same) {
      throw new AppError(
        "IDEMPOTENCY_KEY_REUSED",
        `Reservation ${id} already exists with different items`,
      );
    }
    return view;
  }

  /** Makes the deduction final (the order is paid); salesCount grows. Idempotent. */
  async commit(id: string): Promise<ReservationView> {
    return this.db.transaction(async (manager) => {
      const reservation = await this.lock(manager, id);
      if (reservation.status === "committed") return this.view(manager, id);
      if (reservation.status === "released") {
        throw new AppError(
          "RESERVATION_RELEASED",
          `Reservation ${id} was ${reservation.releaseReason === "expired" ? "expired" : "released"}`,
        );
      }
      for (const line of await this.lines(manager, id)) {
        await manager.query("UPDATE products SET sales_count = sales_count + $2 WHERE id = $1", [
          line.productId,
          line.quantity,
        ]);
      }
      await manager.update(
        Reservation,
        { id },
        { status: "committed", committedAt: () => "now()" },
      );
      return this.view(manager, id);
    });
  }

  /** Returns the units (from a reserved or a committed reservation). Idempotent. */
  async release(
    id: string,
    reason: "requested" | "expired" = "requested",
  ): Promise<ReservationView> {
    const outcome = await this.db.transaction(async (manager) => {
      const reservation = await this.lock(manager, id);
      if (reservation.status === "released")
        return { view: await this.view(manager, id), touched: [] as string[] };
      if (
        reason === "expired" &&
        (reservation.status !== "reserved" || reservation.expiresAt > new Date())
      ) {
        return { view: await this.view(manager, id), touched: [] as string[] };
      }
      const touched: string[] = [];
      for (const line of await this.lines(manager, id)) {
        const product = await returning<{ stock: number }>(
          manager,
          `UPDATE products SET stock = stock + $2,
             sales_count = CASE WHEN $3 THEN greatest(sales_count - $2, 0) ELSE sales_count END
           WHERE id = $1 RETURNING stock`,
          [line.productId, line.quantity, reservation.status === "committed"],
        );
        if (line.optionId) {
          await manager.query(
            "UPDATE product_options SET stock = stock + $3 WHERE id = $2 AND product_id = $1",
            [line.productId, line.optionId, line.quantity],
          );
        }
        if (product[0]?.stock === line.quantity) touched.push(line.productId);
      }
      await manager.update(
        Reservation,
        { id },
        { status: "released", releasedAt: () => "now()", releaseReason: reason },
      );
      return { view: await this.view(manager, id), touched };
    });
    await this.announce(outcome.touched);
    return outcome.view;
  }

  /** Releases reservations whose time ran out before they were committed. */
  async sweepExpired(batch = 100): Promise<{ released: number }> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM stock_reservations WHERE status = 'reserved' AND expires_at < now() ORDER BY expires_at LIMIT $1`,
      [batch],
    );
    let released = 0;
    for (const { id } of rows) {
      const view = await this.release(id, "expired");
      if (view.releaseReason === "expired") released++;
    }
    if (released) countReservationsExpired(released);
    return { released };
  }

  /** Reservations still holding stock. */
  async countOpen(): Promise<number> {
    const rows: Array<{ n: number }> = await this.db.query(
      `SELECT count(*)::int AS n FROM stock_reservations WHERE status = 'reserved'`,
    );
    return rows[0]?.n ?? 0;
  }

  async get(id: string): Promise<ReservationView> {
    return this.view(this.db.manager, id);
  }

  private async lock(manager: EntityManager, id: string): Promise<Reservation> {
    const reservation = await manager
      .getRepository(Reservation)
      .createQueryBuilder("r")
      .setLock("pessimistic_write")
      .where("r.id = :id", { id })
      .getOne();
    if (!reservation) throw new AppError("RESERVATION_NOT_FOUND", `No reservation '${id}'`);
    return reservation;
  }

  /** Lines in product order: every writer locks product rows in the same order (no deadlocks). */
  private lines(manager: EntityManager, id: string): Promise<ReservationLine[]> {
    return manager
      .getRepository(ReservationLine)
      .find({ where: { reservationId: id }, order: { productId: "ASC", lineNo: "ASC" } });
  }

  private async view(manager: EntityManager, id: string): Promise<ReservationView> {
    const reservation = await manager.getRepository(Reservation).findOne({ where: { id } });
    if (!reservation) throw new AppError("RESERVATION_NOT_FOUND", `No reservation '${id}'`);
    const lines = await manager
      .getRepository(ReservationLine)
      .find({ where: { reservationId: id }, order: { lineNo: "ASC" } });
    return {
      reservationId: reservation.id,
      status: reservation.status,
      expiresAt: reservation.expiresAt.toISOString(),
      items: lines.map(pickLine),
      createdAt: reservation.createdAt.toISOString(),
      committedAt: reservation.committedAt?.toISOString() ?? null,
      releasedAt: reservation.releasedAt?.toISOString() ?? null,
      releaseReason: reservation.releaseReason,
    };
  }

  private async announce(productIds: string[]): Promise<void> {
    for (const id of new Set(productIds)) await this.products.announce(id);
  }
}

/** Merges repeated product/option pairs and sorts lines so locks are always taken in one order. */
function normalise(items: ReservationCreate["items"]): Line[] {
  const merged = new Map<string, Line>();
  items.forEach((item, index) => {
    const optionId = item.optionId ?? null;
    const key = `${item.productId}:${optionId ?? ""}`;
    const line = merged.get(key);
    if (line) line.quantity += item.quantity;
    else merged.set(key, { index, productId: item.productId, optionId, quantity: item.quantity });
  });
  return [...merged.values()].sort(
    (a, b) => compare(a.productId, b.productId) || compare(a.optionId ?? "", b.optionId ?? ""),
  );
}

/** Plain code-unit order, the same as PostgreSQL's order of lowercase uuids. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function pickLine(line: { productId: string; optionId: string | null; quantity: number }) {
  return { productId: line.productId, optionId: line.optionId, quantity: line.quantity };
}
