# syntax=docker/dockerfile:1
# One image recipe for the plain Node services (auth, cart, order, payment, bff, gateway): build
# with `--build-arg SERVICE=<folder under services/> --build-arg PORT=<its port>` and the
# repository root as context (infra/docker-compose.yml does both). Product (swc), member (Prisma),
# the storefront (Next.js) and the edge proxy (Bun) have their own Dockerfiles.
ARG NODE_IMAGE=node:20-bookworm-slim

# 1. Production dependencies of this workspace and the workspaces it uses.
FROM ${NODE_IMAGE} AS deps
ARG SERVICE
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/platform/package.json packages/platform/
COPY packages/contracts/package.json packages/contracts/
COPY services/${SERVICE}/package.json services/${SERVICE}/
RUN npm ci --workspace services/${SERVICE} --omit=dev --ignore-scripts --no-audit --no-fund

# 2. The sources without the tests.
FROM ${NODE_IMAGE} AS source
ARG SERVICE
WORKDIR /app
COPY tsconfig.base.json ./
COPY packages/platform packages/platform
COPY packages/contracts packages/contracts
COPY services/${SERVICE} services/${SERVICE}
RUN find packages services -name '*.test.ts' -delete && rm -rf services/${SERVICE}/src/testing

# 3. Runtime: run by tsx as a non-root user.
FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ARG PORT
ENV NODE_ENV=production PORT=${PORT}
WORKDIR /app
COPY --from=deps /app /app
COPY --from=source /app /app
USER node
WORKDIR /app/services/${SERVICE}
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=3s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The tracing register is inert until OTEL_EXPORTER_OTLP_ENDPOINT is set (docs/tracing.md).
CMD ["node", "--import", "tsx", "--import", "@shop/platform/tracing/register", "src/main.ts"]
