/** Small builders for the OpenAPI operations (zod-openapi objects). */
import { Problem } from "@shop/contracts";
import type { z } from "zod";
import type { ZodOpenApiOperationObject } from "zod-openapi";

export const json = (description: string, schema: z.ZodType) => ({
  description,
  content: { "application/json": { schema } },
});
export const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: Problem } },
});
export const body = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });

export const admin = { security: [{ bearer: [] }] };
export const internal = { security: [{ internalKey: [] }] };
export const adminErrors = {
  401: problem("No valid token (guests too)"),
  403: problem("Not an admin"),
};

export type Operation = ZodOpenApiOperationObject;
export const op = (
  tags: string[],
  summary: string,
  rest: Omit<Operation, "tags" | "summary">,
): Operation => ({ tags, summary, ...rest });
