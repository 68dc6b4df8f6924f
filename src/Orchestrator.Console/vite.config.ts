import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// Built into the standalone host's static files, served at /console; every asset is bundled, nothing comes from a CDN.
export default defineConfig({
  base: "/console/",
  build: {
    outDir: fileURLToPath(new URL("../Orchestrator.Standalone/wwwroot/console", import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2048,
    reportCompressedSize: false,
  },
  server: {
    // `npm run dev` proxies the API to a runtime started by ./eng/run.sh.
    proxy: { "/api": "http://127.0.0.1:5080", "/runtime": "http://127.0.0.1:5080" },
  },
});
