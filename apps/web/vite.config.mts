import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The vault serves the built UI from dist/web, beside its own compiled code.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: {
    alias: { '@kluis/document-domain/browser': fileURLToPath(new URL('../../libs/document-domain/src/browser/index.ts', import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
});
