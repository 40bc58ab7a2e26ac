/** Prisma errors mapped to catalogue codes, so no driver message ever reaches a caller. */
import { AppError } from "@shop/platform";
import { Prisma } from "./client.js";

/** Maps Prisma's known errors to catalogue codes; anything else stays a 500 without details. */
export async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError) {
      if (error.code === "P2002")
        throw new AppError("MEMBER_EMAIL_TAKEN", "An account with this email already exists", {
          errors: [{ field: "email", message: "An account with this email already exists" }],
          cause: error,
        });
      // P2025: the row to change is gone; P2003: a wishlist row for a member deleted meanwhile.
      if (error.code === "P2025" || error.code === "P2003") {
        throw new AppError("MEMBER_NOT_FOUND", "No such member", { cause: error });
      }
    }
    if (isConnectionError(error)) {
      throw new AppError(
        "DEPENDENCY_UNAVAILABLE",
        "The member database is unavailable; try again shortly",
        {
          cause: error,
        },
      );
    }
    throw error;
  }
}

function isConnectionError(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  const text = error instanceof Error ? `${error.name} ${error.message}` : "";
  return /ECONNREFUSED|ETIMEDOUT|Connection terminated|DatabaseNotReachable|connection timeout/i.test(
    text,
  );
}
