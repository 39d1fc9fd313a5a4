import type { ChatKitEventMap } from "@threadkit/client";
import { describe, expect, it } from "vitest";
import { EVENT_PROPS, splitOptions } from "../src/events.js";
import { stabilize, structureKey } from "../src/stable.js";

describe("splitOptions", () => {
  it("sends /^on[A-Z]/ keys except onClientTool to handlers, the rest to setOptions", () => {
    const onReady = () => {};
    const onClientTool = () => ({});
    const onAction = async () => {};
    const { options, handlers } = splitOptions({
      api: { url: "/c" },
      onReady,
      onClientTool,
      widgets: { onAction },
    });
    expect(options).toEqual({ api: { url: "/c" }, onClientTool, widgets: { onAction } });
    expect(handlers).toEqual({ onReady });
  });

  it("has a prop for every chatkit.* event, named as the official bindings do", () => {
    const all: (keyof ChatKitEventMap)[] = [
      "chatkit.ready",
      "chatkit.error",
      "chatkit.log",
      "chatkit.effect",
      "chatkit.deeplink",
      "chatkit.response.start",
      "chatkit.response.end",
      "chatkit.thread.change",
      "chatkit.thread.load.start",
      "chatkit.thread.load.end",
      "chatkit.tool.change",
      "chatkit.history.open",
      "chatkit.history.close",
    ];
    expect(Object.values(EVENT_PROPS).sort()).toEqual([...all].sort());
    for (const [prop, event] of Object.entries(EVENT_PROPS)) {
      const camel = event
        .replace(/^chatkit\./, "")
        .split(".")
        .map((w) => w[0]!.toUpperCase() + w.slice(1))
        .join("");
      expect(prop).toBe(`on${camel}`);
    }
  });
});

describe("structureKey and stabilize", () => {
  it("ignores function identity but sees every data change", () => {
    const a = structureKey({ api: { url: "/c", fetch: () => 1 }, list: [1, { x: undefined }] });
    expect(structureKey({ api: { url: "/c", fetch: () => 2 }, list: [1, { x: undefined }] })).toBe(
      a,
    );
    expect(
      structureKey({ api: { url: "/d", fetch: () => 2 }, list: [1, { x: undefined }] }),
    ).not.toBe(a);
    expect(structureKey({ api: { url: "/c" }, list: [1, { x: undefined }] })).not.toBe(a);
    expect(structureKey({ api: { url: "/c", fetch: () => 2 }, list: [1, {}] })).not.toBe(a);
  });

  it("wraps every nested function so it calls the latest one", () => {
    let latest = { widgets: { onAction: (n: number) => n + 1 }, prompts: [{ run: () => "a" }] };
    const stable = stabilize(latest, () => latest);
    expect(stable).not.toBe(latest);
    latest = { widgets: { onAction: (n: number) => n * 10 }, prompts: [{ run: () => "b" }] };
    expect(stable.widgets.onAction(2)).toBe(20);
    expect(stable.prompts[0]!.run()).toBe("b");
  });
});
