import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { RateLimiterMemory } from "rate-limiter-flexible";
import {
  AUTH_CHANGES_CHANNEL,
  authChanged,
  CallerCache,
  createLoginThrottle,
  ensureAdmin,
  type EnsuredAdmin,
} from "@retain/access";
import { connect, migrateToLatest, type ApiKey, type DatabaseHandle, type Listener, type User } from "@retain/db";
import { ensureDepartments } from "./bootstrap/departments";
import { seedDemo, type SeedSummary } from "./bootstrap/seed-demo";
import { buildServer } from "./server";
import { initialiseSettings, readSettings, type OrgSettings } from "./settings";
import { keepStatistics, serverKeepsStatistics, type StatisticsKeeper } from "./statistics";

export type StartOptions = {
  /** An already connected database (tests); the app then leaves closing it to the caller. */
  database?: DatabaseHandle;
  port?: number;
  host?: string;
  databaseUrl?: string;
  dataDir?: string;
  seed?: "demo" | "none";
  /** Multiplies the demo's size; 1 is the full demo. */
  demoScale?: number;
  adminEmail?: string;
  adminPassword?: string;
  timeZone?: string;
  adminDist?: string;
  logLevel?: string;
  onProgress?: (message: string) => void;
  /** Ingest requests a second per API key or user; more get 429. */
  ingestRatePerSecond?: number;
  /** PGlite: how long ingest must be quiet before the ingested tables are analyzed (default 5 s). */
  statisticsQuietMs?: number;
};

export type RunningApp = {
  url: string;
  app: FastifyInstance;
  database: DatabaseHandle;
  admin: EnsuredAdmin;
  seeded: SeedSummary | null;
  close: () => Promise<void>;
};

/**
 * Remembered callers: changes reach every process through the change feed at once, so the time limit
 * is only a backstop; the size bounds memory (an entry is a user or key row, well under 1 KB).
 */
const CALLERS = { ttlMs: 60_000, maxEntries: 10_000 };

export const defaultAdminDist = fileURLToPath(new URL("../../admin/dist", import.meta.url));

/** Connects, migrates, bootstraps an empty database (departments, settings, admin, demo) and listens. */
export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  const owned = !options.database;
  const database =
    options.database ?? (await connect({ databaseUrl: options.databaseUrl, dataDir: options.dataDir ?? "memory://" }));
  const closeDatabase = () => (owned ? database.close() : Promise.resolve());
  let listener: Listener | undefined;
  let statistics: StatisticsKeeper = serverKeepsStatistics;
  try {
    const { db } = database;
    await migrateToLatest(db);
    await ensureDepartments(db);
    await initialiseSettings(db, { timeZone: options.timeZone ?? "UTC" });
    const admin = await ensureAdmin(db, {
      email: options.adminEmail ?? "admin@example.com",
      password: options.adminPassword,
      generatePassword: () => randomBytes(12).toString("base64url"),
    });
    const seeded =
      (options.seed ?? "demo") === "demo"
        ? await seedDemo(db, { scale: options.demoScale ?? 1, onProgress: options.onProgress })
        : null;

    let cached: { at: number; value: OrgSettings } | undefined;
    const settings = async () => {
      // Settings change rarely; a short cache keeps them off every request's path.
      if (!cached || Date.now() - cached.at > 5_000) cached = { at: Date.now(), value: await readSettings(db) };
      return cached.value;
    };
    // Remembered callers are served only while the database's change feed is connected.
    const callers = { sessions: new CallerCache<User>(CALLERS), apiKeys: new CallerCache<ApiKey>(CALLERS) };
    listener = await database.listen(AUTH_CHANGES_CHANNEL, {
      onMessage: authChanged,
      onLive: (live) => {
        if (live) authChanged(); // whatever changed while it was away
        callers.sessions.setLive(live);
        callers.apiKeys.setLive(live);
      },
    });
    let logWarning = (_error: unknown) => undefined as void;
    if (database.kind === "pglite") {
      statistics = keepStatistics(db, { quietMs: options.statisticsQuietMs, onError: (error) => logWarning(error) });
    }
    const app = await buildServer({
      services: {
        db,
        callers,
        loginThrottle: createLoginThrottle(),
        settings,
        invalidateSettings: () => {
          cached = undefined;
        },
        ingestLimiter: new RateLimiterMemory({ points: options.ingestRatePerSecond ?? 50, duration: 1, keyPrefix: "ingest" }),
        statistics,
      },
      adminDist: options.adminDist ?? defaultAdminDist,
      logLevel: options.logLevel,
    });
    logWarning = (error) => app.log.warn({ err: error }, "analyze after ingest failed");
    await app.listen({ port: options.port ?? 3000, host: options.host ?? "127.0.0.1" });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : options.port;
    const host = options.host ?? "127.0.0.1";
    return {
      url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
      app,
      database,
      admin,
      seeded,
      close: async () => {
        await app.close();
        await statistics.close();
        await listener?.close();
        await closeDatabase();
      },
    };
  } catch (error) {
    await statistics.close();
    await listener?.close();
    await closeDatabase().catch(() => undefined);
    throw error;
  }
}
