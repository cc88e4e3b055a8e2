// Builds the web app (src/web) into dist/web, which the server serves at /.
// `npm run dev` runs this dev server with hot reload, proxying /api to the API server.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    manifest: true,
    // The budget for a first page is checked by bench/bundle-size.ts, not by a warning.
    chunkSizeWarningLimit: 1024,
  },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? 3000}` },
  },
});
