import http from "node:http";

/** A signed-in HTTP client of the running app. */
export type Client = { url: string; token: string };

/*
 * node:http with a kept-alive connection, not fetch: undici's fetch costs about 1 ms per request more
 * on this machine (2.5 against 1.9–2.1 ms at the median for the same read, measured in one process),
 * which would be the client's cost, not the server's.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

function send(url: URL, method: string, headers: Record<string, string>, body: string | undefined) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

export async function call<T>(
  client: { url: string; token?: string },
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const url = new URL(`${client.url}/api/v1${path}`);
  const payload = body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
  const headers: Record<string, string> = {
    ...(payload === undefined ? {} : { "content-type": "application/json", "content-length": String(Buffer.byteLength(payload)) }),
    ...(client.token ? { authorization: `Bearer ${client.token}` } : {}),
  };
  let response: { status: number; text: string };
  try {
    response = await send(url, method, headers, payload);
  } catch {
    // A kept-alive connection the server closed while idle (long phases block the event loop);
    // sending again is safe for what the bench sends repeatedly: event batches are idempotent.
    response = await send(url, method, headers, payload);
  }
  if (response.status < 200 || response.status >= 300) {
    throw new Error(`${method} ${path} answered ${response.status}: ${response.text.slice(0, 300)}`);
  }
  return JSON.parse(response.text) as T;
}
