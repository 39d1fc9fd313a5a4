import { type RunContext, tool } from "@openai/agents";
import { z } from "@threadkit/core";
import type { AgentContext } from "@threadkit/server/agents";
import type { RequestContext } from "../context.js";
import type { TodoRepo } from "../todos/repo.js";
import { isoToday, LIMITS, PRIORITIES, TODO_ID, type Todo } from "../todos/todo.js";
import { todoListCard } from "../widgets/list.js";
import { collapseOlderLists } from "../widgets/live-list.js";

type Ctx = RunContext<AgentContext<RequestContext>>;

function userOf(runContext: Ctx | undefined): {
  ctx: AgentContext<RequestContext>;
  userId: string;
} {
  if (!runContext) throw new Error("todo tools need the ChatKit AgentContext as the run context");
  return { ctx: runContext.context, userId: runContext.context.requestContext.userId };
}

/** A todo as the model sees it (no timestamps). */
function brief(todo: Todo) {
  return {
    id: todo.id,
    title: todo.title,
    done: todo.done,
    due: todo.due,
    priority: todo.priority,
    description: todo.description,
    note: todo.note,
  };
}

/**
 * The agent's tools over the user's todos: list, show (streams the same list widget the offline
 * responder shows), add and complete. Each reads the user from the ChatKit `AgentContext`.
 */
export function todoTools(todos: TodoRepo) {
  return [
    tool({
      name: "list_todos",
      description: "Lists the user's todos as JSON (id, title, done, due, priority, notes).",
      parameters: z.object({}),
      execute: async (_args, runContext?: Ctx) => {
        const { userId } = userOf(runContext);
        return JSON.stringify((await todos.list(userId)).map(brief));
      },
    }),
    tool({
      name: "show_todos",
      description:
        "Shows the interactive todo list widget in the chat (the user can complete, edit and filter there).",
      parameters: z.object({}),
      execute: async (_args, runContext?: Ctx) => {
        const { ctx, userId } = userOf(runContext);
        for await (const event of collapseOlderLists(ctx.store, ctx.thread, ctx.requestContext))
          await ctx.stream(event);
        await ctx.streamWidget(
          todoListCard(
            await todos.list(userId),
            { filter: "all" },
            isoToday(),
            ctx.requestContext.locale,
          ),
          {
            copyText: "Todos",
          },
        );
        return "The todo list widget is shown to the user.";
      },
    }),
    tool({
      name: "add_todo",
      description: "Adds a todo for the user.",
      parameters: z.object({
        title: z.string().min(1).max(LIMITS.title),
        due: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .nullable()
          .describe("Due date as YYYY-MM-DD, or null"),
        priority: z.enum(PRIORITIES).nullable(),
      }),
      execute: async ({ title, due, priority }, runContext?: Ctx) => {
        const { userId } = userOf(runContext);
        const todo = await todos.add(userId, { title, due, priority: priority ?? "normal" });
        return JSON.stringify(brief(todo));
      },
    }),
    tool({
      name: "complete_todo",
      description: "Marks one of the user's todos as done, by id (get ids from list_todos).",
      parameters: z.object({ id: z.string().regex(TODO_ID) }),
      execute: async ({ id }, runContext?: Ctx) => {
        const { userId } = userOf(runContext);
        const todo = await todos.complete(userId, id);
        return todo ? JSON.stringify(brief(todo)) : `No todo with id ${id}.`;
      },
    }),
  ];
}
