# One image for every SmartCart process (gateway, the three subgraphs, and the
# migrate/seed job); docker-compose.yml picks the npm script to run.
# There is no build step: the services run their TypeScript through tsx.
FROM node:20-bookworm-slim

WORKDIR /app

# Dependencies first, so source edits do not invalidate this layer.
# All dependencies, dev included: tsx (which runs the services) is a devDependency.
# Install scripts are skipped, as npm 11 does by default: the project needs none
# (the Prisma client is generated into the repository, engines are WASM).
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund \
 && npm cache clean --force

COPY . .

# Writable only where the app writes: .data (embedded database when no DATABASE_URL is set).
RUN mkdir -p .data && chown node:node .data

ENV APOLLO_TELEMETRY_DISABLED=true \
    HOST=0.0.0.0
USER node
EXPOSE 4000 4001 4002 4003

# Default: everything in one process; compose runs one service per container instead.
CMD ["npm", "run", "start"]
