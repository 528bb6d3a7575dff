# syntax=docker/dockerfile:1
# Multi-stage image. Dependencies and the build run in throwaway stages; the `runner` target holds
# only Next.js's standalone output (the files the server needs, no dev dependencies) and runs as the
# non-root `node` user on a read-only root filesystem (deploy/docker-compose.yml, deploy/k8s). The
# `migrate` target applies the migrations with production dependencies only.
#
# The base image is pinned by digest (node:20-bookworm-slim, the multi-arch index) so a rebuild gets
# the same bytes; docs/OPERATIONS.md says how to check and move the pin.

FROM node:20-bookworm-slim@sha256:2cf067cfed83d5ea958367df9f966191a942351a2df77d6f0193e162b5febfc0 AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY scripts/prisma-generate.mjs ./scripts/
RUN npm ci --no-audit --no-fund

FROM deps AS builder
COPY . .
RUN npm run build

# Production dependencies only (tsx, Prisma and the migration runner are among them).
FROM node:20-bookworm-slim@sha256:2cf067cfed83d5ea958367df9f966191a942351a2df77d6f0193e162b5febfc0 AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY scripts/prisma-generate.mjs ./scripts/
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# Applies prisma/migrations to DATABASE_URL and exits; also runs the CLIs (user:create, ingest).
FROM node:20-bookworm-slim@sha256:2cf067cfed83d5ea958367df9f966191a942351a2df77d6f0193e162b5febfc0 AS migrate
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
COPY package.json tsconfig.json prisma.config.ts ./
COPY prisma ./prisma
COPY lib ./lib
COPY scripts ./scripts
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=prod-deps /app/lib/generated ./lib/generated
USER node
CMD ["node", "--conditions=react-server", "--import", "tsx", "scripts/migrate.ts"]

FROM node:20-bookworm-slim@sha256:2cf067cfed83d5ea958367df9f966191a942351a2df77d6f0193e162b5febfc0 AS runner
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
# Owned by root and read-only to the app; Next.js's cache (.next/cache) is a tmpfs in compose and an
# emptyDir in Kubernetes.
COPY --from=builder /app/.next/standalone ./
COPY --from=builder /app/.next/static ./.next/static
COPY --from=builder /app/public ./public
COPY --from=builder /app/prisma/migrations ./prisma/migrations
COPY scripts/production-server.mjs ./
USER node
EXPOSE 3000
# SIGTERM starts the graceful shutdown (lib/lifecycle/shutdown.ts): readiness 503, drain, exit 0.
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]
CMD ["node", "production-server.mjs"]
