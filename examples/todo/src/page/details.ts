import { formatDate, formatDue, isoToday, type Todo } from "../todos/todo.js";

/** What the dialog reports when the user saves the note. */
export type SaveNote = (todo: Todo, note: string) => void;

const PRIORITY = { low: "Low", normal: "Normal", high: "High" } as const;

/**
 * The host page's native `<dialog>` with a todo's details and a note field. It is opened by the
 * widget's "Details" button (a client action) or by a row of the host list; "Save note" hands
 * the note back, and the page sends it to the server with `chat.sendAction`.
 */
export class DetailsDialog {
  readonly #dialog: HTMLDialogElement;
  readonly #note: HTMLTextAreaElement;
  #todo: Todo | null = null;

  constructor(onSave: SaveNote) {
    this.#dialog = document.getElementById("details") as HTMLDialogElement;
    this.#note = document.getElementById("details-note") as HTMLTextAreaElement;
    this.#dialog.addEventListener("close", () => {
      const todo = this.#todo;
      this.#todo = null;
      if (todo && this.#dialog.returnValue === "save") onSave(todo, this.#note.value.trim());
    });
  }

  /** Opens the dialog for `todo`. */
  open(todo: Todo): void {
    const today = isoToday();
    this.#todo = todo;
    set("details-status", todo.done ? "Done" : "Open");
    set("details-title", todo.title);
    set("details-description", todo.description || "No description.");
    set("details-due", todo.due ? formatDue(todo.due, today, navigator.language) : "—");
    set("details-priority", PRIORITY[todo.priority]);
    set("details-created", formatDate(todo.createdAt, navigator.language));
    this.#note.value = todo.note;
    this.#dialog.returnValue = "";
    this.#dialog.showModal();
    this.#note.focus();
  }
}

function set(id: string, text: string): void {
  const node = document.getElementById(id);
  if (node) node.textContent = text;
}
