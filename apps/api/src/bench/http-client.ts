/** A signed-in HTTP client of the running app. */
export type Client = { url: string; token: string };

export async function call<T>(
  client: { url: string; token?: string },
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const request = () =>
    fetch(`${client.url}/api/v1${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(client.token ? { authorization: `Bearer ${client.token}` } : {}),
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
  let response: Response;
  try {
    response = await request();
  } catch {
    // A kept-alive connection the server closed while idle (long phases block the event loop);
    // sending again is safe for what the bench sends repeatedly: event batches are idempotent.
    response = await request();
  }
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}
