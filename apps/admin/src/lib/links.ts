// Pages the server serves outside the admin.
/** The interactive reference of the REST API, drawn from its OpenAPI document (/api/v1/openapi.json). */
export const API_REFERENCE = "/api/v1/docs";
