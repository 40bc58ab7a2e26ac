// Prisma CLI configuration: only `prisma generate` runs here (migrations are committed SQL applied
// by the service itself), so no datasource URL is needed.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
});
