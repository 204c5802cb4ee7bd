import { createRequire } from "node:module";
import { dirname } from "node:path";
import type { FastifyInstance } from "fastify";
import fastifyStatic from "@fastify/static";

/*
 * The interactive API reference at /api/v1/docs: Swagger UI reading /api/v1/openapi.json. Every
 * asset is served from the swagger-ui-dist package (no CDN, works offline), and the page has no
 * inline script, so it runs under the server's Content-Security-Policy (script-src 'self').
 */

const ASSETS = new Set([
  "/swagger-ui.css",
  "/swagger-ui-bundle.js",
  "/favicon-32x32.png",
  "/favicon-16x16.png",
]);
const assetsDir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));

const page = (prefix: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Retain API reference</title>
    <link rel="icon" type="image/png" href="${prefix}/docs/assets/favicon-32x32.png" sizes="32x32" />
    <link rel="stylesheet" href="${prefix}/docs/assets/swagger-ui.css" />
  </head>
  <body>
    <main id="swagger-ui" aria-label="Retain API reference"></main>
    <script src="${prefix}/docs/assets/swagger-ui-bundle.js"></script>
    <script src="${prefix}/docs/init.js"></script>
  </body>
</html>
`;

const init = (prefix: string) => `window.ui = SwaggerUIBundle({
  url: ${JSON.stringify(`${prefix}/openapi.json`)},
  dom_id: "#swagger-ui",
  deepLinking: true,
  // No call to the online validator: the reference works without the internet.
  validatorUrl: null,
  persistAuthorization: false,
});
`;

export async function registerApiReference(app: FastifyInstance, prefix: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: assetsDir,
    prefix: `${prefix}/docs/assets/`,
    decorateReply: false,
    index: false,
    allowedPath: (pathName) => ASSETS.has(pathName),
  });
  const html = page(prefix);
  const script = init(prefix);
  app.get(`${prefix}/docs`, async (_req, reply) => reply.type("text/html; charset=utf-8").send(html));
  app.get(`${prefix}/docs/init.js`, async (_req, reply) =>
    reply.type("text/javascript; charset=utf-8").send(script),
  );
}
