/**
 * The host page's script (bundled by the server into `/app.js`): configures the
 * `<threadkit-chat>` written in the page's HTML, keeps the host pane in sync with the chat,
 * handles the client action "Details" with a native dialog, and sends "Clear completed" and
 * saved notes to the server with `chat.sendAction`.
 * @module
 */
import type { ChatKitEventMap, ThreadkitChat } from "@threadkit/client";
import type { Todo } from "../todos/todo.js";
import { clearCompletedAction, detailsAction, noteAction } from "./actions.js";
import { DetailsDialog } from "./details.js";
import { setupTabs } from "./tabs.js";
import { showToast } from "./toast.js";
import { TodosPane } from "./todos-pane.js";

const THREAD_KEY = "threadkit-todo:thread";
const dark = matchMedia("(prefers-color-scheme: dark)");

await customElements.whenDefined("threadkit-chat");
const chat = document.getElementById("chat") as ThreadkitChat;
const tabs = setupTabs();
let threadId: string | null = localStorage.getItem(THREAD_KEY);
/** The widget item a dialog was opened from (so the note goes back to it as `sender`). */
let detailsItem: string | undefined;

/** A thread is needed to send an action: start one with a message when none is open. */
async function ensureThread(): Promise<void> {
  if (!threadId) await chat.sendUserMessage({ text: "Show my todos" });
}

const dialog = new DetailsDialog((todo, note) => {
  const itemId = detailsItem;
  detailsItem = undefined;
  tabs.show("chat");
  ensureThread()
    .then(() => chat.sendAction(noteAction(todo.id, note), itemId))
    .catch((error: unknown) => console.warn(error));
});

const pane = new TodosPane((todo) => {
  detailsItem = undefined;
  dialog.open(todo);
});

function options(): Parameters<ThreadkitChat["setOptions"]>[0] {
  return {
    api: { url: "/chatkit" },
    initialThread: threadId,
    theme: {
      colorScheme: dark.matches ? "dark" : "light",
      radius: "round",
      color: {
        accent: { primary: dark.matches ? "#8b8cf8" : "#4f46e5", level: 1 },
        // The same surface as the host pane, so the chat reads as part of the product.
        surface: dark.matches
          ? { background: "#18181b", foreground: "#ececef" }
          : { background: "#ffffff", foreground: "#17171a" },
      },
    },
    header: { title: { text: "Assistant" } },
    history: { enabled: true },
    startScreen: {
      greeting: "What needs doing today?",
      prompts: [
        { label: "Show my todos", prompt: "Show my todos", icon: "check" },
        { label: "Add “Buy milk”", prompt: "add Buy milk", icon: "plus" },
        { label: "What can you do?", prompt: "What can you do?", icon: "lightbulb" },
      ],
    },
    composer: { placeholder: "Try “add water the plants”" },
    widgets: {
      async onAction(action, item) {
        const details = detailsAction(action);
        if (!details) return;
        await pane.refresh();
        const todo = pane.todos.find((t: Todo) => t.id === details.payload.id);
        if (!todo) return showToast("Not found", "That todo no longer exists.");
        detailsItem = item.id;
        dialog.open(todo);
      },
    },
  };
}

chat.setOptions(options());
dark.addEventListener("change", () => chat.setOptions(options()));

/** Listens to one `chatkit.*` event of the element, with its typed detail. */
function on<K extends keyof ChatKitEventMap>(
  name: K,
  listener: (detail: ChatKitEventMap[K]) => void,
) {
  chat.addEventListener(name, (event) =>
    listener((event as CustomEvent<ChatKitEventMap[K]>).detail),
  );
}

on("chatkit.thread.change", (detail) => {
  threadId = detail.threadId;
  if (threadId) localStorage.setItem(THREAD_KEY, threadId);
  else localStorage.removeItem(THREAD_KEY);
});
on("chatkit.response.end", () => void pane.refresh());
// The element shows user-facing errors itself; the details are for developers.
on("chatkit.error", (detail) => console.warn("chatkit.error:", detail.error));

document.getElementById("clear-completed")?.addEventListener("click", () => {
  tabs.show("chat");
  ensureThread()
    .then(() => chat.sendAction(clearCompletedAction()))
    .catch((error: unknown) => console.warn(error));
});

await pane.refresh();
