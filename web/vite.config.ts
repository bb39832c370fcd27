import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// During `vite dev` the API runs beside it; the built page is served by the API itself at `/`.
const api = `http://127.0.0.1:${process.env.PORT ?? '4000'}`;

export default defineConfig({
  root,
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  server: { proxy: { '/graphql': api, '/export': api, '/healthz': api } },
});
