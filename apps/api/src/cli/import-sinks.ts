import type { Kysely } from "kysely";
import type { Database } from "@retain/db";
import { ingestCustomers, ingestEvents, type Rejection } from "@retain/warehouse";
import type { ImportKind } from "./import-rows";
import type { Ingest } from "./import-run";

export class RemoteImportError extends Error {
  override name = "RemoteImportError";
}

/** The same functions the REST endpoints call; reassignments are audited as made by this import. */
export function directIngest(db: Kysely<Database>, kind: ImportKind, file: string): Ingest {
  if (kind === "customers") {
    const actor = { id: null, label: `import ${file}` };
    return async (batch) => {
      const { rejected, ...counts } = await ingestCustomers(db, batch, { actor });
      return { counts, rejected };
    };
  }
  return async (batch) => {
    const { rejected, ...counts } = await ingestEvents(db, batch);
    return { counts, rejected };
  };
}

type RemoteAnswer = { rejected?: Rejection[]; error?: { message?: string } } & Record<string, unknown>;

/** POSTs each batch to a running server's `/api/v1/customers` or `/api/v1/events`. */
export function httpIngest(baseUrl: string, token: string, kind: ImportKind): Ingest {
  const endpoint = `${baseUrl.replace(/\/+$/, "")}/api/v1/${kind}`;
  return async (batch) => {
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(endpoint, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({ [kind]: batch }),
        });
      } catch (error) {
        const cause =
          error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
        throw new RemoteImportError(`cannot reach ${endpoint}: ${cause}`);
      }
      const answer = (await response.json().catch(() => ({}))) as RemoteAnswer;
      // The server limits ingest requests per second; wait and send the same batch again.
      if (response.status === 429 && attempt < 10) {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        continue;
      }
      if (!response.ok) {
        throw new RemoteImportError(
          `${endpoint} answered ${response.status}: ${answer.error?.message ?? response.statusText}`,
        );
      }
      const { rejected = [], ...rest } = answer;
      const counts = Object.fromEntries(
        Object.entries(rest).filter((e): e is [string, number] => typeof e[1] === "number"),
      );
      return { counts, rejected };
    }
  };
}
