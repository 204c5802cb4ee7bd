import { describe, expect, it } from "vitest";
import { authChanged, CallerCache } from "./caller-cache";

const options = { ttlMs: 1_000, maxEntries: 3 };

/** A look-up that counts its calls and answers `value` until `until`. */
function loader(value: string | undefined, until = Number.POSITIVE_INFINITY) {
  const counter = { calls: 0 };
  const load = async () => {
    counter.calls++;
    return value === undefined ? undefined : { value, until };
  };
  return { counter, load };
}

function liveCache() {
  const cache = new CallerCache<string>(options);
  cache.setLive(true);
  return cache;
}

describe("CallerCache", () => {
  it("looks a token up once and then answers from memory", async () => {
    const cache = liveCache();
    const { counter, load } = loader("ann");
    expect(await cache.get("h1", load)).toBe("ann");
    expect(await cache.get("h1", load)).toBe("ann");
    expect(counter.calls).toBe(1);
  });

  it("never remembers an unknown token", async () => {
    const cache = liveCache();
    const { counter, load } = loader(undefined);
    expect(await cache.get("nobody", load)).toBeUndefined();
    expect(await cache.get("nobody", load)).toBeUndefined();
    expect(counter.calls).toBe(2);
    expect(cache.size).toBe(0);
  });

  it("forgets everything when users, sessions or keys change", async () => {
    const cache = liveCache();
    const { counter, load } = loader("ann");
    await cache.get("h1", load);
    authChanged();
    await cache.get("h1", load);
    expect(counter.calls).toBe(2);
  });

  it("does not keep an answer whose look-up raced with a change", async () => {
    const cache = liveCache();
    let calls = 0;
    const racing = async () => {
      calls++;
      // The change commits while this look-up is on its way: its answer may predate the change.
      if (calls === 1) authChanged();
      return { value: "ann", until: Number.POSITIVE_INFINITY };
    };
    await cache.get("h1", racing);
    await cache.get("h1", racing);
    expect(calls).toBe(2);
    await cache.get("h1", racing);
    expect(calls).toBe(2);
  });

  it("serves and keeps nothing while the change feed is down", async () => {
    const cache = liveCache();
    const { counter, load } = loader("ann");
    await cache.get("h1", load);
    cache.setLive(false);
    expect(cache.size).toBe(0);
    await cache.get("h1", load);
    await cache.get("h1", load);
    expect(counter.calls).toBe(3);
    cache.setLive(true);
    await cache.get("h1", load);
    await cache.get("h1", load);
    expect(counter.calls).toBe(4);
  });

  it("ends an entry at the session's expiry, and after the time limit at the latest", async () => {
    const cache = liveCache();
    let now = 10_000;
    const clock = () => now;
    const session = loader("ann", 10_500);
    await cache.get("session", session.load, clock);
    now = 10_499;
    await cache.get("session", session.load, clock);
    expect(session.counter.calls).toBe(1);
    now = 10_500;
    await cache.get("session", session.load, clock);
    expect(session.counter.calls).toBe(2);

    const key = loader("key");
    now = 20_000;
    await cache.get("key", key.load, clock);
    now = 20_999;
    await cache.get("key", key.load, clock);
    expect(key.counter.calls).toBe(1);
    now = 21_000;
    await cache.get("key", key.load, clock);
    expect(key.counter.calls).toBe(2);
  });

  it("holds at most maxEntries, pushing out the oldest", async () => {
    const cache = liveCache();
    const loads = ["a", "b", "c", "d"].map((name) => ({ name, ...loader(name) }));
    for (const { name, load } of loads) await cache.get(name, load);
    expect(cache.size).toBe(3);
    // "a" was pushed out; the three newest are still remembered.
    for (const { name, load } of loads.slice(1)) await cache.get(name, load);
    expect(loads.map((l) => l.counter.calls)).toEqual([1, 1, 1, 1]);
    await cache.get("a", loads[0]!.load);
    expect(loads[0]!.counter.calls).toBe(2);
  });
});
