# syntax=docker/dockerfile:1
# The vault as one image: `docker build -t kluis/vault-api .` at the repository root.
# Pin NODE_IMAGE by digest in the bank's registry; the tag here only names the line (Node 20, Debian bookworm).
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
# better-sqlite3 is compiled here, against the headers that ship with this Node, so the build downloads nothing
# but npm packages: no prebuilt binary and no header tarball from outside the registry.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
ENV npm_config_build_from_source=true \
    npm_config_nodedir=/usr/local \
    npm_config_audit=false \
    npm_config_fund=false
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build \
 && npm prune --omit=dev

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    VAULT_DATA_DIR=/var/lib/kluis
WORKDIR /app
# Root owns the code, so the process that runs it cannot change it.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Only the embedded mode writes here; with remote backends nothing is written and the root file system can be
# mounted read-only.
RUN mkdir -p /var/lib/kluis && chown 1000:1000 /var/lib/kluis
# The image's `node` user, numeric so that Kubernetes' runAsNonRoot can verify it without a passwd lookup.
USER 1000:1000
EXPOSE 3000
# Slim images have no curl; Node 20 has fetch. 503 (a backend down) counts as unhealthy.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node itself is PID 1 so that SIGTERM reaches the vault's shutdown hooks.
CMD ["node", "dist/apps/vault-api/src/main.js"]
