import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { localeChunks } from './locale-chunks.ts';

// The renderer is served from file:// (Electron) and from browser mode's root, so every asset path
// is relative, and nothing is fetched from anywhere but the app itself.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react(), localeChunks()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    minify: true,
    sourcemap: false,
    target: 'es2022',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // Local chunks only (the app, then one chunk per language); nothing is downloaded.
    chunkSizeWarningLimit: 1024,
  },
  server: { fs: { allow: ['..'] } },
});
