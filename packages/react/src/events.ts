import type { ChatKitEventMap, ChatKitEventName, ChatKitOptions } from "@threadkit/client";

/**
 * The React prop for each `chatkit.*` DOM event, as the official bindings name them:
 * `chatkit.thread.load.start` → `onThreadLoadStart`.
 */
export const EVENT_PROPS = {
  onReady: "chatkit.ready",
  onError: "chatkit.error",
  onLog: "chatkit.log",
  onEffect: "chatkit.effect",
  onDeeplink: "chatkit.deeplink",
  onResponseStart: "chatkit.response.start",
  onResponseEnd: "chatkit.response.end",
  onThreadChange: "chatkit.thread.change",
  onThreadLoadStart: "chatkit.thread.load.start",
  onThreadLoadEnd: "chatkit.thread.load.end",
  onToolChange: "chatkit.tool.change",
  onHistoryOpen: "chatkit.history.open",
  onHistoryClose: "chatkit.history.close",
} as const satisfies Record<string, ChatKitEventName>;

type EventProps = typeof EVENT_PROPS;

/**
 * Event handler props: void events get `() => void`, the others `(detail) => void`.
 *
 * @example
 * ```ts
 * const handlers: ChatKitEventHandlers = { onThreadChange: ({ threadId }) => save(threadId) };
 * ```
 */
export type ChatKitEventHandlers = {
  [P in keyof EventProps]?: ChatKitEventMap[EventProps[P]] extends undefined
    ? () => void
    : (detail: ChatKitEventMap[EventProps[P]]) => void;
};

/**
 * What `useChatKit` takes: the element's options plus `on*` event handlers.
 *
 * @example
 * ```ts
 * const options: UseChatKitOptions = { api: { url: "/chatkit" }, onError: ({ error }) => console.error(error) };
 * ```
 */
export type UseChatKitOptions = ChatKitOptions & ChatKitEventHandlers;

/**
 * Splits hook options like the official bindings: every top-level key matching `/^on[A-Z]/`
 * except `onClientTool` is an event handler, the rest go to `setOptions`.
 *
 * @example
 * ```ts
 * splitOptions({ api: { url: "/c" }, onReady: () => {}, onClientTool: run });
 * // { options: { api: { url: "/c" }, onClientTool: run }, handlers: { onReady } }
 * ```
 */
export function splitOptions(input: UseChatKitOptions): {
  options: ChatKitOptions;
  handlers: ChatKitEventHandlers;
} {
  const options: Record<string, unknown> = {};
  const handlers: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (/^on[A-Z]/.test(key) && key !== "onClientTool") handlers[key] = value;
    else options[key] = value;
  }
  return { options: options as unknown as ChatKitOptions, handlers };
}
