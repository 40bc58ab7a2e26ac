/**
 * NestJS instrumentation for Nest 12: the upstream one stops at `<12`, while the two places it
 * wraps (`NestFactoryStatic.create`, `RouterExecutionContext.create`) are unchanged in 12.
 */
import { InstrumentationNodeModuleDefinition } from "@opentelemetry/instrumentation";
import type { InstrumentationNodeModuleFile } from "@opentelemetry/instrumentation";
import { NestInstrumentation } from "@opentelemetry/instrumentation-nestjs-core";

const NEST_VERSIONS = [">=4.0.0 <13"];

/** The files of @nestjs/core the instrumentation wraps, for the ESM loader's include list. */
export const NEST_INTERNAL_FILES =
  /\/@nestjs\/core\/(nest-factory|router\/router-execution-context)\.js$/;

interface NestInstrumentationInternals {
  getNestFactoryFileInstrumentation(versions: string[]): InstrumentationNodeModuleFile;
  getRouterExecutionContextFileInstrumentation(versions: string[]): InstrumentationNodeModuleFile;
}

/** {@link NestInstrumentation} with the version range widened to Nest 12. */
export class Nest12Instrumentation extends NestInstrumentation {
  override init(): InstrumentationNodeModuleDefinition {
    const files = this as unknown as NestInstrumentationInternals;
    const module = new InstrumentationNodeModuleDefinition(
      NestInstrumentation.COMPONENT,
      NEST_VERSIONS,
    );
    module.files.push(
      files.getNestFactoryFileInstrumentation(NEST_VERSIONS),
      files.getRouterExecutionContextFileInstrumentation(NEST_VERSIONS),
    );
    return module;
  }
}
