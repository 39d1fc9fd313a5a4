import { describe, expect, it } from "vitest";
import { isSafeHref } from "../src/markdown.js";

describe("isSafeHref", () => {
  it("allows web, mail and phone links, anchors and relative paths", () => {
    for (const url of [
      "https://example.com/a?b#c",
      "http://x",
      "mailto:a@b.c",
      "tel:+1",
      "#top",
      "/docs",
      "./a",
      "../b",
      "page.html",
    ]) {
      expect(isSafeHref(url), url).toBe(true);
    }
  });

  it("refuses script and data schemes, however they are disguised", () => {
    for (const url of [
      "javascript:alert(1)",
      " JavaScript:alert(1)",
      "java\tscript:alert(1)",
      "java\nscript:alert(1)",
      "\u0001javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox",
    ]) {
      expect(isSafeHref(url), JSON.stringify(url)).toBe(false);
    }
  });
});
