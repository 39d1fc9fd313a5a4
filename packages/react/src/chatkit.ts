import "@threadkit/client";
import type { ThreadkitChat } from "@threadkit/client";
import {
  createElement,
  type HTMLAttributes,
  type ReactElement,
  useLayoutEffect,
  useState,
} from "react";
import { EVENT_PROPS } from "./events.js";
import type { ChatKitControl } from "./use-chatkit.js";

/** Props of {@link ChatKit}: the control from `useChatKit` plus any HTML attributes. */
export interface ChatKitProps extends HTMLAttributes<HTMLElement> {
  control: ChatKitControl;
}

/**
 * Renders `<threadkit-chat>`, binds the control's `on*` handlers to its `chatkit.*` events and
 * calls `setOptions` whenever the control's options change (listeners are bound first, so
 * `onReady` is never missed).
 *
 * @example
 * ```tsx
 * const chat = useChatKit({ api: { url: "/chatkit" }, onReady: () => console.log("ready") });
 * return <ChatKit control={chat.control} className="chat" style={{ height: 600 }} />;
 * ```
 */
export function ChatKit({ control, ...attributes }: ChatKitProps): ReactElement {
  const [element, setElement] = useState<ThreadkitChat | null>(null);

  useLayoutEffect(() => {
    if (!element) return;
    control.setInstance(element);
    const abort = new AbortController();
    for (const [prop, name] of Object.entries(EVENT_PROPS)) {
      element.addEventListener(
        name,
        (event) => {
          const handler = control.handlers.current[prop as keyof typeof EVENT_PROPS] as
            | ((detail?: unknown) => void)
            | undefined;
          handler?.((event as CustomEvent).detail);
        },
        { signal: abort.signal },
      );
    }
    return () => {
      abort.abort();
      control.setInstance(null);
    };
  }, [element, control]);

  useLayoutEffect(() => {
    element?.setOptions(control.options);
  }, [element, control.options]);

  return createElement("threadkit-chat", { ...attributes, ref: setElement });
}
