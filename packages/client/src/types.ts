import type { Attachment, UserMessageContent, WidgetRoot } from "@threadkit/core";
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
  typography?: { baseSize?: 14 | 15 | 16 | 17 | 18; fontFamily?: string; fontFamilyMono?: string };
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
  prompt: string | UserMessageContent[];
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
  composer?: {
    placeholder?: string;
    attachments?: {
      enabled: boolean;
      maxSize?: number | Record<string, number>;
      maxCount?: number;
      accept?: Record<string, string[]>;
    };
    tools?: { id: string; label: string; icon?: string; shortLabel?: string }[];
    models?: { id: string; label: string; description?: string; default?: boolean }[];
  };
  disclaimer?: { text: string; highContrast?: boolean };
  widgets?: {
    onAction?: (action: ClientAction, widgetItem: WidgetActionSource) => Promise<void> | void;
  };
  thread?: { autoScroll?: boolean };
  entities?: Record<string, unknown>;
  commands?: Record<string, unknown>;
}

/** Parameters of `sendUserMessage`. */
export interface SendUserMessageParams {
  text?: string;
  content?: UserMessageContent[];
  reply?: string;
  attachments?: Attachment[];
  newThread?: boolean;
  toolChoice?: { id: string };
  model?: string;
}

/** Parameters of `setComposerValue`. */
export interface SetComposerValueParams {
  text?: string;
  content?: UserMessageContent[];
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
