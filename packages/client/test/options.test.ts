import { describe, expect, it } from "vitest";
import { InvalidOptionsError, validateOptions } from "../src/options.js";

describe("validateOptions", () => {
  it("accepts the official option set", () => {
    const options = {
      api: { url: "/chatkit", fetch: globalThis.fetch, domainKey: "domain_pk_localhost_dev" },
      theme: { colorScheme: "dark", radius: "soft", color: { accent: { primary: "#0ea5e9" } } },
      header: { title: { text: "Support" }, rightAction: { icon: "light-mode", onClick() {} } },
      history: { enabled: true, showDelete: false },
      startScreen: { greeting: "Hi", prompts: [{ label: "Go", prompt: "Go" }] },
      composer: { placeholder: "Ask", attachments: { enabled: true, maxSize: 1024 } },
      threadItemActions: { feedback: true, retry: true },
      widgets: { onAction: async () => {} },
      onClientTool: () => ({}),
      locale: "fr-FR",
      initialThread: null,
    };
    expect(validateOptions(options)).toBe(options);
    expect(validateOptions({ api: { url: "/c" }, theme: "light" })).toBeTruthy();
  });

  it("lists every problem with its path, including unrecognized keys", () => {
    try {
      validateOptions({ api: {}, theme: "blue", uploadStrategy: {}, widgets: { onAction: 1 } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidOptionsError);
      const issues = (e as InvalidOptionsError).issues;
      expect(issues).toContainEqual({ path: "api.url", message: "required" });
      expect(issues).toContainEqual({ path: "", message: 'Unrecognized key: "uploadStrategy"' });
      expect(issues).toContainEqual({ path: "widgets.onAction", message: "expected a function" });
      expect(issues.some((i) => i.path === "theme")).toBe(true);
      expect((e as Error).message).toMatch(/^ChatKit\.setOptions\(\): ✖ required → at api\.url/);
    }
  });
});
