/**
 * @threadkit/client — `<threadkit-chat>`, a ChatKit-compatible chat element (Lit, open shadow root),
 * plus the pieces it is built from: the protocol transport, the thread-state reducer, option
 * validation, theming and Markdown rendering.
 *
 * @example
 * ```ts
 * import "@threadkit/client";
 * const chat = document.createElement("threadkit-chat");
 * chat.setOptions({ api: { url: "/chatkit" } });
 * document.body.append(chat);
 * ```
 * @module
 */

export { acceptAttribute, type ComposerAttachment, maxSizeFor, uploadFile } from "./attachments.js";
export { ChatController, type ControllerHost } from "./controller.js";
export { ThreadkitChat } from "./element.js";
export { HistoryModel, type HistoryThread } from "./history.js";
export {
  createI18n,
  directionOf,
  type I18n,
  loadLocale,
  type MessageKey,
  type MessageOverrides,
  type Messages,
} from "./i18n/index.js";
export { builtInLocales } from "./i18n/locales.js";
export { renderMarkdown } from "./markdown.js";
export { InvalidOptionsError, validateOptions } from "./options.js";
export {
  dropAfter,
  type ErrorRow,
  emptyState,
  lastUserMessage,
  type Notice,
  pendingToolCall,
  reduce,
  stateFromThread,
  type ThreadState,
} from "./state.js";
export { type ResolvedTheme, resolveTheme, themeStyle } from "./theme.js";
export {
  ChatKitHttpError,
  readSSE,
  Transport,
  type TransportConfig,
  toStreamEvent,
} from "./transport.js";
export type * from "./types.js";
export type { WidgetHost } from "./widgets/host.js";
