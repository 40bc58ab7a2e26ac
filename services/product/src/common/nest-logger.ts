/** Nest's own messages (bootstrap, errors) through the service's JSON logger; route mapping chatter is debug. */
import type { LoggerService } from "@nestjs/common";
import type { Logger } from "@shop/platform";

const text = (message: unknown) =>
  typeof message === "string" ? message : JSON.stringify(message);

export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    this.logger.debug({ context }, text(message));
  }

  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, text(message));
  }

  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, text(message));
  }

  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, text(message));
  }

  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, text(message));
  }
}
