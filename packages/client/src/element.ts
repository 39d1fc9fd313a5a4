import type { ActionConfig, Attachment, StructuredInputSubmissionInput } from "@threadkit/core";
import { html, LitElement, nothing, type PropertyValues } from "lit";
import { unsafeHTML } from "lit/directives/unsafe-html.js";
import { type ComposerAttachment, uploadFile } from "./attachments.js";
import { ChatController } from "./controller.js";
import { loadFontSources } from "./fonts.js";
import type { HistoryModel } from "./history.js";
import { createI18n, type I18n, loadLocale } from "./i18n/index.js";
import { loadMarkdown, markdownHtml, markdownReady } from "./markdown-lazy.js";
import { validateOptions } from "./options.js";
import type { ErrorRow } from "./state.js";
import { resolveTheme, themeStyle } from "./theme.js";
import type {
  ChatKitEventMap,
  ChatKitEventName,
  ChatKitOptions,
  Command,
  Entity,
  SendUserMessageParams,
  SetComposerValueParams,
  StartScreenPrompt,
} from "./types.js";
import { announcement } from "./ui/announce.js";
import { renderHeader, renderHistory, renderStartScreen } from "./ui/chrome.js";
import { CommandMenu, commandStyles } from "./ui/commands.js";
import { renderComposer } from "./ui/composer.js";
import { Dictation } from "./ui/dictation.js";
import { EntityPreview, entityPreviewStyles } from "./ui/entity-preview.js";
import { errorText } from "./ui/error-text.js";
import { FollowBottom } from "./ui/follow-bottom.js";
import { icon } from "./ui/icons.js";
import { itemStyles } from "./ui/item-styles.js";
import { renderItem } from "./ui/items.js";
import { structuredInputStyles } from "./ui/structured-input.js";
import { shellStyles } from "./ui/styles.js";
import { tagContent, tagToken } from "./ui/tags.js";
import type { WidgetHost } from "./widgets/host.js";
import "./widgets/widget-view.js";

/**
 * `<threadkit-chat>`: a ChatKit-compatible chat element (open shadow root). Configure it with
 * `setOptions`, drive it with the official commands, listen to `chatkit.*` events.
 *
 * @example
 * ```ts
 * const chat = document.createElement("threadkit-chat");
 * chat.setOptions({ api: { url: "/chatkit" }, startScreen: { greeting: "Hi!" } });
 * chat.addEventListener("chatkit.error", (e) => console.error(e.detail.error));
 * document.body.append(chat);
 * ```
 */
export class ThreadkitChat extends LitElement {
  static override styles = [
    shellStyles,
    itemStyles,
    structuredInputStyles,
    commandStyles,
    entityPreviewStyles,
  ];
  static override properties = {
    _options: { state: true },
    _text: { state: true },
    _reply: { state: true },
    _attachments: { state: true },
    _historyOpen: { state: true },
    _renaming: { state: true },
    _copied: { state: true },
    _toolId: { state: true },
    _modelId: { state: true },
    _showJump: { state: true },
    _dismissed: { state: true },
  };

  declare _options: ChatKitOptions | null;
  declare _text: string;
  declare _reply: string | null;
  declare _attachments: ComposerAttachment[];
  declare _historyOpen: boolean;
  declare _renaming: string | null;
  declare _copied: string | null;
  declare _toolId: string | null;
  /** The model picked in the composer (`undefined`: the default one). */
  declare _modelId: string | undefined;
  declare _showJump: boolean;
  /** The error row the user closed (a new error shows again). */
  declare _dismissed: ErrorRow | null;

  readonly #controller: ChatController;
  /** Made on first open: the history panel's code is loaded then (see {@link showHistory}). */
  #history: HistoryModel | undefined;
  readonly #feedback = new Map<string, "positive" | "negative">();
  #ready = false;
  #initialLoaded = false;
  /** The last change announced in the polite live region (after widget actions). */
  #announced = "";
  readonly #follow = new FollowBottom((atEnd) => {
    const jump = !atEnd && this.#controller.state.items.length > 0;
    if (jump !== this._showJump) this._showJump = jump;
  });
  #i18n: I18n = createI18n("en");
  /** The split bundle fetching the translation `setOptions` asked for; renders wait for it. */
  #localeLoading: Promise<void> | undefined;
  /** Entity tags inserted into the composer text, by their `@Title` token. */
  readonly #tags = new Map<string, Entity>();
  readonly #dictation = new Dictation({
    update: () => this.requestUpdate(),
    transcribe: async (audio_base64, mime_type) => {
      const result = await this.#controller.transport.request<{ text?: string }>(
        "input.transcribe",
        { audio_base64, mime_type },
      );
      return typeof result.text === "string" ? result.text : "";
    },
    insert: (text) => {
      const box = this.renderRoot.querySelector<HTMLTextAreaElement>(".composer textarea");
      const at = box?.selectionStart ?? this._text.length;
      const end = box?.selectionEnd ?? at;
      const before = this._text.slice(0, at);
      const pad = before && !/\s$/.test(before) ? " " : "";
      this.#replaceText(at, end, pad + text);
    },
    reportError: (error) => this.#controller.reportError(error),
  });
  readonly #preview = new EntityPreview({
    request: (entity) =>
      this.#opts().entities?.onRequestPreview?.(entity) ?? Promise.resolve({ preview: null }),
    update: () => this.requestUpdate(),
    reportError: (error) => this.#controller.reportError(error),
  });
  readonly #commands = new CommandMenu({
    options: () => this.#opts(),
    i18n: () => this.#i18n,
    update: () => this.requestUpdate(),
    replaceText: (start, end, insert) => this.#replaceText(start, end, insert),
    insertEntity: (start, end, entity) => {
      this.#tags.set(tagToken(entity), entity);
      this.#replaceText(start, end, `${tagToken(entity)} `);
    },
    builtIns: () => this.#builtInCommands(),
    reportError: (error) => this.#controller.reportError(error),
  });

  /** Passed to every `<tk-widget>`: routes widget actions and errors through this element. */
  readonly widgetHost: WidgetHost = {
    performAction: async (action, item) => {
      const before = new Set(this.#controller.state.items.map((i) => i.id));
      const outcome = await this.#controller.performAction(action, item);
      if (action.handler !== "client")
        this.#announce(announcement(before, this.#controller.state.items, item.id, this.#i18n.t));
      return outcome;
    },
    reportError: (error) => this.#controller.reportError(error),
    i18n: createI18n("en"),
  };

  constructor() {
    super();
    this._options = null;
    this._text = "";
    this._reply = null;
    this._attachments = [];
    this._historyOpen = false;
    this._renaming = null;
    this._copied = null;
    this._toolId = null;
    this._modelId = undefined;
    this._showJump = false;
    this._dismissed = null;
    // The split bundle loads the Markdown engine apart; render again with it once it is here.
    if (!markdownReady())
      loadMarkdown().then(
        () => this.requestUpdate(),
        () => {},
      );
    this.#controller = new ChatController({
      options: () => this.#opts(),
      emit: (name, detail) => this.#emit(name, detail),
      update: () => this.requestUpdate(),
    });
  }

  #opts(): ChatKitOptions {
    if (!this._options) throw new Error("ChatKit: call setOptions() first");
    return this._options;
  }

  #emit<K extends ChatKitEventName>(name: K, detail?: ChatKitEventMap[K]): void {
    this.dispatchEvent(new CustomEvent(name, { detail }));
  }

  /** Replaces the whole option set (validated; throws `InvalidOptionsError` on a bad shape). */
  setOptions(options: ChatKitOptions): void {
    const validated = validateOptions(options);
    this._options = validated;
    this.#i18n = createI18n(options.locale, options.strings);
    this.widgetHost.i18n = this.#i18n;
    const theme = typeof options.theme === "object" ? options.theme : undefined;
    loadFontSources(theme?.typography?.fontSources, (e) => this.#controller.reportError(e));
    const loading = loadLocale(options.locale);
    if (!loading) return;
    // Once here, the strings are built again (unless other options came meanwhile).
    const settled = () => {
      if (this.#localeLoading === done) this.#localeLoading = undefined;
      if (this._options !== validated) return;
      this.#i18n = createI18n(options.locale, options.strings);
      this.widgetHost.i18n = this.#i18n;
      this.requestUpdate();
    };
    const done: Promise<void> = loading.then(settled, settled);
    this.#localeLoading = done;
  }

  /** The strings, formats and direction of the current `locale` (after `setOptions`). */
  get i18n(): I18n {
    return this.#i18n;
  }

  /** Sends a custom action to the server (`itemId` = the widget item it belongs to). */
  sendCustomAction(
    action: { type: string; payload?: Record<string, unknown> } | ActionConfig,
    itemId?: string,
  ): Promise<void> {
    return this.#controller.sendCustomAction(action, itemId);
  }

  /** Alias of {@link ThreadkitChat.sendCustomAction} (the name used by the ChatKit actions guide). */
  sendAction(action: ActionConfig, itemId?: string): Promise<void> {
    return this.sendCustomAction(action, itemId);
  }

  /** Sends a user message; rejects while a response streams. */
  async sendUserMessage(params: SendUserMessageParams): Promise<void> {
    this.#follow.pin();
    this.#announced = "";
    await this.#controller.sendUserMessage(params);
  }

  /** Sets the composer's text, quote, attachments or files (files are uploaded). */
  async setComposerValue(params: SetComposerValueParams): Promise<void> {
    if (params.text !== undefined) this._text = params.text;
    if (params.content) {
      this.#tags.clear();
      this._text = params.content
        .map((c) => {
          if (c.type !== "input_tag") return c.text;
          const entity: Entity = {
            id: c.id,
            title: c.text,
            ...(c.group ? { group: c.group } : {}),
            ...(c.interactive ? { interactive: c.interactive } : {}),
            ...(c.data ? { data: c.data as Record<string, string> } : {}),
          };
          this.#tags.set(tagToken(entity), entity);
          return tagToken(entity);
        })
        .join("");
    }
    if (params.reply !== undefined) this._reply = params.reply || null;
    if (params.attachments)
      this._attachments = params.attachments.map((a) => ({
        key: a.id,
        name: a.name,
        mimeType: a.mime_type,
        status: "ready",
        attachment: a,
      }));
    if (params.selectedToolId !== undefined) this.#selectTool(params.selectedToolId);
    if (params.selectedModelId !== undefined) this._modelId = params.selectedModelId;
    if (params.files?.length) await this.#addFiles(params.files);
  }

  /** Shows a thread by id, or the new-thread view for `null`. */
  async setThreadId(threadId: string | null): Promise<void> {
    this.#follow.pin();
    await this.#controller.setThreadId(threadId);
  }

  /** Moves focus to the composer. */
  async focusComposer(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>(".composer textarea")?.focus();
  }

  /** Re-loads the current thread from the server. */
  fetchUpdates(): Promise<void> {
    return this.#controller.fetchUpdates();
  }

  /** Opens the history panel (and loads the thread list). */
  async showHistory(): Promise<void> {
    if (this._historyOpen) return;
    // Loaded on first use, from the same origin as the bundle: most sessions never open it.
    this.#history ??= new (await import("./history.js")).HistoryModel(
      this.#controller.transport,
      () => this.requestUpdate(),
    );
    if (this._historyOpen) return;
    this._historyOpen = true;
    this.#emit("chatkit.history.open");
    // Focus goes into the panel at once (so Escape closes it while the list loads), then to the
    // first thread once the list is there, unless the user has moved on meanwhile.
    await this.updateComplete;
    const close = this.renderRoot.querySelector<HTMLElement>(".history .icon-btn");
    close?.focus();
    await this.#history.refresh().catch((e) => this.#controller.reportError(e));
    await this.updateComplete;
    const shadow = this.renderRoot as ShadowRoot;
    if (!close || shadow.activeElement === close)
      this.renderRoot.querySelector<HTMLElement>(".history-open, .history .icon-btn")?.focus();
  }

  /** Closes the history panel. */
  async hideHistory(): Promise<void> {
    if (!this._historyOpen) return;
    this._historyOpen = false;
    this._renaming = null;
    this.#emit("chatkit.history.close");
  }

  /** True while a response streams. */
  get isResponding(): boolean {
    return this.#controller.responding;
  }

  #selectTool(id: string | null): void {
    if (id === this._toolId) return;
    this._toolId = id;
    this.#emit("chatkit.tool.change", { toolId: id });
  }

  async #addFiles(files: File[]): Promise<void> {
    const opts = this.#opts();
    const max = opts.composer?.attachments?.maxCount ?? 10;
    const room = Math.max(0, max - this._attachments.length);
    if (files.length > room)
      this.#controller.reportError(new Error(this.#i18n.t("tooManyAttachments", { max })));
    await Promise.all(
      files.slice(0, room).map(async (file) => {
        const key = `local_${Math.random().toString(36).slice(2)}`;
        const previewUrl = file.type.startsWith("image/") ? URL.createObjectURL(file) : undefined;
        const entry: ComposerAttachment = {
          key,
          name: file.name,
          mimeType: file.type,
          status: "uploading",
          ...(previewUrl ? { previewUrl } : {}),
        };
        this._attachments = [...this._attachments, entry];
        const patch = (p: Partial<ComposerAttachment>) => {
          this._attachments = this._attachments.map((a) => (a.key === key ? { ...a, ...p } : a));
        };
        try {
          const attachment = await uploadFile(this.#controller.transport, opts, file);
          patch({ status: "ready", attachment, key: attachment.id });
        } catch (e) {
          patch({ status: "error", error: e instanceof Error ? e.message : String(e) });
          this.#controller.reportError(e);
        }
      }),
    );
  }

  #removeAttachment(key: string): void {
    const entry = this._attachments.find((a) => a.key === key);
    this._attachments = this._attachments.filter((a) => a.key !== key);
    if (entry?.previewUrl) URL.revokeObjectURL(entry.previewUrl);
    if (entry?.attachment && this._options?.api.uploadStrategy?.type !== "direct")
      this.#controller.transport
        .request("attachments.delete", { attachment_id: entry.attachment.id })
        .catch((e) => this.#controller.reportError(e));
  }

  #submit(): void {
    const attachments = this._attachments
      .map((a) => a.attachment)
      .filter((a): a is Attachment => !!a);
    const text = this._text.trim();
    const model = this.#model();
    const params: SendUserMessageParams = {
      ...(this.#tags.size ? { content: tagContent(text, this.#tags) } : { text }),
      attachments,
      ...(this._reply ? { reply: this._reply } : {}),
      ...(this._toolId ? { toolChoice: { id: this._toolId } } : {}),
      ...(model ? { model } : {}),
    };
    const saved = { text: this._text, attachments: this._attachments, reply: this._reply };
    this._text = "";
    this._attachments = [];
    this._reply = null;
    this.#tags.clear();
    this.#commands.close();
    // A tool stays selected after sending only when it is `persistent`.
    const tool = this._options?.composer?.tools?.find((t) => t.id === this._toolId);
    if (tool && !tool.persistent) this.#selectTool(null);
    const textarea = this.renderRoot.querySelector<HTMLTextAreaElement>(".composer textarea");
    if (textarea) textarea.style.height = "";
    this.sendUserMessage(params).catch((e: unknown) => {
      // Refused before anything was sent: give the user their draft back.
      if (e instanceof Error && e.message.includes("already responding")) {
        this._text = saved.text;
        this._attachments = saved.attachments;
        this._reply = saved.reply;
      }
    });
  }

  /** The model to send: the picked one if still enabled, else the default, else the first enabled. */
  #model(): string | undefined {
    const models = (this._options?.composer?.models ?? []).filter((m) => !m.disabled);
    const picked = models.find((m) => m.id === this._modelId);
    return (picked ?? models.find((m) => m.default) ?? models[0])?.id;
  }

  /** The composer's `@` button: types an `@` at the caret, which opens the entity search. */
  #startMention(): void {
    const box = this.renderRoot.querySelector<HTMLTextAreaElement>(".composer textarea");
    const at = box?.selectionStart ?? this._text.length;
    const end = box?.selectionEnd ?? at;
    const before = this._text.slice(0, at);
    const insert = before && !/\s$/.test(before) ? " @" : "@";
    this.#replaceText(at, end, insert);
    this.updateComplete.then(() => this.#commands.sync(this._text, at + insert.length));
  }

  /** Replaces `text[start, end)` of the composer and puts the caret after the insert. */
  #replaceText(start: number, end: number, insert: string): void {
    this._text = this._text.slice(0, start) + insert + this._text.slice(end);
    const caret = start + insert.length;
    this.updateComplete.then(() => {
      const box = this.renderRoot.querySelector<HTMLTextAreaElement>(".composer textarea");
      box?.focus();
      box?.setSelectionRange(caret, caret);
    });
  }

  /** The built-in `/` commands: new chat, attach files (when enabled), each composer tool. */
  #builtInCommands(): { command: Command; run: () => void }[] {
    const options = this.#opts();
    const { t } = this.#i18n;
    const list: { command: Command; run: () => void }[] = [
      {
        command: { id: "threadkit.new_chat", label: t("newChatCommand"), icon: "compose" },
        run: () => void this.setThreadId(null).then(() => this.focusComposer()),
      },
    ];
    if (options.composer?.attachments?.enabled)
      list.push({
        command: { id: "threadkit.attach", label: t("attachCommand"), icon: "paperclip" },
        run: () =>
          this.renderRoot.querySelector<HTMLInputElement>(".composer input[type=file]")?.click(),
      });
    for (const tool of options.composer?.tools ?? []) {
      const on = tool.id === this._toolId;
      list.push({
        command: {
          id: `threadkit.tool.${tool.id}`,
          label: t(on ? "clearTool" : "useTool", { tool: tool.label }),
          ...(tool.icon ? { icon: tool.icon } : {}),
        },
        run: () => this.#selectTool(on ? null : tool.id),
      });
    }
    return list;
  }

  #prompt(prompt: StartScreenPrompt): void {
    const params: SendUserMessageParams =
      typeof prompt.prompt === "string" ? { text: prompt.prompt } : { content: prompt.prompt };
    this.sendUserMessage(params).catch(() => {});
  }

  /** Answers a pending structured input item; the server replaces it and resumes the reply. */
  #answer(itemId: string, submission: StructuredInputSubmissionInput): void {
    const threadId = this.#controller.threadId;
    if (!threadId) return;
    this.#follow.pin();
    this.#controller
      .runStream({
        type: "threads.add_structured_input",
        params: { thread_id: threadId, item_id: itemId, input: submission },
      })
      .catch(() => {});
  }

  #copy(itemId: string, text: string): void {
    navigator.clipboard?.writeText(text).catch(() => {});
    this._copied = itemId;
    setTimeout(() => {
      if (this._copied === itemId) this._copied = null;
    }, 1500);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#follow.detach();
  }

  /**
   * While a response streams, renders at most once per animation frame: each SSE event changes
   * the state, and rendering (Markdown of the whole message, then a forced layout to follow the
   * bottom) after every one made a 5,000-delta message cost minutes instead of milliseconds.
   */
  protected override async scheduleUpdate(): Promise<void> {
    // The first paint in the page's language, not English then a switch (split bundle only).
    if (this.#localeLoading) await this.#localeLoading;
    if (this.#controller.responding) {
      // Hidden tabs get no animation frames: a timer keeps them rendering (slowly) too.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        requestAnimationFrame(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    super.scheduleUpdate();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this._options) return;
    if (!this.#ready) {
      this.#ready = true;
      this.#emit("chatkit.ready");
    }
    if (!this.#initialLoaded) {
      this.#initialLoaded = true;
      const initial = this._options.initialThread;
      if (initial) this.setThreadId(initial).catch(() => {});
    }
    const thread = this.renderRoot.querySelector<HTMLElement>(".thread");
    const inner = thread?.querySelector<HTMLElement>(".thread-inner");
    if (thread && inner) this.#follow.attach(thread, inner);
    this.#follow.enabled = this._options.thread?.autoScroll !== false;
    this.#follow.sync();
  }

  #dismissError(): void {
    this._dismissed = this.#controller.state.error;
    this.focusComposer().catch(() => {});
  }

  #announce(text: string): void {
    // The same text twice is still news: vary it invisibly so the live region speaks again.
    this.#announced = text === this.#announced ? `${text}\u00a0` : text;
    this.requestUpdate();
  }

  #status(): string {
    const c = this.#controller;
    const { t } = this.#i18n;
    if (c.loading) return t("loadingConversation");
    if (c.state.progress) return c.state.progress.text;
    if (c.responding) return t("responding");
    if (c.state.error && c.state.error !== this._dismissed) return errorText(c.state.error, t);
    return this.#announced;
  }

  override render() {
    const options = this._options;
    if (!options) return nothing;
    const c = this.#controller;
    const { state } = c;
    const theme = resolveTheme(options);
    const i18n = this.#i18n;
    const { t } = i18n;
    const ctx = {
      i18n,
      state,
      responding: c.responding,
      options,
      host: this.widgetHost,
      copied: this._copied,
      feedback: this.#feedback,
      onCopy: (id: string, text: string) => this.#copy(id, text),
      onFeedback: (ids: string[], kind: "positive" | "negative") => {
        for (const id of ids) this.#feedback.set(id, kind);
        this.requestUpdate();
        c.feedback(ids, kind).catch((e) => c.reportError(e));
      },
      onRetry: (id: string) => c.retryAfterItem(id).catch(() => {}),
      onSubmit: (itemId: string, submission: StructuredInputSubmissionInput) =>
        this.#answer(itemId, submission),
      onTagPreview: (entity: Entity | null, anchor?: Element) => {
        const body = this.renderRoot.querySelector(".body");
        if (entity && anchor && body) void this.#preview.show(entity, anchor, body);
        else this.#preview.hide();
      },
    };
    const empty = state.items.length === 0 && !c.loading && !c.responding && !state.error;
    return html`<div class="root ${theme.scheme}" style=${themeStyle(theme)}
      lang=${i18n.locale} dir=${i18n.dir}
      aria-label=${options.frameTitle ?? t("chat")} role="region">
      ${renderHeader({
        options,
        i18n,
        threadTitle: state.thread?.title ?? undefined,
        historyOpen: this._historyOpen,
        onNewThread: () => {
          this.setThreadId(null).then(() => this.focusComposer());
        },
        onToggleHistory: () => (this._historyOpen ? this.hideHistory() : this.showHistory()),
      })}
      <div class="body">
        ${this.#preview.render(this.widgetHost)}
        <div class="thread" aria-busy=${c.responding || c.loading}>
          <div class="thread-inner">
            ${empty ? renderStartScreen(options, i18n, (p) => this.#prompt(p)) : nothing}
            ${c.loading ? html`<div class="loading-thread" aria-hidden="true"><div class="skeleton" style="width:40%;align-self:flex-end"></div><div class="skeleton" style="width:85%"></div><div class="skeleton" style="width:65%"></div></div>` : nothing}
            ${state.items.map((item, i) => renderItem(item, i, ctx))}
            ${state.notices.map(
              (n) => html`<div class="notice ${n.level}" role="note">
                ${icon(n.level === "info" ? "info" : "alert", 16)}
                <div class="notice-body">${n.title ? html`<div class="notice-title">${n.title}</div>` : nothing}
                  <div class="prose">${unsafeHTML(markdownHtml(n.message))}</div></div>
              </div>`,
            )}
            ${state.progress ? html`<div class="status-line">${icon("sparkle", 14)}<span>${state.progress.text}</span></div>` : nothing}
            ${
              state.error && state.error !== this._dismissed
                ? html`<div class="error-row" role="alert">${icon("alert", 16)}
                  <span>${errorText(state.error, t)}</span>
                  ${
                    state.error.allowRetry && !c.responding
                      ? html`<button @click=${() => c.retry().catch(() => {})}>${icon("reload", 14)}${t("retry")}</button>`
                      : nothing
                  }
                  <button class="icon-btn xs dismiss" aria-label=${t("dismiss")}
                    title=${t("dismiss")} @click=${() => this.#dismissError()}>${icon("close", 14)}</button></div>`
                : nothing
            }
          </div>
        </div>
        ${this._showJump ? html`<button class="jump" aria-label=${t("scrollToBottom")} @click=${() => this.#follow.pin()}>${icon("chevron-down", 18)}</button>` : nothing}
      </div>
      <div class="footer">
        ${renderComposer({
          options,
          i18n,
          state,
          text: this._text,
          reply: this._reply,
          attachments: this._attachments,
          responding: c.responding,
          selectedToolId: this._toolId,
          onInput: (text) => (this._text = text),
          onSubmit: () => this.#submit(),
          onStop: () => c.stop(),
          onFiles: (files) => this.#addFiles(files),
          onRemoveAttachment: (key) => this.#removeAttachment(key),
          onClearReply: () => (this._reply = null),
          onTool: (id) => this.#selectTool(id),
          dictation: { state: this.#dictation.state, onToggle: () => this.#dictation.toggle() },
          onMention: () => this.#startMention(),
          modelId: this.#model(),
          onModel: (id) => (this._modelId = id),
          menu: {
            template: this.#commands.render(),
            listId: CommandMenu.LIST_ID,
            activeId: this.#commands.activeId,
            open: this.#commands.open,
          },
          onCaret: (el) => this.#commands.sync(el.value, el.selectionStart ?? el.value.length),
          onMenuKey: (e) => this.#commands.key(e),
        })}
      </div>
      <!-- History and its backdrop cover the whole element, composer included. -->
      ${
        this._historyOpen && this.#history
          ? html`<button class="scrim" aria-label=${t("closeHistory")} tabindex="-1" @click=${() => this.hideHistory()}></button>
              ${renderHistory({
                options,
                i18n,
                model: this.#history,
                currentId: c.threadId,
                renaming: this._renaming,
                onSelect: (id) => {
                  this.hideHistory();
                  this.setThreadId(id).catch(() => {});
                },
                onClose: () => this.hideHistory(),
                onStartRename: (id) => (this._renaming = id),
                onRename: (id, title) => {
                  this._renaming = null;
                  this.#history
                    ?.rename(id, title)
                    .then(() => (id === c.threadId ? c.fetchUpdates() : undefined))
                    .catch((e) => c.reportError(e));
                },
                onDelete: (id) => {
                  this.#history
                    ?.remove(id)
                    .then(() => (id === c.threadId ? this.setThreadId(null) : undefined))
                    .catch((e) => c.reportError(e));
                },
              })}`
          : nothing
      }
      <div class="sr-only" role="status" aria-live="polite">${this.#status()}</div>
    </div>`;
  }
}

if (!customElements.get("threadkit-chat")) customElements.define("threadkit-chat", ThreadkitChat);

declare global {
  interface HTMLElementTagNameMap {
    "threadkit-chat": ThreadkitChat;
  }
}
