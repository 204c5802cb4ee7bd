import { parentPort, workerData } from "node:worker_threads";
import type { ClientResult, ClientTask } from "./client-thread";
import { eventBatch, timelineSpan } from "./generate";
import { call, request } from "./http-client";

/*
 * The bench's HTTP client, on a thread of its own: generating and serialising batches, and parsing
 * answers, is a client's work and must not share the server's event loop (a real client runs on
 * another machine).
 */

type IngestAnswer = { rejected: { errors: { message: string }[] }[] };

async function ingest(task: Extract<ClientTask, { kind: "ingest" }>): Promise<ClientResult> {
  let rejected = 0;
  let firstRejection: string | null = null;
  let next = 0;
  let events = 0;
  const body = (k: number) =>
    JSON.stringify({
      events: eventBatch(k, task.sizes[k] ?? 0, task.customers, "e", timelineSpan(k, task.sizes.length)),
    });
  const started = performance.now();
  // Each sender prepares its next batch while the server works on the one it sent, as an importer
  // reading ahead does; the server then never waits for the client's JSON.stringify (about 30 ms per
  // 5,000 events), which is client work a real client does on another machine.
  const sender = async () => {
    let k = task.batches[next++];
    let payload = k === undefined ? undefined : body(k);
    while (k !== undefined && payload !== undefined) {
      const sent = request<IngestAnswer>(task.client, "POST", "/events", payload);
      await sent.flushed;
      const following = task.batches[next++];
      const prepared = following === undefined ? undefined : body(following);
      const answer = await sent.answer;
      rejected += answer.rejected.length;
      firstRejection ??= answer.rejected[0]?.errors[0]?.message ?? null;
      events += task.sizes[k] ?? 0;
      k = following;
      payload = prepared;
    }
  };
  await Promise.all(Array.from({ length: task.concurrency }, sender));
  return { kind: "ingest", events, seconds: (performance.now() - started) / 1000, rejected, firstRejection };
}

async function reads(task: Extract<ClientTask, { kind: "reads" }>): Promise<ClientResult> {
  for (const path of task.warmup) await call(task.client, "GET", path);
  const latencies: number[] = [];
  const answers: unknown[] = [];
  for (const [i, path] of task.paths.entries()) {
    const started = performance.now();
    const answer = await call(task.client, "GET", path);
    latencies.push(performance.now() - started);
    if (i < task.keep) answers.push(answer);
  }
  return { kind: "reads", latencies, answers };
}

const task = workerData as ClientTask;
const result = await (task.kind === "ingest" ? ingest(task) : reads(task));
parentPort?.postMessage(result);
