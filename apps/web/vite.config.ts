import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { initialLoad } from './tools/initial-load.ts';

const backend = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react(), initialLoad(500_000)],
  server: {
    proxy: {
      '/api': backend,
      '/ws': { target: backend, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Only mermaid's chunks, fetched when a diagram is first drawn, pass 500 kB (its elk layout
    // engine alone is 1.5 MB). The initial load is held to 500 kB per chunk by initialLoad above.
    chunkSizeWarningLimit: 1600,
  },
});
