/**
 * The canned content every bench server sends, so that Threadkit, the bare baseline and the peer
 * write the same events and differ only in what they do around them.
 */

/** One text delta of 100 bytes. */
export const DELTA =
  "Threadkit streams assistant text to the browser in small deltas, as ChatKit does. 0123456789 abcdef.";

/** The action the bench's card declares (its button) and the action scenario sends. */
export const TOGGLE = { type: "bench.toggle", payload: { id: 1 } } as const;

/** How many widget nodes `card(n)` holds: the root plus n - 1 components. */
export function card(nodes: number, label = "v1"): Record<string, unknown> {
  const rows: Record<string, unknown>[] = [];
  // Each row is Row + Text + Badge = 3 nodes; the root Card, a Title and the Button add 3.
  let remaining = nodes - 3;
  let i = 0;
  while (remaining >= 3) {
    rows.push({
      type: "Row",
      gap: 2,
      children: [
        { type: "Text", value: `Row ${i} (${label})`, size: "sm" },
        // Row 0 holds the button the bench's action comes from (a server checks that the
        // widget declares it); the others a badge. Both are one node.
        i === 0
          ? {
              type: "Button",
              label: "Toggle",
              onClickAction: { type: "bench.toggle", payload: { id: 1 } },
            }
          : { type: "Badge", label: i % 2 === 0 ? "open" : "done", color: "info" },
      ],
    });
    remaining -= 3;
    i++;
  }
  const extra = Array.from({ length: remaining }, (_, j) => ({ type: "Divider", key: `d${j}` }));
  return {
    type: "Card",
    size: "md",
    children: [
      { type: "Title", value: `Bench card ${label}`, size: "sm" },
      ...rows,
      ...extra,
      // Threadkit runs an action only when the widget it came from declares it.
      { type: "Button", label: "Toggle", onClickAction: TOGGLE },
    ],
  };
}

/** Counts the nodes of a widget tree (to check the fixtures say what they claim). */
export function countNodes(node: unknown): number {
  if (!node || typeof node !== "object") return 0;
  const children = (node as { children?: unknown }).children;
  const list = Array.isArray(children) ? children : children ? [children] : [];
  return 1 + list.reduce((sum: number, child) => sum + countNodes(child), 0);
}

export const now = (): string => new Date().toISOString();

/** What the bench's user messages ask for: `stream:N`, `widget`, `idle`, or anything else (a short reply). */
export type BenchCommand =
  | { kind: "stream"; deltas: number }
  | { kind: "widget" }
  | { kind: "idle" }
  | { kind: "short" };

export function commandOf(text: string): BenchCommand {
  if (text.startsWith("stream:")) return { kind: "stream", deltas: Number(text.slice(7)) || 0 };
  if (text === "widget") return { kind: "widget" };
  if (text === "idle") return { kind: "idle" };
  return { kind: "short" };
}

/** The text of a user message input (`{content:[{type:"input_text",text}]}`). */
export function inputText(input: unknown): string {
  const content = (input as { content?: Array<{ text?: unknown }> } | undefined)?.content;
  const first = content?.[0]?.text;
  return typeof first === "string" ? first : "";
}

/**
 * The events both SDK servers yield for a `widget`, `short` or `stream:N` message (as plain
 * objects, so each server casts them to its own types): the same items and bytes for both.
 */
export function* replyEvents(
  command: BenchCommand,
  threadId: string,
  id: string,
): Generator<Record<string, unknown>> {
  if (command.kind === "widget") {
    const item = { type: "widget", id, thread_id: threadId, created_at: now(), widget: card(50) };
    yield { type: "thread.item.done", item };
    return;
  }
  const base = { type: "assistant_message", id, thread_id: threadId, created_at: now() };
  yield { type: "thread.item.added", item: { ...base, content: [] } };
  const deltas = command.kind === "stream" ? command.deltas : 1;
  for (let i = 0; i < deltas; i++) {
    yield {
      type: "thread.item.updated",
      item_id: id,
      update: { type: "assistant_message.content_part.text_delta", content_index: 0, delta: DELTA },
    };
  }
  const text = DELTA.repeat(deltas);
  yield {
    type: "thread.item.done",
    item: { ...base, content: [{ type: "output_text", text, annotations: [] }] },
  };
}
