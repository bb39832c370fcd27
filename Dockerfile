# The graafwerk API: serves GraphQL and the explorer, loading the demo data into an empty graph on start.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:web && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build --chown=node:node /app /app
EXPOSE 4000
USER node
CMD ["node", "bin/graafwerk.js", "start"]
