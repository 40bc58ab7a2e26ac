/** /docs (HTML) and /docs/json (OpenAPI 3.1). */
import { Controller, Get, Header } from "@nestjs/common";
import { openApiPage } from "@shop/platform";
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
    return openApiPage(openApiDocument());
  }
}
