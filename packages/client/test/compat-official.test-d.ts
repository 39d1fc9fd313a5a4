/**
 * Type-level compatibility with the official packages: code typed with `@openai/chatkit` 1.9.0 and
 * `@openai/chatkit-react` must compile against Threadkit's types under `strict`. Checked by
 * `npm run typecheck` (which builds the packages, then checks the root tsconfig: every
 * `packages/*\/test` file); vitest does not run it. It imports the packages by name, as users do.
 * Each `@ts-expect-error` line proves a check can fail: if the type it guards became too loose
 * (or `any`), tsc reports the unused directive.
 */
import type {
  CustomApiConfig,
  Attachment as OfficialAttachment,
  Command as OfficialCommand,
  CommandSelection as OfficialCommandSelection,
  UserMessageContent as OfficialContent,
  Entity as OfficialEntity,
  ChatKitOptions as OfficialOptions,
  OpenAIChatKit,
  Widgets,
} from "@openai/chatkit";
import type { UseChatKitOptions as OfficialUseChatKitOptions } from "@openai/chatkit-react";
import type {
  ChatKitOptions,
  Command,
  CommandSelection,
  SendUserMessageParams,
  SetComposerValueParams,
  ThreadkitChat,
} from "@threadkit/client";
import type { schemas, ThreadMetadata, UserMessageItem, WidgetRoot } from "@threadkit/core";
import type { UseChatKitOptions } from "@threadkit/react";
import { ChatKitServer } from "@threadkit/server";

/** `true` only when A and B are the same type (not merely assignable, and not `any`). */
type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(_: T) => {};

// A self-hosted configuration written against the official types, using every 1.9.0 key.
type OfficialSelfHosted = Omit<OfficialOptions, "api"> & { api: CustomApiConfig };
const official: OfficialSelfHosted = {
  api: {
    url: "/chatkit",
    domainKey: "domain_pk_localhost_dev",
    uploadStrategy: { type: "two_phase" },
  },
  locale: "ar",
  theme: {
    colorScheme: "dark",
    radius: "soft",
    density: "compact",
    typography: {
      baseSize: 15,
      fontFamily: "Inter",
      fontSources: [{ family: "Inter", src: "/inter.woff2", weight: 400, display: "swap" }],
    },
    color: { accent: { primary: "#0ea5e9", level: 1 }, grayscale: { hue: 220, tint: 6 } },
  },
  frameTitle: "Support",
  initialThread: null,
  onClientTool: async ({ name }) => ({ ok: name }),
  header: { title: { text: "Help" }, rightAction: { icon: "light-mode", onClick: () => {} } },
  history: { enabled: true, showDelete: false, showRename: true },
  startScreen: {
    greeting: "Hi",
    prompts: [
      { label: "Ask", prompt: "Hello", icon: "sparkle" },
      // An input_tag with only type, text and id, as the official types allow.
      { label: "Tag", prompt: [{ type: "input_tag", text: "Ada", id: "u_1" }] },
    ],
  },
  threadItemActions: { feedback: true, retry: true },
  composer: {
    placeholder: "Ask",
    attachments: { enabled: true, maxSize: { "image/*": 1e6, "*": 5e6 }, maxCount: 3 },
    tools: [
      {
        id: "search",
        label: "Search",
        icon: "search",
        shortLabel: "Web",
        placeholderOverride: "Search the web",
        pinned: true,
        persistent: true,
      },
    ],
    models: [
      { id: "fast", label: "Fast", disabled: true },
      { id: "deep", label: "Deep", default: true },
    ],
    dictation: { enabled: true },
  },
  disclaimer: { text: "AI can be wrong", highContrast: true },
  entities: {
    onTagSearch: async (query: string): Promise<OfficialEntity[]> => [{ id: "u_1", title: query }],
    showComposerMenu: true,
    onClick: (entity: OfficialEntity) => void entity.id,
    onRequestPreview: async (_entity: OfficialEntity) => ({ preview: null }),
  },
  commands: {
    enabled: true,
    onSearch: async (query: string): Promise<OfficialCommand[]> => [{ id: "c", label: query }],
    // biome-ignore lint/suspicious/noConfusingVoidType: the official signature
    onSelect: async (command: OfficialCommand): Promise<void | OfficialCommandSelection> =>
      command.id === "menu"
        ? { type: "menu", commands: [{ id: "sub", label: "Sub" }] }
        : { type: "entity", entity: { id: "e", title: "E" } },
  },
  widgets: {
    // The official signature: the item's widget typed with the official Widgets types.
    onAction: async (
      action: { type: string; payload?: Record<string, unknown> },
      widgetItem: { id: string; widget: Widgets.Card | Widgets.ListView | Widgets.BasicRoot },
    ) => {
      void action.type;
      void widgetItem.widget.type;
    },
  },
  thread: { autoScroll: true },
};
const ours: ChatKitOptions = official;
void ours;

// React: options plus handlers typed with the official bindings.
const officialHook: Omit<OfficialUseChatKitOptions, "api"> & { api: CustomApiConfig } = {
  ...official,
  onThreadChange: ({ threadId }) => void threadId,
  onHistoryOpen: () => {},
  onError: ({ error }) => void error.message,
};
const oursHook: UseChatKitOptions = officialHook;
void oursHook;

// Commands, entities and content typed the official way flow into ours and back.
declare const el: ThreadkitChat;
declare const officialContent: OfficialContent[];
declare const officialAttachments: OfficialAttachment[];
const send: SendUserMessageParams = {
  content: officialContent,
  attachments: officialAttachments,
  toolChoice: { id: "search" },
  model: "deep",
};
void el.sendUserMessage(send);
void el.sendUserMessage({ content: [{ type: "input_tag", text: "Ada", id: "u_1" }] });
const compose: SetComposerValueParams = {
  content: [{ type: "input_tag", text: "Ada", id: "u_1" }],
  selectedToolId: null,
  selectedModelId: "deep",
};
void el.setComposerValue(compose);
// Our element has the official element's methods, with the official signatures.
type Methods =
  | "focusComposer"
  | "setThreadId"
  | "sendCustomAction"
  | "sendUserMessage"
  | "setComposerValue"
  | "showHistory"
  | "hideHistory"
  | "fetchUpdates";
const methods: Pick<OpenAIChatKit, Methods> = el;
void methods;

// Callbacks are fully typed (no implicit any): parameters are exactly the documented types.
type OnSelect = NonNullable<NonNullable<ChatKitOptions["commands"]>["onSelect"]>;
assertType<Equals<Parameters<OnSelect>[0], Command>>(true);
// biome-ignore lint/suspicious/noConfusingVoidType: the official signature
assertType<Equals<Awaited<ReturnType<OnSelect>>, void | CommandSelection>>(true);
type OnTagSearch = NonNullable<NonNullable<ChatKitOptions["entities"]>["onTagSearch"]>;
assertType<Equals<Parameters<OnTagSearch>[0], string>>(true);
type OnAction = NonNullable<NonNullable<ChatKitOptions["widgets"]>["onAction"]>;
assertType<Equals<Parameters<OnAction>[1]["widget"], WidgetRoot>>(true);

// Official widget trees are valid Threadkit widgets.
declare const officialCard: Widgets.Card;
declare const officialList: Widgets.ListView;
declare const officialBasic: Widgets.BasicRoot;
const roots: WidgetRoot[] = [officialCard, officialList, officialBasic];
void roots;
const cell: schemas.TableCell = { type: "Table.Cell", vAlign: "center", align: "end" };
const select: schemas.Select = { type: "Select", name: "s", options: [], variant: "ghost" };
void [cell, select];

// The checks fail when a type is wrong.
// @ts-expect-error vAlign is start | center | end, as in the official types
const badCell: schemas.TableCell = { type: "Table.Cell", vAlign: "middle" };
// @ts-expect-error Input and Textarea take only soft | outline
const badInput: schemas.Input = { type: "Input", name: "i", variant: "ghost" };
// @ts-expect-error an unknown option key is refused, as the official element does at runtime
const badOptions: ChatKitOptions = { api: { url: "/c" }, unknownKey: true };
// @ts-expect-error a command needs a label
const badCommand: Command = { id: "c" };
void [badCell, badInput, badOptions, badCommand];

// Server: respond's last argument is optional to callers, like ChatKit's three-argument respond.
class EchoServer extends ChatKitServer<{ userId: string }> {
  async *respond(
    thread: ThreadMetadata,
    input: UserMessageItem | null,
    context: { userId: string },
  ) {
    void [thread, input, context];
  }
  async *again(thread: ThreadMetadata, context: { userId: string }) {
    yield* this.respond(thread, null, context);
  }
}
void EchoServer;
// …also through the base type, where the signature is the SDK's own.
declare const anyServer: ChatKitServer<{ userId: string }>;
declare const thread: ThreadMetadata;
void anyServer.respond(thread, null, { userId: "u" });
