# The app in one image: the offline interviewer works without any model or key.
FROM node:20-bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN npx -y pnpm@10 install --frozen-lockfile && node scripts/build.mjs --server
ENV HOST=0.0.0.0 PORT=3000 MLSD_DATA_DIR=/data
VOLUME /data
EXPOSE 3000
CMD ["node", "scripts/start.mjs"]
