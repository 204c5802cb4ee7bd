import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { connect } from "@retain/db";

const apiDir = fileURLToPath(new URL("../..", import.meta.url));
const tsx = fileURLToPath(new URL("../../../../node_modules/.bin/tsx", import.meta.url));

type Run = { code: number | null; stdout: string; stderr: string };

const dir = mkdtempSync(join(tmpdir(), "retain-import-"));
const dataDir = join(dir, "pglite");

/** Runs the CLI as `npm run import` does: inside apps/api, with the user's directory in INIT_CWD. */
function runImport(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(tsx, ["src/cli/import.ts", ...args], {
      cwd: apiDir,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        INIT_CWD: dir,
        RETAIN_DATA_DIR: dataDir,
        ...env,
      },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

function figure(run: Run, label: string): number | undefined {
  const match = run.stdout.match(new RegExp(`^\\s+${label}\\s+([\\d,]+)$`, "m"));
  return match?.[1] === undefined ? undefined : Number(match[1].replaceAll(",", ""));
}

const write = (name: string, lines: string[]) => writeFileSync(join(dir, name), lines.join("\n") + "\n");

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run import", () => {
  it("imports customers.csv with quoted commas, keeping bad rows aside with their line and reasons", async () => {
    write("customers.csv", [
      "id,name,industry,region,ownership,size,tier,accountManager,referredBy,createdAt",
      'c-1,"Acme, Inc.",machinery,north,private,large,vip,,,2025-01-15',
      "c-2,Beta GmbH,,,,,,,,",
      "c-3,Broken,row,with,too,many,cells,,,,,",
      "c-4,Delta,,,,,platinum,,,",
      'c-5,"Gamma ""the third""",chemicals,,,medium,key,,,',
    ]);
    const run = await runImport(["customers.csv"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect([
      figure(run, "rows read"),
      figure(run, "created"),
      figure(run, "updated"),
      figure(run, "rejected"),
    ]).toEqual([5, 3, 0, 2]);
    const rejected = readFileSync(join(dir, "customers.csv.rejected.csv"), "utf8").trim().split("\n");
    expect(rejected[0]).toBe(
      "line,reasons,id,name,industry,region,ownership,size,tier,accountManager,referredBy,createdAt",
    );
    expect(rejected[1]).toBe(
      '4,"row: has 12 cells, the header has 10","c-3,Broken,row,with,too,many,cells,,,,,"',
    );
    expect(rejected[2]).toMatch(/^5,"tier: .*",c-4,Delta,,,,,platinum,,,$/);
    expect(rejected).toHaveLength(3);
  });

  it("imports events.csv: payload JSON, numbers for scale/score, exact amounts, duplicates and bad rows", async () => {
    write("events.csv", [
      "id,source,type,customerId,occurredAt,amount,department,accountManager,refId,dueAt,promisedAt,severity,channel,campaignId,scale,score,stage,hours,employee,payload",
      'e-1,,order,c-1,2026-01-05T09:30:00+01:00,1250.50,,,,,,,,,,,,,,"{""note"":""rush, please""}"',
      "e-2,,order,c-2,2026-01-06T10:00:00Z,10.125,,,,,,,,,,,,,,",
      "e-3,,survey,c-1,2026-01-07T10:00:00Z,,,,,,,,,,10,9,,,,",
      'e-1,,order,c-1,2026-01-05T09:30:00+01:00,1250.50,,,,,,,,,,,,,,"{""note"":""rush, please""}"',
      "e-4,,complaint,c-9,2026-01-08T10:00:00Z,,,,,,,high,,,,,,,,{not json",
      "e-5,,order,c-2,2026-01-09T10:00:00Z,0.1,,,,,,,,,,,,,,",
      "e-6,,training,,2026-01-10T08:00:00Z,,,,,,,,,,,,,7.5,trainer@example.com,",
      'e-7,,order,c-1,"2026-01-11T10:00:00Z,5,,,,,,,,,,,,,,',
    ]);
    const run = await runImport(["events.csv", "--source", "erp"]);
    expect(run.code).toBe(0);
    expect([
      figure(run, "rows read"),
      figure(run, "accepted"),
      figure(run, "duplicates"),
      figure(run, "rejected"),
    ]).toEqual([8, 4, 1, 3]);
    const rejected = readFileSync(join(dir, "events.csv.rejected.csv"), "utf8").trim().split("\n");
    expect(rejected.slice(1).map((l) => l.split(",")[0])).toEqual(["3", "6", "9"]);
    expect(rejected[1]).toContain("amount: has more than 2 decimals");
    expect(rejected[2]).toContain("payload: is not valid JSON");
    expect(rejected[3]).toMatch(/^9,row: a quoted cell is never closed,/);
  });

  it("imports events.ndjson and reports a line that is not JSON with its number", async () => {
    write("events.ndjson", [
      JSON.stringify({
        id: "n-1",
        type: "order",
        customerId: "c-5",
        occurredAt: "2026-02-01T12:00:00Z",
        amount: "42",
      }),
      "",
      '{"id": "n-2", "type": "praise", "customerId": "c-5", "occurredAt": ',
      JSON.stringify({ id: "n-3", type: "praise", customerId: "c-5", occurredAt: "2026-02-02T12:00:00" }),
      JSON.stringify({
        id: "n-4",
        source: "shop",
        type: "visit",
        customerId: "c-5",
        occurredAt: "2026-02-03T12:00:00Z",
      }),
    ]);
    const run = await runImport(["events.ndjson", "--source", "crm"]);
    expect(run.code).toBe(0);
    expect([
      figure(run, "rows read"),
      figure(run, "accepted"),
      figure(run, "duplicates"),
      figure(run, "rejected"),
    ]).toEqual([4, 2, 0, 2]);
    const rejected = readFileSync(join(dir, "events.ndjson.rejected.ndjson"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(rejected.map((r) => r.line)).toEqual([3, 4]);
    expect(rejected[0].raw).toContain('"n-2"');
    expect(rejected[0].errors[0].code).toBe("invalid_json");
    expect(rejected[1].row.id).toBe("n-3");
    expect(rejected[1].errors[0].field).toBe("occurredAt");
  });

  it("stored exactly what the API would store", async () => {
    const database = await connect({ dataDir });
    try {
      const customers = await database.db
        .selectFrom("customers")
        .select(["id", "name", "tier", "size", "incomplete"])
        .orderBy("id")
        .execute();
      expect(customers.filter((c) => !c.incomplete).map((c) => [c.id, c.name, c.tier, c.size])).toEqual([
        ["c-1", "Acme, Inc.", "vip", "large"],
        ["c-2", "Beta GmbH", "regular", "small"],
        ["c-5", 'Gamma "the third"', "key", "medium"],
      ]);
      const events = await database.db
        .selectFrom("events")
        .select(["source", "id", "type", "customer_id", "amount", "scale", "score", "hours", "payload"])
        .orderBy("id")
        .execute();
      expect(events.map((e) => `${e.source}/${e.id}`)).toEqual([
        "erp/e-1",
        "erp/e-3",
        "erp/e-5",
        "erp/e-6",
        "crm/n-1",
        "shop/n-4",
      ]);
      const byId = new Map(events.map((e) => [e.id, e]));
      expect(byId.get("e-1")).toMatchObject({ amount: "1250.50", payload: { note: "rush, please" } });
      expect(byId.get("e-3")).toMatchObject({ scale: 10, score: 9 });
      expect(byId.get("e-5")?.amount).toBe("0.10");
      expect(byId.get("e-6")).toMatchObject({ customer_id: "", hours: "7.50" });
      // The planner knows what the import wrote: the tables were analyzed (never analyzed: -1).
      const { rows: stats } = await sql<{ relname: string; reltuples: number }>`
        select relname, reltuples from pg_class where relname in ('events', 'customers') order by relname`.execute(
        database.db,
      );
      expect(stats).toEqual([
        { relname: "customers", reltuples: customers.length },
        { relname: "events", reltuples: events.length },
      ]);
    } finally {
      await database.close();
    }
  });

  it("is idempotent: a second run finds only duplicates", async () => {
    const run = await runImport(["events.csv", "--source", "erp"]);
    expect(run.code).toBe(0);
    expect([figure(run, "accepted"), figure(run, "duplicates"), figure(run, "rejected")]).toEqual([0, 5, 3]);
  });

  it("ends with one clear line and exit code 1 for a missing file, an unknown type or an unknown column", async () => {
    write("notes.txt", ["hello"]);
    write("bad-header-events.csv", ["id,type,colour", "x,order,red"]);
    const cases: [string[], RegExp][] = [
      [["missing-events.csv"], /^retain import: .*missing-events\.csv: no such file$/],
      [["notes.txt"], /^retain import: notes\.txt: unknown file type/],
      [["bad-header-events.csv"], /^retain import: unknown column "colour" in the header/],
      [[], /^retain import: usage: npm run import -- FILE/],
    ];
    for (const [args, pattern] of cases) {
      const run = await runImport(args);
      expect(run.code).toBe(1);
      const lines = run.stderr.split("\n").filter((l) => l.trim() !== "");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(pattern);
    }
    expect(existsSync(join(dir, "bad-header-events.csv.rejected.csv"))).toBe(false);
  });
});
