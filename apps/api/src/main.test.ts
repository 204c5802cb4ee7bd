import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { mkdtempSync, chmodSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const apiDir = fileURLToPath(new URL("..", import.meta.url));
const tsx = fileURLToPath(new URL("../../../node_modules/.bin/tsx", import.meta.url));

function start(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, ["src/main.ts"], {
      cwd: apiDir,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", RETAIN_SEED: "none", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

function expectOneClearLine(result: { code: number | null; stderr: string }, pattern: RegExp) {
  expect(result.code).not.toBe(0);
  const lines = result.stderr.split("\n").filter((l) => l.trim() && !l.includes("nodedir"));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe("start-up with bad configuration", () => {
  it("names an unknown RETAIN_TIMEZONE", async () => {
    expectOneClearLine(await start({ RETAIN_TIMEZONE: "Mars/Olympus" }), /^retain: RETAIN_TIMEZONE \(got "Mars\/Olympus"\): is not a known IANA time zone/);
  });

  it("names an unreachable DATABASE_URL without its password", async () => {
    const result = await start({ DATABASE_URL: "postgres://u:secret@127.0.0.1:1/nowhere" });
    expectOneClearLine(result, /^retain: cannot connect to DATABASE_URL postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/nowhere/);
    expect(result.stderr).not.toContain("secret");
  });

  it("names an unwritable RETAIN_DATA_DIR", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "retain-")), "a-file");
    writeFileSync(file, "");
    chmodSync(file, 0o400);
    expectOneClearLine(await start({ RETAIN_DATA_DIR: join(file, "pglite") }), /^retain: RETAIN_DATA_DIR .* is not a writable directory/);
  });

  it("names a port that is already in use", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const address = blocker.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      const result = await start({ PORT: String(port), RETAIN_DATA_DIR: "memory://" });
      expectOneClearLine(result, new RegExp(`^retain: PORT ${port} is already in use`));
    } finally {
      blocker.close();
    }
  });

  it("names an invalid PORT", async () => {
    expectOneClearLine(await start({ PORT: "http" }), /^retain: PORT \(got "http"\)/);
  });
});
