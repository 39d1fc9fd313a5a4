// Regenerates the README's pictures of the todo app from a running app:
//   npm start   (in another terminal, or PORT=8124 npm start)
//   node examples/todo/scripts/screenshot.mjs [http://127.0.0.1:8000] [light|dark] [1280|390]
// writes examples/todo/screenshot[-390][-dark].png. Needs Chromium at /usr/bin/chromium
// (CHROMIUM_PATH overrides). Drives the app as a user would.
import { chromium } from "playwright-core";

const url = process.argv[2] ?? "http://127.0.0.1:8000";
const colorScheme = process.argv[3] === "dark" ? "dark" : "light";
const width = Number(process.argv[4] ?? 1280);
const phone = width < 600;
const out = new URL(
  `../screenshot${phone ? `-${width}` : ""}${colorScheme === "dark" ? "-dark" : ""}.png`,
  import.meta.url,
);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
const context = await browser.newContext({
  viewport: { width, height: phone ? 844 : 800 },
  deviceScaleFactor: 1,
  colorScheme,
});
const page = await context.newPage();
await page.goto(`${url}/`);
await page.waitForFunction(() => customElements.get("threadkit-chat"));

const ended = () =>
  page.evaluate(
    () =>
      new Promise((resolve) =>
        document
          .getElementById("chat")
          ?.addEventListener("chatkit.response.end", () => resolve(true), { once: true }),
      ),
  );
async function say(text) {
  const done = ended();
  const box = page.locator("threadkit-chat textarea").first();
  await box.fill(text);
  await box.press("Enter");
  await done;
}
async function click(locator) {
  const done = ended();
  await locator.click();
  await done;
}
const widget = () => page.locator('threadkit-chat [data-item-type="widget"]').last();

await say("add Buy oat milk");
await say("add Call the plumber about the kitchen sink");
await click(widget().getByRole("button", { name: "Add todo" }));
await widget().locator('input[name="todo.title"]').fill("Send the quarterly report");
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
await widget().locator('input[name="todo.due"]').fill(tomorrow);
await widget().locator('select[name="todo.priority"]').selectOption("high");
await click(widget().getByRole("button", { name: "Add", exact: true }));
await click(widget().getByRole("button", { name: "Done" }).first());
await page.waitForTimeout(600);
// Show the list from its header, with the replies below it.
await widget().evaluate((el) => el.scrollIntoView({ block: "start" }));
await page.mouse.wheel(0, -24);
await page.waitForTimeout(300);
await page.screenshot({ path: out.pathname });
await browser.close();
console.log(`wrote ${out.pathname}`);
