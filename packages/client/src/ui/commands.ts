/**
 * The composer's pop-up menu. `/` at the start of a word (the official `commands` option, 1.9.0)
 * lists the built-in commands (new chat, attach files, each composer tool) and the integration's
 * (`commands.onSearch`), filtered by what follows the `/`; an integration command goes to
 * `commands.onSelect`, whose answer can insert an entity tag or open a sub-menu. `@` (with
 * `entities.onTagSearch`) lists the matching entities and inserts the chosen one as a tag. Arrow
 * keys move, Enter or Tab picks, Escape closes (or leaves a sub-menu).
 */
import { css, html, nothing, type TemplateResult } from "lit";
import type { I18n } from "../i18n/index.js";
import type { ChatKitOptions, Command, Entity } from "../types.js";
import { icon } from "./icons.js";

/** A menu entry: an integration command, a built-in one with its own effect, or an entity. */
interface Entry {
  command: Command;
  run?: () => void;
  entity?: Entity;
}

/** What the menu needs from the element. */
export interface CommandMenuHost {
  options(): ChatKitOptions;
  i18n(): I18n;
  /** Re-render the element. */
  update(): void;
  /** Replaces `text[start, end)` of the composer with `insert` and puts the caret after it. */
  replaceText(start: number, end: number, insert: string): void;
  /** Inserts `entity` as a tag in place of `text[start, end)`. */
  insertEntity(start: number, end: number, entity: Entity): void;
  /** The built-in commands that apply now (with their effects). */
  builtIns(): { command: Command; run: () => void }[];
  reportError(error: unknown): void;
}

/** The `/word` (or `@word` for `trigger` "@") ending at the caret: where it starts and the word. */
export function slashQuery(
  text: string,
  caret: number,
  trigger: "/" | "@" = "/",
): { start: number; query: string } | null {
  const m = (trigger === "/" ? /(^|\s)\/([^\s/]*)$/ : /(^|\s)@([^\s@]*)$/).exec(
    text.slice(0, caret),
  );
  if (!m) return null;
  const query = m[2] ?? "";
  return { start: caret - query.length - 1, query };
}

const matches = (command: Command, query: string) =>
  !query ||
  `${command.label} ${command.description ?? ""}`.toLowerCase().includes(query.toLowerCase());

/**
 * State and behaviour of the menu; the element owns one and renders {@link CommandMenu.render}.
 *
 * @example
 * ```ts
 * const menu = new CommandMenu(host);
 * textarea.addEventListener("input", () => menu.sync(textarea.value, textarea.selectionStart));
 * ```
 */
export class CommandMenu {
  /** DOM id of the listbox (the composer's `aria-controls`). */
  static readonly LIST_ID = "tk-commands";
  open = false;
  entries: Entry[] = [];
  active = 0;
  loading = false;
  readonly #host: CommandMenuHost;
  #start = 0;
  #end = 0;
  #query = "";
  /** Sub-menus opened by `onSelect` answers, innermost last. */
  #stack: Command[][] = [];
  #search = 0;
  /** Which trigger opened the menu. */
  #mode: "/" | "@" = "/";

  constructor(host: CommandMenuHost) {
    this.#host = host;
  }

  /** The option id of the active entry, for `aria-activedescendant`. */
  get activeId(): string | undefined {
    return this.open && this.entries.length ? `tk-command-${this.active}` : undefined;
  }

  /** Follows the composer: opens, filters or closes the menu for the text and caret. */
  sync(text: string, caret: number): void {
    const options = this.#host.options();
    const slash = options.commands?.enabled ? slashQuery(text, caret, "/") : null;
    const at = !slash && options.entities?.onTagSearch ? slashQuery(text, caret, "@") : null;
    const found = slash ?? at;
    if (!found) {
      if (this.open) this.close();
      return;
    }
    const mode = slash ? "/" : "@";
    const changed =
      !this.open ||
      mode !== this.#mode ||
      found.query !== this.#query ||
      found.start !== this.#start;
    this.#mode = mode;
    this.#start = found.start;
    this.#end = caret;
    this.#query = found.query;
    this.open = true;
    if (changed) void this.#refresh();
  }

  close(): void {
    this.open = false;
    this.entries = [];
    this.#stack = [];
    this.#search++;
    this.loading = false;
    this.#host.update();
  }

  async #refresh(): Promise<void> {
    const search = ++this.#search;
    const query = this.#query;
    if (this.#mode === "@") {
      await this.#searchEntities(search, query);
      return;
    }
    const sub = this.#stack.at(-1);
    if (sub) {
      this.#show(sub.filter((c) => matches(c, query)).map((command) => ({ command })));
      return;
    }
    const builtIns = this.#host.builtIns().filter((b) => matches(b.command, query));
    this.#show(builtIns);
    const onSearch = this.#host.options().commands?.onSearch;
    if (!onSearch) return;
    await this.#load(search, async () => {
      const found = await onSearch(query);
      return [...builtIns, ...found.map((command) => ({ command }))];
    });
  }

  async #searchEntities(search: number, query: string): Promise<void> {
    const onTagSearch = this.#host.options().entities?.onTagSearch;
    if (!onTagSearch) return;
    await this.#load(search, async () =>
      (await onTagSearch(query)).map((entity) => ({
        command: {
          id: entity.id,
          label: entity.title,
          ...(entity.icon ? { icon: entity.icon } : {}),
          ...(entity.group ? { group: entity.group } : {}),
        },
        entity,
      })),
    );
  }

  /**
   * Shows what `find` gives, with `loading` set meanwhile; a newer query (or close) supersedes
   * search `search`, whose answer or error is then dropped.
   */
  async #load(search: number, find: () => Promise<Entry[]>): Promise<void> {
    this.loading = true;
    this.#host.update();
    try {
      const entries = await find();
      if (search === this.#search) this.#show(entries);
    } catch (error) {
      if (search === this.#search) this.#host.reportError(error);
    } finally {
      if (search === this.#search) {
        this.loading = false;
        this.#host.update();
      }
    }
  }

  #show(entries: Entry[]): void {
    this.entries = entries;
    this.active = Math.min(this.active, Math.max(0, entries.length - 1));
    this.#host.update();
  }

  /** Handles a key pressed in the composer; true when the menu used it. */
  key(e: KeyboardEvent): boolean {
    if (!this.open || e.isComposing) return false;
    const n = this.entries.length;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (n) this.active = (this.active + (e.key === "ArrowDown" ? 1 : n - 1)) % n;
    } else if ((e.key === "Enter" || e.key === "Tab") && !e.shiftKey) {
      if (!n) return false;
      void this.select(this.active);
    } else if (e.key === "Escape") {
      if (this.#stack.length) {
        this.#stack.pop();
        this.active = 0;
        void this.#refresh();
      } else this.close();
    } else return false;
    e.preventDefault();
    e.stopPropagation();
    this.#host.update();
    return true;
  }

  /** Runs entry `index`: a built-in's effect, or `commands.onSelect` and what it answers. */
  async select(index: number): Promise<void> {
    const entry = this.entries[index];
    if (!entry) return;
    const [start, end] = [this.#start, this.#end];
    if (entry.entity) {
      this.#host.insertEntity(start, end, entry.entity);
      this.close();
      return;
    }
    if (entry.run) {
      this.#host.replaceText(start, end, "");
      this.close();
      entry.run();
      return;
    }
    const onSelect = this.#host.options().commands?.onSelect;
    let answer: Awaited<ReturnType<NonNullable<typeof onSelect>>> | undefined;
    try {
      answer = await onSelect?.(entry.command);
    } catch (error) {
      this.#host.reportError(error);
      this.close();
      return;
    }
    if (answer?.type === "menu") {
      // Keep the "/" so typing filters the sub-menu; drop what filtered the parent.
      this.#host.replaceText(start, end, "/");
      this.#stack.push(answer.commands);
      this.#query = "";
      this.#end = start + 1;
      this.active = 0;
      void this.#refresh();
      return;
    }
    if (answer?.type === "entity") this.#host.insertEntity(start, end, answer.entity);
    else this.#host.replaceText(start, end, "");
    this.close();
  }

  /** The listbox, above the composer; `nothing` while closed. */
  render(): TemplateResult | typeof nothing {
    if (!this.open) return nothing;
    const { t } = this.#host.i18n();
    let group: string | undefined;
    return html`<div class="command-menu" id=${CommandMenu.LIST_ID} role="listbox"
      aria-label=${this.#mode === "@" ? t("mentions") : t("commands")} aria-busy=${this.loading ? "true" : "false"}
      @mousedown=${(e: Event) => e.preventDefault()}>
      ${
        this.#stack.length
          ? html`<button type="button" class="command-back" tabindex="-1" @click=${() => {
              this.#stack.pop();
              void this.#refresh();
            }}><span class="back-arrow">${icon("chevron", 14)}</span><span>${t("back")}</span></button>`
          : nothing
      }
      ${this.entries.map(({ command }, i) => {
        const heading =
          command.group && command.group !== group
            ? html`<div class="command-group" role="presentation">${command.group}</div>`
            : nothing;
        group = command.group;
        return html`${heading}<div class="command ${i === this.active ? "active" : ""}" role="option"
          id=${`tk-command-${i}`} aria-selected=${i === this.active ? "true" : "false"}
          data-command-id=${command.id}
          @mouseenter=${() => {
            this.active = i;
            this.#host.update();
          }}
          @click=${() => void this.select(i)}>
          ${command.icon ? icon(command.icon, 16) : html`<span class="command-slash">${this.#mode}</span>`}
          <span class="command-text"><span class="command-label" dir="auto">${command.label}</span>
          ${command.description ? html`<span class="command-description" dir="auto">${command.description}</span>` : nothing}</span>
        </div>`;
      })}
      ${
        !this.entries.length && !this.loading
          ? html`<div class="command-empty">${t(this.#mode === "@" ? "noMatches" : "noCommands")}</div>`
          : nothing
      }
    </div>`;
  }
}

/** Styles of the menu (logical properties: it mirrors in RTL). */
export const commandStyles = css`
  .composer { position: relative; }
  .command-menu {
    position: absolute; inset-inline: 0; bottom: calc(100% + 6px); z-index: 4; max-height: 280px;
    overflow-y: auto; padding: 6px; background: var(--tk-bg); color: var(--tk-fg);
    border: 1px solid var(--tk-border); border-radius: 14px; box-shadow: 0 8px 28px rgba(0, 0, 0, 0.14);
  }
  .command {
    display: flex; align-items: center; gap: 10px; padding: 8px 10px; border-radius: 10px; cursor: pointer;
  }
  .command.active { background: var(--tk-surface); }
  .command-slash { width: 16px; text-align: center; color: var(--tk-muted); }
  .command-text { display: flex; flex-direction: column; min-width: 0; }
  .command-label { font-size: 0.92em; }
  .command-description { font-size: 0.8em; color: var(--tk-muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .command-group { padding: 8px 10px 4px; font-size: 0.72em; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; color: var(--tk-muted); }
  .command-empty { padding: 10px; font-size: 0.85em; color: var(--tk-muted); }
  .command-back {
    display: flex; align-items: center; gap: 6px; padding: 6px 8px; border: 0; background: none;
    color: var(--tk-muted); font-size: 0.85em; cursor: pointer;
  }
  .back-arrow { display: inline-flex; transform: scaleX(-1); }
  .root[dir="rtl"] .back-arrow { transform: none; }
`;
