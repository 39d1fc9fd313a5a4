import type {
  ChatKitOptions,
  SendUserMessageParams,
  SetComposerValueParams,
  ThreadkitChat,
} from "@threadkit/client";
import { useCallback, useMemo, useRef } from "react";
import { type ChatKitEventHandlers, splitOptions, type UseChatKitOptions } from "./events.js";
import { stabilize, structureKey } from "./stable.js";

/**
 * What `<ChatKit control={...}>` needs: where to report its element, the memoised options and
 * the latest event handlers. Treat it as opaque: pass it from `useChatKit` to `<ChatKit>`.
 *
 * @example
 * ```tsx
 * const { control } = useChatKit({ api: { url: "/chatkit" } });
 * return <ChatKit control={control} />;
 * ```
 */
export interface ChatKitControl {
  /** Called by `<ChatKit>` with its element (and `null` on unmount). */
  setInstance(element: ThreadkitChat | null): void;
  /** Options for `setOptions`; a new object only when their data changed. */
  options: ChatKitOptions;
  /** The current `on*` handlers (read at event time, so they are always the latest). */
  handlers: { readonly current: ChatKitEventHandlers };
}

type Action = { type: string; payload?: Record<string, unknown> };

/**
 * What `useChatKit` returns: the control for `<ChatKit>`, a ref to the element, and the element's
 * commands. A command called while no element is mounted warns and returns `undefined`.
 *
 * @example
 * ```tsx
 * const chat = useChatKit({ api: { url: "/chatkit" } });
 * <button onClick={() => chat.sendUserMessage({ text: "Hello" })}>Say hello</button>;
 * ```
 */
export interface UseChatKitReturn {
  control: ChatKitControl;
  ref: { readonly current: ThreadkitChat | null };
  focusComposer(): Promise<void> | undefined;
  setThreadId(threadId: string | null): Promise<void> | undefined;
  sendUserMessage(params: SendUserMessageParams): Promise<void> | undefined;
  setComposerValue(params: SetComposerValueParams): Promise<void> | undefined;
  fetchUpdates(): Promise<void> | undefined;
  sendCustomAction(action: Action, itemId?: string): Promise<void> | undefined;
  /** Alias of `sendCustomAction` (the name the ChatKit actions guide uses). */
  sendAction(action: Action, itemId?: string): Promise<void> | undefined;
  showHistory(): Promise<void> | undefined;
  hideHistory(): Promise<void> | undefined;
}

/**
 * Creates the control for a `<ChatKit>` element from options plus `on*` event handlers (split
 * as the official bindings do: `/^on[A-Z]/` keys except `onClientTool` are handlers). Options are
 * compared deeply ignoring function identity, and callbacks always call the latest closure, so
 * passing inline functions does not re-configure the element on every render.
 *
 * @example
 * ```tsx
 * function Chat() {
 *   const chat = useChatKit({
 *     api: { url: "/chatkit" },
 *     widgets: { onAction: async (action, item) => chat.sendCustomAction(action, item.id) },
 *     onThreadChange: ({ threadId }) => localStorage.setItem("thread", threadId ?? ""),
 *   });
 *   return <ChatKit control={chat.control} style={{ height: 600 }} />;
 * }
 * ```
 */
export function useChatKit(input: UseChatKitOptions): UseChatKitReturn {
  const { options, handlers } = splitOptions(input);
  const latestOptions = useRef(options);
  latestOptions.current = options;
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;
  const ref = useRef<ThreadkitChat | null>(null);

  const key = structureKey(options);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the options' data.
  const stableOptions = useMemo(() => stabilize(options, () => latestOptions.current), [key]);
  const setInstance = useCallback((element: ThreadkitChat | null) => {
    ref.current = element;
  }, []);
  const control = useMemo<ChatKitControl>(
    () => ({ setInstance, options: stableOptions, handlers: handlersRef }),
    [setInstance, stableOptions],
  );

  return useMemo(() => {
    const call =
      <A extends unknown[]>(run: (el: ThreadkitChat, ...args: A) => Promise<void>) =>
      (...args: A): Promise<void> | undefined => {
        const el = ref.current;
        if (!el) {
          console.warn("ChatKit element is not mounted");
          return undefined;
        }
        return run(el, ...args);
      };
    const sendCustomAction = call((el, action: Action, itemId?: string) =>
      el.sendCustomAction(action, itemId),
    );
    return {
      control,
      ref,
      focusComposer: call((el) => el.focusComposer()),
      setThreadId: call((el, threadId: string | null) => el.setThreadId(threadId)),
      sendUserMessage: call((el, params: SendUserMessageParams) => el.sendUserMessage(params)),
      setComposerValue: call((el, params: SetComposerValueParams) => el.setComposerValue(params)),
      fetchUpdates: call((el) => el.fetchUpdates()),
      sendCustomAction,
      sendAction: sendCustomAction,
      showHistory: call((el) => el.showHistory()),
      hideHistory: call((el) => el.hideHistory()),
    };
  }, [control]);
}
