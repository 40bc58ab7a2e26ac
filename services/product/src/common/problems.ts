/**
 * The service's exception filter: the platform's problem details, plus a safety net that turns
 * PostgreSQL data exceptions (SQLSTATE class 22: bad text, NUL bytes, out-of-range numbers) that
 * slipped past validation into a 400 without the driver's message.
 */
import { type ArgumentsHost, Catch, Inject, type NestMiddleware } from "@nestjs/common";
import { AppError, type Logger } from "@shop/platform";
import { ProblemFilter } from "@shop/platform/nest";
import type { NextFunction, Request, Response } from "express";
import { LOGGER } from "./tokens.js";

function dataException(exception: unknown): boolean {
  const e = exception as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === "string" && code.startsWith("22");
}

@Catch()
export class ServiceProblemFilter extends ProblemFilter {
  constructor(@Inject(LOGGER) logger: Logger) {
    super(logger);
  }

  override catch(exception: unknown, host: ArgumentsHost): void {
    if (dataException(exception)) {
      return super.catch(
        new AppError("VALIDATION_FAILED", "A value in the request cannot be stored or looked up", {
          cause: exception,
        }),
        host,
      );
    }
    return super.catch(exception, host);
  }
}

/** Refuses NUL characters anywhere in the URL before any handler sees them. */
export class NoNulMiddleware implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    if (/%00/.test(req.originalUrl)) {
      next(new AppError("VALIDATION_FAILED", "The URL contains a NUL character"));
      return;
    }
    next();
  }
}
