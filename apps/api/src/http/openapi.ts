import { generateOpenApiDocument, type OpenApiRouter } from "trpc-to-openapi";

export function openApiDocument(router: OpenApiRouter, baseUrl: string) {
  return generateOpenApiDocument(router, {
    title: "Retain API",
    description:
      "Customer-retention KPI warehouse. Authenticate with `Authorization: Bearer <token>` from POST /auth/login or an API key. " +
      'Errors are {"error":{"code","message","details"?}}.',
    version: "1.0.0",
    baseUrl,
    securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
  });
}
