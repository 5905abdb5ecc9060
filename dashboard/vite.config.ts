import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// `npm run dashboard:dev` proxies the API to a running bot (`npm start`), so the browser sees one origin.
const api = process.env.UTB_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  server: {
    port: 5173,
    // The app shares a few pure helpers and types with the server (src/core, the moderation pattern check).
    fs: { allow: ['.', '../src/core', '../src/modules/moderation'] },
    proxy: {
      '/api': { target: api, ws: true },
      '/docs': { target: api },
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 800 },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test.setup.ts'],
  },
});
