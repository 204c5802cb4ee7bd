import { Worker } from "node:worker_threads";
import type { Client } from "./http-client";

export type ClientTask =
  | { kind: "ingest"; client: Client; batches: number[]; sizes: number[]; customers: number; concurrency: number }
  | { kind: "reads"; client: Client; warmup: string[]; paths: string[]; keep: number };

export type ClientResult =
  | { kind: "ingest"; events: number; seconds: number; rejected: number; firstRejection: string | null }
  | { kind: "reads"; latencies: number[]; answers: unknown[] };

/** Runs `task` on the bench's client thread (client-worker.ts) and returns what it measured. */
export function inClientThread<K extends ClientTask["kind"]>(
  task: Extract<ClientTask, { kind: K }>,
): Promise<Extract<ClientResult, { kind: K }>> {
  // The client is TypeScript like the rest of the bench; its entry registers tsx in the thread.
  const worker = new Worker(new URL("./client-worker.mjs", import.meta.url), { workerData: task });
  return new Promise((resolve, reject) => {
    worker.once("message", (result: Extract<ClientResult, { kind: K }>) => resolve(result));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`the bench client thread ended with code ${code}`));
    });
  });
}
