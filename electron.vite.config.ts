import { defineConfig } from 'electron-vite';

// electron-vite builds the Node side (main process and preload); the renderer has its own Vite
// config (renderer/vite.config.ts), shared with browser mode.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: { index: 'main/index.ts' },
        // Browser mode and the CLI print PDFs through playwright-core; the app uses Electron's
        // printToPDF, so the packaged app does not carry it.
        external: ['playwright-core'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: 'preload/index.ts' },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
});
