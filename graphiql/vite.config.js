import { defineConfig } from 'vite';

// Relative asset URLs: the gateway serves the page at /graphiql and /graphiql/, maybe behind a proxy's prefix.
export default defineConfig({
  base: './',
  esbuild: { jsx: 'automatic' },
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 8192,
    rollupOptions: {
      onwarn(warning, warn) {
        // framer-motion's "use client" directives mean nothing outside server components
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') {
          warn(warning);
        }
      },
    },
  },
});
