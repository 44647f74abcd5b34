import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Builds the question-widget harness (test only); the output directory is given on the command line.
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [react()],
  logLevel: "warn",
  build: { emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
