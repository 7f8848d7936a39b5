# One image for the gateway, the six subgraphs and the migration job; the command picks which
# one runs (deploy/kubernetes, docker-compose.yml). Node handles SIGTERM itself (graceful drain).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
# Voikko's Finnish morphology for the directory's search (base forms, compound parts).
RUN apt-get update && apt-get install -y --no-install-recommends libvoikko1 voikko-fi \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/schema ./schema
# The example library GraphiQL opens as tabs (read at run time, like the supergraph).
COPY --from=build /app/gateway/examples ./gateway/examples
USER node
CMD ["node", "--enable-source-maps", "dist/gateway/main.js"]
