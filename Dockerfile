# Riktning's container image (docs/deploy.md). The build stage installs everything and runs
# scripts/build-image.mjs, which CI runs too (src/server/image.test.ts): it builds the web
# app and the server and puts the build, the command line and the production dependencies
# only into /app. The runtime stage is that directory on a slim Node, as a user without
# privileges; the server starts with plain node (not `npm start`, whose prestart would
# build, and needs Vite and esbuild).
#   docker build -t riktning .

FROM node:22-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN node scripts/build-image.mjs /app

FROM node:22-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    RIKTNING_DATA_DIR=/data
WORKDIR /app
COPY --from=build /app ./
# The embedded database, its backups and its lock live in /data; with DATABASE_URL
# (PostgreSQL) nothing is written there.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM (docker stop) closes the server, the job runner and the database cleanly.
CMD ["node", "dist/server/main.js"]
