import type { Attachment, BasicRoot, UserMessageContentInput, WidgetRoot } from "@threadkit/core";
import type { MessageOverrides } from "./i18n/index.js";

/** `"light"` or `"dark"`. */
export type ColorScheme = "light" | "dark";

/** Corner style of controls and bubbles (default `"pill"`). */
export type Radius = "pill" | "round" | "soft" | "sharp";

/** Spacing scale (default `"normal"`). */
export type Density = "compact" | "normal" | "spacious";

/**
 * The official `ThemeOption`: colours, radius, density and typography.
 *
 * @example
 * ```ts
 * const theme: ThemeOption = { colorScheme: "dark", radius: "soft", color: { accent: { primary: "#0ea5e9", level: 1 } } };
 * ```
 */
export interface ThemeOption {
  colorScheme?: ColorScheme;
  radius?: Radius;
  density?: Density;
  typography?: {
    baseSize?: 14 | 15 | 16 | 17 | 18;
    /** Web fonts loaded (once per page) before `fontFamily` uses them. */
    fontSources?: FontObject[];
    fontFamily?: string;
    fontFamilyMono?: string;
  };
  color?: {
    grayscale?: { hue: number; tint: number; shade?: number };
    accent?: { primary: string; level?: 0 | 1 | 2 | 3 };
    surface?: { background: string; foreground: string };
  };
}

/** How composer attachments are uploaded. */
export type FileUploadStrategy = { type: "two_phase" } | { type: "direct"; uploadUrl: string };

/** `api` option for a self-hosted ChatKit server. */
export interface ApiOption {
  /** Endpoint speaking the ChatKit protocol (every request is a POST of `{type, params}`). */
  url: string;
  /** Wraps every request (auth headers, credentials). Defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Accepted for compatibility; not used by a self-hosted server. */
  domainKey?: string;
  uploadStrategy?: FileUploadStrategy;
}

/** A header button. */
export interface HeaderAction {
  icon: string;
  onClick: () => void;
}

/** A start-screen prompt chip. */
export interface StartScreenPrompt {
  label: string;
  /** Text, or content parts; an `input_tag` needs only `type`, `text` and `id`. */
  prompt: string | UserMessageContentInput[];
  icon?: string;
}

/** The item a client-handled widget action came from. */
export interface WidgetActionSource {
  id: string;
  widget: WidgetRoot;
}

/** A widget action as handed to `widgets.onAction`. */
export interface ClientAction {
  type: string;
  payload?: Record<string, unknown>;
}

/**
 * An `@`-mentionable entity (the official `Entity`). Inserted into a message it travels as an
 * `input_tag` content part carrying `id`, `title` (as `text`), `group`, `interactive` and `data`.
 */
export interface Entity {
  title: string;
  id: string;
  icon?: string;
  interactive?: boolean;
  group?: string;
  data?: Record<string, string>;
}

/** The official `EntitiesOption`: `@` search, the composer's `@` button, clicks and previews. */
export interface EntitiesOption {
  /** Entities matching what follows `@` in the composer. */
  onTagSearch?(query: string): Promise<Entity[]>;
  /** Show an `@` button in the composer (only with `onTagSearch`). Default false. */
  showComposerMenu?: boolean;
  /** A tag in a sent message was clicked. */
  onClick?(entity: Entity): void;
  /** A widget previewing an entity (hover card); null for none. */
  onRequestPreview?(entity: Entity): Promise<{ preview: BasicRoot | null }>;
}

/** A `/` command (the official `Command`). */
export interface Command {
  id: string;
  label: string;
  description?: string;
  icon?: string;
  /** Commands with the same group are listed under that heading. */
  group?: string;
}

/** What `commands.onSelect` may answer: insert an entity tag, or show a sub-menu. */
export type CommandSelection =
  | { type: "entity"; entity: Entity }
  | { type: "menu"; commands: Command[] };

/**
 * The official `CommandsOption`: typing `/` at the start of a word in the composer opens a menu
 * of the built-in commands (new chat, attach files, each composer tool) and the integration's.
 */
export interface CommandsOption {
  enabled: boolean;
  /** Integration commands matching the text after `/`. */
  onSearch?(query: string): Promise<Command[]>;
  /** Runs an integration command; answer an entity to insert, a sub-menu, or nothing. */
  // biome-ignore lint/suspicious/noConfusingVoidType: the official signature (a handler may return nothing)
  onSelect?(command: Command): Promise<void | CommandSelection>;
}

/** A composer tool (the official `ToolOption`); the selected one travels as `tool_choice.id`. */
export interface ToolOption {
  id: string;
  label: string;
  icon?: string;
  shortLabel?: string;
  /** Composer placeholder while this tool is selected. */
  placeholderOverride?: string;
  /** Shown as its own chip in the composer (others are in the tools menu). Default false. */
  pinned?: boolean;
  /** Stays selected after a message is sent. Default false. */
  persistent?: boolean;
}

/** A model to pick in the composer (the official `ModelOption`); travels as `inference_options.model`. */
export interface ModelOption {
  id: string;
  label: string;
  description?: string;
  /** Listed but not selectable. */
  disabled?: boolean;
  /** Selected initially (else the first enabled model). */
  default?: boolean;
}

/** A web font to load for `theme.typography` (the official `FontObject`). */
export interface FontObject {
  family: string;
  /** URL of the font file. */
  src: string;
  weight?: string | number;
  style?: "normal" | "italic" | "oblique";
  display?: "auto" | "block" | "swap" | "fallback" | "optional";
  unicodeRange?: string;
}

/** The official `ComposerOption`. */
export interface ComposerOption {
  placeholder?: string;
  attachments?: {
    enabled: boolean;
    maxSize?: number | Record<string, number>;
    maxCount?: number;
    accept?: Record<string, string[]>;
  };
  tools?: ToolOption[];
  models?: ModelOption[];
  /** A microphone button; the recording is sent to the server's `input.transcribe`. */
  dictation?: { enabled: boolean };
}

/**
 * Options for `<threadkit-chat>`, as the official `ChatKitOptions` (self-hosted API).
 * `setOptions` replaces the whole set each time.
 *
 * @example
 * ```ts
 * el.setOptions({ api: { url: "/chatkit" }, startScreen: { greeting: "Hi!" } });
 * ```
 */
export interface ChatKitOptions {
  api: ApiOption;
  /**
   * BCP 47 tag of the language the element speaks (default: the browser's). Built-in strings for
   * en, es, fr, de, it, pt, nl, ja, ko, zh, ar and he; others use English strings with their own
   * date/number formats. ar, he, fa and ur lay the element out right-to-left.
   */
  locale?: string;
  /**
   * Threadkit only: replaces any of the element's strings, by key (see `Messages`), e.g.
   * `{ composerPlaceholder: "Ask the docs" }`. `{name}` placeholders are filled as in English.
   */
  strings?: MessageOverrides;
  theme?: ColorScheme | ThemeOption;
  frameTitle?: string;
  initialThread?: string | null;
  onClientTool?: (toolCall: {
    name: string;
    params: Record<string, unknown>;
  }) => Promise<Record<string, unknown>> | Record<string, unknown>;
  header?: {
    enabled?: boolean;
    title?: { enabled?: boolean; text?: string };
    leftAction?: HeaderAction;
    rightAction?: HeaderAction;
  };
  history?: { enabled?: boolean; showDelete?: boolean; showRename?: boolean };
  startScreen?: { greeting?: string; prompts?: StartScreenPrompt[] };
  threadItemActions?: { feedback?: boolean; retry?: boolean };
  composer?: ComposerOption;
  disclaimer?: { text: string; highContrast?: boolean };
  widgets?: {
    /**
     * A widget action with `handler: "client"`. Declared as a method so that a callback typed
     * with the official `Widgets` item types is accepted too.
     */
    onAction?(action: ClientAction, widgetItem: WidgetActionSource): Promise<void> | void;
  };
  thread?: { autoScroll?: boolean };
  entities?: EntitiesOption;
  commands?: CommandsOption;
}

/** Parameters of `sendUserMessage`. */
export interface SendUserMessageParams {
  text?: string;
  content?: UserMessageContentInput[];
  reply?: string;
  attachments?: Attachment[];
  newThread?: boolean;
  toolChoice?: { id: string };
  model?: string;
}

/** Parameters of `setComposerValue`. */
export interface SetComposerValueParams {
  text?: string;
  content?: UserMessageContentInput[];
  reply?: string;
  attachments?: Attachment[];
  files?: File[];
  selectedToolId?: string | null;
  selectedModelId?: string;
}

/** `detail` of each `chatkit.*` DOM event. */
export interface ChatKitEventMap {
  "chatkit.ready": undefined;
  "chatkit.error": { error: Error };
  "chatkit.log": { name: string; data?: Record<string, unknown> };
  "chatkit.effect": { name: string; data?: Record<string, unknown> };
  "chatkit.deeplink": { name: string; data?: Record<string, unknown> };
  "chatkit.response.start": undefined;
  "chatkit.response.end": undefined;
  "chatkit.thread.change": { threadId: string | null };
  "chatkit.thread.load.start": { threadId: string };
  "chatkit.thread.load.end": { threadId: string };
  "chatkit.tool.change": { toolId: string | null };
  "chatkit.history.open": undefined;
  "chatkit.history.close": undefined;
}

/** Name of a `chatkit.*` event. */
export type ChatKitEventName = keyof ChatKitEventMap;
