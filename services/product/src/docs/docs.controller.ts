/** /docs (HTML) and /docs/json (OpenAPI 3.1). */
import { Controller, Get, Header } from "@nestjs/common";
import { docsPage } from "./docs-page.js";
import { openApiDocument } from "./openapi.js";

@Controller("docs")
export class DocsController {
  @Get("json")
  document() {
    return openApiDocument();
  }

  @Get()
  @Header("Content-Type", "text/html; charset=utf-8")
  page(): string {
    return docsPage(openApiDocument() as Parameters<typeof docsPage>[0]);
  }
}
