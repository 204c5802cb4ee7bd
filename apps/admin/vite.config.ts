import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const apiOrigin = "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      "/trpc": { target: apiOrigin, changeOrigin: false },
      "/api": { target: apiOrigin, changeOrigin: false },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate, long-cached chunks.
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            { name: "mantine", test: /node_modules[\\/](@mantine[\\/](core|hooks|dates)|@floating-ui|dayjs)[\\/]/ },
            { name: "charts", test: /node_modules[\\/](recharts|@mantine[\\/]charts|d3-.*|victory-vendor)[\\/]/ },
          ],
        },
      },
    },
  },
});
