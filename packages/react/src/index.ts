/**
 * @threadkit/react — React bindings for `<threadkit-chat>`, shaped like `@openai/chatkit-react`:
 * `useChatKit(options)` returns the element's commands and a `control`, and `<ChatKit control>`
 * renders the element. Importing this package defines the element.
 *
 * @example
 * ```tsx
 * import { ChatKit, useChatKit } from "@threadkit/react";
 *
 * export function Chat() {
 *   const { control, sendUserMessage } = useChatKit({
 *     api: { url: "/chatkit" },
 *     onResponseEnd: () => console.log("done"),
 *   });
 *   return <ChatKit control={control} style={{ height: 600 }} />;
 * }
 * ```
 * @module
 */
export { ChatKit, type ChatKitProps } from "./chatkit.js";
export {
  type ChatKitEventHandlers,
  EVENT_PROPS,
  splitOptions,
  type UseChatKitOptions,
} from "./events.js";
export { stabilize, structureKey } from "./stable.js";
export { type ChatKitControl, type UseChatKitReturn, useChatKit } from "./use-chatkit.js";
