import { describe, expect, it, vi } from "vitest";
import { generateId, ID_HEX_LENGTH, ID_PREFIXES, isSafeId, randomHex } from "../src/store/ids.js";
import { cutPage, pageLimit, timeKey } from "../src/store/order.js";
import { SQLiteStore } from "../src/store/sqlite.js";
import { makeThread } from "../src/testing/index.js";

describe("ids", () => {
  it("uses ChatKit's prefixes and random lowercase hex", () => {
    expect(ID_PREFIXES).toEqual({
      thread: "thr",
      message: "msg",
      tool_call: "tc",
      task: "tsk",
      workflow: "wf",
      attachment: "atc",
      sdk_hidden_context: "shcx",
    });
    expect(generateId("thread")).toMatch(new RegExp(`^thr_[0-9a-f]{${ID_HEX_LENGTH}}$`));
    expect(generateId("sdk_hidden_context")).toMatch(/^shcx_[0-9a-f]+$/);
    expect(randomHex(8)).toMatch(/^[0-9a-f]{8}$/);
    expect(randomHex(5)).toHaveLength(5);
  });

  it("draws from crypto.getRandomValues, never Math.random", () => {
    const random = vi.spyOn(Math, "random");
    const crypto = vi.spyOn(globalThis.crypto, "getRandomValues");
    const ids = new Set(Array.from({ length: 10_000 }, () => generateId("message")));
    expect(ids.size).toBe(10_000);
    expect(random).not.toHaveBeenCalled();
    expect(crypto).toHaveBeenCalled();
    random.mockRestore();
    crypto.mockRestore();
  });

  it("lets store subclasses override id generation", () => {
    let counter = 0;
    class CustomIds extends SQLiteStore {
      override generateThreadId(_context: unknown): string {
        return `thr_custom_${++counter}`;
      }
    }
    const store = new CustomIds({ path: ":memory:" });
    expect(store.generateThreadId(undefined)).toBe("thr_custom_1");
    expect(store.generateItemId("task", makeThread("thr_custom_1"), undefined)).toMatch(/^tsk_/);
    store.close();
  });

  it("accepts only path-safe ids", () => {
    expect(isSafeId("atc_0123abcd")).toBe(true);
    expect(isSafeId("A-b_9")).toBe(true);
    for (const bad of ["", "../x", "a/b", "a.b", "a b", "a%2e", "a\0", "x".repeat(129), 5, null]) {
      expect(isSafeId(bad)).toBe(false);
    }
  });
});

describe("order helpers", () => {
  it("turns ChatKit timestamps into microsecond keys", () => {
    expect(timeKey("1970-01-01T00:00:01.000002")).toBe(1_000_002);
    expect(timeKey("1970-01-01T00:00:01.0000029")).toBe(1_000_002);
    expect(timeKey("1970-01-01T01:00:00+01:00")).toBe(0);
    expect(timeKey("1970-01-01T00:00:00-0130")).toBe(5_400_000_000);
    expect(timeKey("1970-01-01T00:00:00.5Z")).toBe(500_000);
    expect(timeKey(new Date(3))).toBe(3000);
    expect(timeKey(7)).toBe(7000);
    expect(timeKey("not a date")).toBe(0);
    expect(timeKey(undefined)).toBe(0);
    expect(timeKey("2026-11-24T03:04:14.315767")).toBeLessThan(
      timeKey("2026-11-24T03:04:14.315768"),
    );
  });

  it("normalizes limits and cuts pages", () => {
    expect(pageLimit(3.7)).toBe(3);
    expect(pageLimit(0)).toBe(20);
    expect(pageLimit(Number.NaN)).toBe(20);
    expect(cutPage([{ id: "a" }, { id: "b" }], 2)).toEqual({
      data: [{ id: "a" }, { id: "b" }],
      has_more: false,
    });
    expect(cutPage([{ id: "a" }, { id: "b" }, { id: "c" }], 2)).toEqual({
      data: [{ id: "a" }, { id: "b" }],
      has_more: true,
      after: "b",
    });
  });
});
