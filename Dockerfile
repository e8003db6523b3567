# One image for every SmartCart process: the gateway, the three subgraphs, all of
# them in one process, and the one-shot jobs (migrate, seed, operator commands).
# The container's command picks one (deploy/docker/entrypoint.sh):
#
#   docker build -t smartcart .
#   docker run --rm -e DATABASE_URL=… smartcart migrate
#   docker run -d -p 4000:4000 -e … smartcart gateway      # or products | users | recommendations | all
#
# Three stages: `build` compiles TypeScript to dist/ with every dependency,
# `deps` installs the production dependencies alone, and the runtime stage gets
# only those two results plus the files the services read at run time.
# `npm run image:check` (and CI) runs these same stages' commands without Docker.

# A current LTS Node (24; 22 also works). Pin a digest in your registry mirror for reproducible builds.
ARG NODE_IMAGE=node:24-slim

# ------------------------------------------------------------------ build
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Install scripts are skipped (npm 11's default anyway): the project needs none;
# the Prisma client is generated into the repository and the engines are WASM.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
# BUILD:WEB: the GraphiQL playground, storefront and admin console assets (dist/playground, dist/client,
# dist/admin), when the project defines `build:web`.
RUN if node -e "process.exit(require('./package.json').scripts['build:web'] ? 0 : 1)"; then npm run build:web; fi
RUN npm run build

# ------------------------------------------------------------------ production dependencies
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# --omit=optional as well: npm keeps the Prisma CLI and TypeScript (dev dependencies that
# @prisma/client names as optional peers) unless optional packages are omitted too.
RUN npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund \
 && npm cache clean --force

# ------------------------------------------------------------------ runtime
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    APOLLO_TELEMETRY_DISABLED=true \
    NODE_OPTIONS="--experimental-wasm-modules --no-warnings=ExperimentalWarning"
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Read at run time from the project root (platform/paths.ts): the supergraph, each
# subgraph's SDL, the Prisma schema (the migration engine) and the migrations.
COPY package.json ./
COPY gateway/supergraph.graphql ./gateway/
COPY subgraphs/products/schema.graphql ./subgraphs/products/
COPY subgraphs/users/schema.graphql ./subgraphs/users/
COPY subgraphs/recommendations/schema.graphql ./subgraphs/recommendations/
COPY prisma/schema ./prisma/schema
COPY prisma/migrations ./prisma/migrations
# BUILD:WEB: if `build:web` writes outside dist/, copy its output from the build stage here.
COPY deploy/docker/entrypoint.sh /usr/local/bin/smartcart
# The only writable place: .data, the embedded database when no DATABASE_URL is set.
RUN mkdir -p .data && chown node:node .data
# The node image's unprivileged user (uid 1000).
USER node
EXPOSE 4000 4001 4002 4003
# Liveness of whichever service this container runs (compose asks /readyz instead).
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "dist/scripts/healthcheck.js", "healthz"]
ENTRYPOINT ["smartcart"]
CMD ["all"]
