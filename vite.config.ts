import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The web app lives in src/web and is built to dist/web, which the server serves at `/`.
export default defineConfig({
  root: "src/web",
  plugins: [react()],
  build: { outDir: "../../dist/web", emptyOutDir: true, sourcemap: true },
  server: { port: 5173, proxy: { "/api": "http://localhost:3000", "/healthz": "http://localhost:3000" } },
});
