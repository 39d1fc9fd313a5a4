/**
 * Shared browser-test helpers (owner: CLIENT-SHELL; CLIENT-WIDGETS and TODO reuse them).
 *
 * API:
 * - `launchBrowser()` → playwright `Browser` (Debian `/usr/bin/chromium`, `--no-sandbox --disable-gpu
 *   --disable-background-networking`). Close it in `afterAll`.
 * - `newPage(browser, { width?, height?, colorScheme? })` → `{ page, context, errors, close }`;
 *   `errors` collects `console.error` texts and uncaught page errors (assert it stays `[]`).
 * - `screenshot(page, name)` → writes `/tmp/shots/<name>.png`.
 * - `startHarness({ mock?, chatkit?, files?, route? })` → `{ baseUrl, apiUrl, mock, log, close }`: a
 *   node:http server on 127.0.0.1 serving `/` (a blank page with `#app` that imports the bundle),
 *   `/threadkit.js` (packages/client/dist/threadkit.js, built by global-setup), `POST /chatkit`
 *   (the mock below, or a real handler such as SERVER-CORE's `createNodeHandler(server)` passed as
 *   `chatkit: (req, res, body) => ...`), `/upload/<id>` (two-phase attachment bytes) and `files`.
 * - `createMockChatKit({ respond?, action?, syncAction?, allowCancel? })` → an in-memory ChatKit
 *   protocol server. It emits `thread.created` / the user message / `stream_options` itself; your
 *   `respond(ctx)` / `action(ctx)` generators yield the rest (`ctx.thread`, `ctx.text`, `ctx.request`,
 *   `ctx.signal`, `ctx.mock`). `mock.requests` records every request (`type`, `params`, `headers`).
 *   Builders: `streamText(ctx, markdown, chunks)`, `makeItem(ctx, type, fields)`; `createGate()`
 *   holds a stream open until the test calls `gate.open()`.
 * - `mountChat(page, harness, { options?, script?, path?, waitReady? })` → creates
 *   `<threadkit-chat>` in `#app` (also `window.tk`), records every `chatkit.*` event in
 *   `window.__tkEvents`, calls `setOptions({ api: { url: harness.apiUrl }, ...options })` after running
 *   `script` (a function body with `el`, `options`, `window`: put callbacks there).
 * - `recordedEvents(page, name?)`, `waitForEvent(page, name, count?)`, `sendMessage(page, text)`.
 *
 * - `openWidgetChat(browser, { widget, action?, syncAction?, mount?, route?, page? })` → a chat whose
 *   first reply is `widget`, already rendered: `{ page, widget (locator), itemId, threadId, harness,
 *   errors, dispose }`; `replyWithWidget(widget)`, `requestsOf(harness, type)`, `focusedName(page)`.
 *
 * Locators pierce open shadow roots, so `page.locator("threadkit-chat [data-item-type=widget]")` works.
 *
 * @example
 * const browser = await launchBrowser();
 * const harness = await startHarness({ mock: createMockChatKit({ respond: (ctx) => streamText(ctx, "hi") }) });
 * const { page } = await newPage(browser);
 * await mountChat(page, harness);
 * await sendMessage(page, "hello");
 * await waitForEvent(page, "chatkit.response.end");
 */

export * from "./browser.js";
export * from "./harness.js";
export * from "./mock-chatkit.js";
export * from "./page.js";
export * from "./real-server.js";
export * from "./widget-chat.js";
