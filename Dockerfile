# syntax=docker/dockerfile:1
#
# One image recipe for every service; the build args pick the service:
#   docker build --build-arg SERVICE=history --build-arg PORT=3003 -t what-if/history .
# PORT must be the catalog's port for SERVICE (the build checks it). docker-compose.yml,
# generated from services/catalog, passes both, and so must every other build of the images.

# ---------------------------------------------------------------------------------------
# Every workspace manifest and the lockfile, alone, so the npm ci layers below are reused
# until a dependency changes. npm ci insists that each workspace the lockfile names exists.
# The base: major line and Debian release pinned, so patch updates arrive on rebuild and a new
# major or distribution never does by surprise. Build and runtime name the same image so native
# modules match; it is written out in both FROM lines, not through an ARG, because Dependabot
# reads only literal FROM lines (.github/dependabot.yml proposes a new major line in both).
FROM node:24-bookworm-slim AS manifests
WORKDIR /app
COPY package.json package-lock.json ./
COPY services/catalog/package.json services/catalog/
COPY services/contracts/package.json services/contracts/
COPY services/kit/package.json services/kit/
COPY services/offline-writer/package.json services/offline-writer/
COPY services/gateway/package.json services/gateway/
COPY services/user/package.json services/user/
COPY services/generation/package.json services/generation/
COPY services/history/package.json services/history/
COPY services/sharing/package.json services/sharing/
COPY services/video/package.json services/video/
COPY services/social/package.json services/social/
COPY tools/package.json tools/
COPY cdk/package.json cdk/
COPY cdk8s/package.json cdk8s/

# ---------------------------------------------------------------------------------------
# Production dependencies of the one service (and the libraries it links: catalog, contracts, kit), in a stage
# of their own so source edits never reinstall them. The slim image has no compiler:
# a native dependency must ship prebuilt binaries.
FROM manifests AS production-dependencies
ARG SERVICE
ARG PORT
RUN if [ -z "${SERVICE}" ] || [ ! -f "services/${SERVICE}/package.json" ] || [ -z "${PORT}" ]; then \
      echo "Pass --build-arg SERVICE=<a service under services/> and --build-arg PORT=<its catalog port>" >&2; \
      exit 1; \
    fi
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --omit=dev --workspace "services/${SERVICE}" --no-audit --no-fund

# ---------------------------------------------------------------------------------------
# Compile the service and the workspaces it references. Install scripts are skipped: tsc
# needs none, and the dev tools that have them (swc, leveldb) need a toolchain slim lacks.
FROM manifests AS build
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.base.json ./
COPY services/catalog/ services/catalog/
COPY services/contracts/ services/contracts/
COPY services/kit/ services/kit/
# Libraries some services use; tsc -b compiles only those the service references.
COPY services/offline-writer/ services/offline-writer/
ARG SERVICE
ARG PORT
COPY services/${SERVICE}/ services/${SERVICE}/
RUN npx tsc -b "services/${SERVICE}"
# The catalog is the one source of ports; an image built for another port would be
# health-checked on the wrong one.
RUN node -e " \
      const { service } = require('./services/catalog/dist'); \
      const expected = String(service(process.env.SERVICE).port); \
      if (process.env.PORT !== expected) { \
        console.error('PORT is ' + process.env.PORT + ' but the catalog gives ' + process.env.SERVICE + ' port ' + expected); \
        process.exit(1); \
      }"
# The Debian packages the service needs besides Node, from the catalog (video: ffmpeg,
# espeak-ng and fonts with Vietnamese coverage), for the runtime stage to install; the same
# list tools/dev/media.sh installs on a developer's machine.
RUN node -e "console.log((require('./services/catalog/dist').service(process.env.SERVICE).systemPackages || []).join(' '))" \
      > /system-packages
# Gather exactly what runs: for the service, the libraries every service links (catalog,
# contracts, kit) and any other library it was compiled with, the manifest (for package
# resolution), the compiled code and the files read at run time (OpenAPI contracts,
# migrations); plus the production node_modules, including any npm nested in a workspace.
RUN --mount=type=bind,from=production-dependencies,source=/app,target=/dependencies \
    set -eu; \
    mkdir -p /runtime; \
    cp -a /dependencies/node_modules /runtime/; \
    libraries=$(for library in offline-writer; do if [ -d "services/${library}/dist" ]; then echo "${library}"; fi; done); \
    for package in catalog contracts kit ${libraries} "${SERVICE}"; do \
      for part in package.json dist openapi openapi.yaml migrations; do \
        if [ -e "services/${package}/${part}" ]; then cp -a --parents "services/${package}/${part}" /runtime/; fi; \
      done; \
      if [ -d "/dependencies/services/${package}/node_modules" ]; then \
        cp -a "/dependencies/services/${package}/node_modules" "/runtime/services/${package}/"; \
      fi; \
    done

# ---------------------------------------------------------------------------------------
FROM node:24-bookworm-slim AS runtime
# tini as PID 1 forwards SIGTERM to node (so the kit's graceful drain runs) and reaps
# zombies; the service's own packages from the catalog come with it (the layer is rebuilt only
# when that list changes). npm and corepack go: nothing installs at run time, and they only
# add CVEs to scan.
RUN --mount=type=bind,from=build,source=/system-packages,target=/tmp/system-packages \
    apt-get update \
    && apt-get install -y --no-install-recommends tini $(cat /tmp/system-packages) \
    && rm -rf /var/lib/apt/lists/* \
    && rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack \
              /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack
ENV NODE_ENV=production
ARG SERVICE
ARG PORT
LABEL org.opencontainers.image.title="what-if-${SERVICE}" \
      org.opencontainers.image.description="What If ${SERVICE} service"
# Owned by root and not writable by the service user, so a read-only root filesystem
# changes nothing; the service writes only to /tmp, and to /var/lib/what-if where a deployment
# mounts a volume there (compose's video files, shared by the API and its worker), which then
# belongs to the service user as this empty directory does.
COPY --from=build /runtime /app
RUN mkdir -p /var/lib/what-if && chown 1000:1000 /var/lib/what-if
WORKDIR /app/services/${SERVICE}
# The kit reads PORT; the catalog's default is the same value, compose and Kubernetes set it too.
ENV PORT=${PORT}
EXPOSE ${PORT}
# The node user of the official image, numeric so Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
# Liveness, not readiness: readiness fails while a store is down, and restarting the
# container would not bring the store back. Node's own fetch, because slim has no curl.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/health/live', { signal: AbortSignal.timeout(4000) }).then((response) => process.exit(response.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/main.js"]
