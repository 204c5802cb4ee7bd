import http from "node:http";

/** A signed-in HTTP client of the running app. */
export type Client = { url: string; token: string };

/*
 * node:http with a kept-alive connection, not fetch: undici's fetch costs about 1 ms per request more
 * on this machine (2.5 against 1.9–2.1 ms at the median for the same read, measured in one process),
 * which would be the client's cost, not the server's.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

type Sent = { status: number; text: string };

/** Sends one request; `flushed` settles once the whole request is handed to the OS. */
function send(url: URL, method: string, headers: Record<string, string>, body: string | undefined) {
  let flushed!: Promise<void>;
  const response = new Promise<Sent>((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    flushed = new Promise((done) => {
      req.once("finish", () => done());
      req.once("close", () => done());
    });
    req.on("error", reject);
    req.end(body);
  });
  return { flushed, response };
}

/**
 * A request of the app's API, answered as JSON. `flushed` settles once the request is sent, so a
 * client can prepare its next request while the server works on this one.
 */
export function request<T>(
  client: { url: string; token?: string },
  method: string,
  path: string,
  body?: unknown,
): { flushed: Promise<void>; answer: Promise<T> } {
  const url = new URL(`${client.url}/api/v1${path}`);
  const payload = body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
  const headers: Record<string, string> = {
    ...(payload === undefined ? {} : { "content-type": "application/json", "content-length": String(Buffer.byteLength(payload)) }),
    ...(client.token ? { authorization: `Bearer ${client.token}` } : {}),
  };
  const first = send(url, method, headers, payload);
  const answer = (async () => {
    let response: Sent;
    try {
      response = await first.response;
    } catch {
      // A kept-alive connection the server closed while idle (long phases block the event loop);
      // sending again is safe for what the bench sends repeatedly: event batches are idempotent.
      response = await send(url, method, headers, payload).response;
    }
    if (response.status < 200 || response.status >= 300) {
      throw new Error(`${method} ${path} answered ${response.status}: ${response.text.slice(0, 300)}`);
    }
    return JSON.parse(response.text) as T;
  })();
  return { flushed: first.flushed, answer };
}

export function call<T>(client: { url: string; token?: string }, method: string, path: string, body?: unknown): Promise<T> {
  return request<T>(client, method, path, body).answer;
}
