import { describe, expect, it } from "vitest";
import { markdownText } from "../src/view.js";

describe("markdownText: what a reader sees of Markdown, for getByText", () => {
  it("drops emphasis, code, links, images, headings, quotes and list markers", () => {
    expect(markdownText("1. Made **progress** on [docs](https://x.y)")).toBe(
      "Made progress on docs",
    );
    expect(markdownText("# Title\n\n> quoted _word_ and `code`\n- item ~~old~~")).toBe(
      "Title quoted word and code item old",
    );
    expect(markdownText("![chart](a.png) snake_case stays")).toBe("chart snake_case stays");
  });
});
