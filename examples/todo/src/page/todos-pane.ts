import { countTodos, DATE_STYLE, formatDue, isoToday, type Todo } from "../todos/todo.js";

/** The host page's list of todos, fed from `GET /api/todos`. */
export class TodosPane {
  /** The todos last loaded. */
  todos: Todo[] = [];
  readonly #onOpen: (todo: Todo) => void;

  constructor(onOpen: (todo: Todo) => void) {
    this.#onOpen = onOpen;
    const today = document.getElementById("today");
    if (today) {
      today.textContent = new Date().toLocaleDateString(navigator.language, DATE_STYLE);
    }
  }

  /** Reloads the todos and re-renders; rows that changed flash briefly. */
  async refresh(): Promise<void> {
    const res = await fetch("/api/todos", { credentials: "same-origin" });
    if (!res.ok) return;
    const { todos } = (await res.json()) as { todos: Todo[] };
    const before = new Map(this.todos.map((t) => [t.id, JSON.stringify(t)]));
    this.todos = todos;
    this.#render(before);
  }

  #render(before: Map<string, string>): void {
    const today = isoToday();
    const { open, done } = countTodos(this.todos);
    const overdue = this.todos.filter((t) => !t.done && t.due !== null && t.due < today).length;
    setText("stat-open", String(open));
    setText("stat-done", String(done));
    setText("stat-overdue", String(overdue));
    setText("tab-count", open ? String(open) : "");
    document.getElementById("stat-overdue")?.classList.toggle("warn", overdue > 0);
    const bar = document.getElementById("progress-bar");
    if (bar)
      bar.style.width = `${this.todos.length ? Math.round((done / this.todos.length) * 100) : 0}%`;
    const clear = document.getElementById("clear-completed") as HTMLButtonElement | null;
    if (clear) clear.disabled = done === 0;
    const empty = document.getElementById("todo-empty");
    if (empty) empty.hidden = this.todos.length > 0;
    const list = document.getElementById("todo-list");
    if (!list) return;
    const sorted = [...this.todos].sort((a, b) => Number(a.done) - Number(b.done));
    list.replaceChildren(
      ...sorted.map((todo) => {
        const li = this.#row(todo, today);
        const old = before.get(todo.id);
        if (before.size > 0 && old !== JSON.stringify(todo)) li.classList.add("flash");
        return li;
      }),
    );
  }

  #row(todo: Todo, today: string): HTMLLIElement {
    const li = document.createElement("li");
    li.dataset.id = todo.id;
    if (todo.done) li.classList.add("done");
    const button = document.createElement("button");
    button.type = "button";
    // The name starts with what the row shows (WCAG "label in name"); the state is spoken too.
    const dot = el("span", "dot");
    const text = el("span", "");
    text.append(el("span", "todo-title", todo.title));
    if (todo.done) text.append(el("span", "sr-only", " (done)"));
    const meta = [
      todo.due ? `Due ${formatDue(todo.due, today, navigator.language)}` : "",
      todo.note ? `Note: ${todo.note}` : todo.description,
    ].filter(Boolean);
    if (meta.length) text.append(el("span", "todo-meta", meta.join(" · ")));
    const overdue = !todo.done && todo.due !== null && todo.due < today;
    const pill = overdue
      ? el("span", "pill overdue", "Overdue")
      : todo.priority === "high" && !todo.done
        ? el("span", "pill high", "High")
        : el("span", "", "");
    button.append(dot, text, pill);
    button.addEventListener("click", () => this.#onOpen(todo));
    li.append(button);
    return li;
  }
}

function el(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function setText(id: string, text: string): void {
  const node = document.getElementById(id);
  if (node) node.textContent = text;
}
