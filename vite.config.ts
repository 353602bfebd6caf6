import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app is built into dist/web and served by the Ganbu process itself (one process, one port).
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: { outDir: '../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
