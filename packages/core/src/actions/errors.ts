/** One problem found while parsing an action: where (`payload.id`) and what (`expected number, received string`). */
export interface ActionParseIssue {
  /** Dotted path from the action's root, e.g. `"payload.todo.title"`, `"payload.items[0]"`, `"type"`. */
  path: string;
  /** What was wrong, in words, e.g. `"expected number, received string"`. */
  message: string;
}

/**
 * Thrown (or returned by `safeParse`) when an action is not one the app declared: an unknown `type`,
 * a payload that fails its schema, or input that is not an action at all. The message names the
 * action type and each offending field, e.g.
 * `Invalid payload for action "example": payload.id: expected number, received string`.
 *
 * @example
 * ```ts
 * try {
 *   AppActions.parse(untrusted);
 * } catch (error) {
 *   if (error instanceof ActionParseError) console.warn(error.actionType, error.issues);
 * }
 * ```
 */
export class ActionParseError extends Error {
  override readonly name = "ActionParseError";
  /** The action's `type` when it was a string, else `undefined`. */
  readonly actionType: string | undefined;
  /** Every problem found, with its path. */
  readonly issues: readonly ActionParseIssue[];

  constructor(
    message: string,
    actionType: string | undefined,
    issues: readonly ActionParseIssue[],
  ) {
    super(message);
    this.actionType = actionType;
    this.issues = issues;
  }
}

/** The result of `safeParse`: the parsed action, or the error `parse` would have thrown. */
export type ActionParseResult<A> =
  | { success: true; data: A; error?: undefined }
  | { success: false; data?: undefined; error: ActionParseError };

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Formats a path (`["payload", "items", 0, "a b"]`) as `payload.items[0]["a b"]`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (typeof segment === "string" && IDENTIFIER.test(segment))
      out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

/** Zod's messages start with "Invalid input: "; drop that so the text reads as a sentence after the path. */
export function cleanMessage(message: string): string {
  const stripped = message.replace(/^Invalid (?:input|option): /, "");
  return stripped === "Invalid input" ? "invalid value" : stripped;
}

/** Builds the error for a payload that failed its schema. */
export function payloadError(
  actionType: string,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): ActionParseError {
  const mapped = issues.map((issue) => ({
    path: formatPath(["payload", ...issue.path]),
    message: cleanMessage(issue.message),
  }));
  const details = mapped.map((issue) => `${issue.path}: ${issue.message}`).join("; ");
  return new ActionParseError(
    `Invalid payload for action ${JSON.stringify(actionType)}: ${details}`,
    actionType,
    mapped,
  );
}

/** Describes a value's kind for messages: `null`, `array`, `string`, ... */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/**
 * Checks the outer shape of an untrusted action (`{ type: string, payload?: unknown }`) and returns
 * its type and payload, or an error. Never throws.
 */
export function readAction(
  action: unknown,
): { type: string; payload: unknown } | { error: ActionParseError } {
  if (typeof action !== "object" || action === null || Array.isArray(action)) {
    const message = `expected an object, received ${describe(action)}`;
    return {
      error: new ActionParseError(`Invalid action: ${message}`, undefined, [{ path: "", message }]),
    };
  }
  const record = action as Record<string, unknown>;
  const type = Object.hasOwn(record, "type") ? record.type : undefined;
  if (typeof type !== "string") {
    const message = `expected string, received ${describe(type)}`;
    return {
      error: new ActionParseError(`Invalid action: type: ${message}`, undefined, [
        { path: "type", message },
      ]),
    };
  }
  return { type, payload: Object.hasOwn(record, "payload") ? record.payload : undefined };
}
