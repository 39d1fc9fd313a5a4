import type { z } from "zod";
import { ChatKitRequest, REQUEST_TYPES } from "./requests.js";

const requestTypes: ReadonlySet<string> = new Set(REQUEST_TYPES);

/**
 * The result of a safe parse: the value, or one readable message.
 * @example const result: ParseResult<ChatKitRequest> = parseRequest(json);
 */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

const DEFAULT_MESSAGES = new Set(["Invalid input"]);

function quote(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

function oneOf(values: readonly unknown[]): string {
  if (values.length === 1) return `expected ${quote(values[0])}`;
  return `expected one of ${values.map(quote).join(" | ")}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function isMissing(issue: z.core.$ZodIssue, root: unknown, hasRoot: boolean): boolean {
  if (issue.code === "invalid_type" && issue.expected === "nonoptional") return true;
  if ("input" in issue) return issue.input === undefined;
  return hasRoot && valueAt(root, issue.path) === undefined;
}

function typeName(expected: string): string {
  if (expected === "int") return "integer";
  return expected;
}

function sizeText(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, word: string): string {
  const origin = issue.origin;
  const unit =
    origin === "array" || origin === "set" ? " items" : origin === "string" ? " characters" : "";
  const limit = "minimum" in issue ? issue.minimum : issue.maximum;
  return `expected ${word} ${String(limit)}${unit}`;
}

type Flat = { path: PropertyKey[]; text: string };

function describe(issue: z.core.$ZodIssue, root: unknown, hasRoot: boolean): Flat[] {
  const path = [...issue.path];
  switch (issue.code) {
    case "invalid_type":
      if (isMissing(issue, root, hasRoot)) return [{ path, text: "required" }];
      return [{ path, text: `expected ${typeName(issue.expected)}` }];
    case "invalid_value":
      return [{ path, text: oneOf(issue.values) }];
    case "invalid_union": {
      if (issue.discriminator !== undefined) {
        const tag = hasRoot ? valueAt(root, path) : undefined;
        const received = "input" in issue ? valueAt(issue.input, [issue.discriminator]) : tag;
        const options: readonly unknown[] = "options" in issue ? (issue.options ?? []) : [];
        if (received === undefined) return [{ path, text: "required" }];
        if (typeof received !== "string") return [{ path, text: "expected string" }];
        const isRequestUnion = options.every((o) => typeof o === "string" && requestTypes.has(o));
        if (options.length > 0 && isRequestUnion)
          return [{ path, text: `unknown request type ${quote(received)}` }];
        return [{ path, text: `unknown type ${quote(received)}, ${oneOf(options)}` }];
      }
      if (!DEFAULT_MESSAGES.has(issue.message)) return [{ path, text: issue.message }];
      // No custom message: explain with the branch that came closest (fewest issues).
      const branches = issue.errors.filter((branch) => branch.length > 0);
      const best = branches.sort((a, b) => a.length - b.length)[0];
      if (!best) return [{ path, text: "does not match any allowed shape" }];
      const branchRoot = "input" in issue ? issue.input : valueAt(root, path);
      return best.flatMap((sub) =>
        describe(sub, branchRoot, hasRoot || "input" in issue).map((flat) => ({
          path: [...path, ...flat.path],
          text: flat.text,
        })),
      );
    }
    case "invalid_format":
      if (issue.format === "datetime") return [{ path, text: "expected ISO-8601 date-time" }];
      if (issue.format === "regex" || issue.format === "template_literal") {
        if (!issue.message.startsWith("Invalid")) return [{ path, text: issue.message }];
        return [{ path, text: `expected a string matching ${issue.pattern ?? "the pattern"}` }];
      }
      return [{ path, text: `expected ${issue.format}` }];
    case "too_small":
      return [
        { path, text: sizeText(issue, issue.inclusive === false ? "more than" : "at least") },
      ];
    case "too_big":
      return [{ path, text: sizeText(issue, issue.inclusive === false ? "less than" : "at most") }];
    case "not_multiple_of":
      return [{ path, text: `expected a multiple of ${String(issue.divisor)}` }];
    case "unrecognized_keys":
      return [{ path, text: `unknown keys ${issue.keys.map(quote).join(", ")}` }];
    case "invalid_key":
      return [{ path, text: "invalid key" }];
    case "invalid_element":
      return [{ path, text: "invalid element" }];
    default:
      return [{ path, text: issue.message }];
  }
}

/**
 * Turns a zod error into one line per issue, `path: expectation`, joined by `"; "`: the path is
 * joined with dots (array indexes included), the expectation is short (`expected string`,
 * `expected one of "asc" | "desc"`, `required`, `unknown request type "foo"`). Pass the parsed
 * input as `input` (or parse with `{ reportInput: true }`) so that missing keys read `required`.
 *
 * @example
 * const result = schemas.ChatKitRequest.safeParse(json, { reportInput: true });
 * if (!result.success) formatZodError(result.error); // "params.action.type: expected string"
 */
export function formatZodError(error: z.ZodError, ...root: [] | [input: unknown]): string {
  const hasRoot = root.length > 0;
  const input = root[0];
  const lines = error.issues.flatMap((issue) => describe(issue, input, hasRoot));
  const unique = [
    ...new Set(
      lines.map(({ path, text }) =>
        path.length > 0 ? `${path.map(String).join(".")}: ${text}` : text,
      ),
    ),
  ];
  return unique.join("; ");
}

/**
 * Parses `json` with `schema`, never throwing: `{ ok: true, value }` or `{ ok: false, message }`
 * with the message of {@link formatZodError}. Never coerces.
 *
 * @example
 * const result = parseWith(schemas.ThreadItem, json);
 * if (!result.ok) console.error(result.message);
 */
export function parseWith<S extends z.ZodType>(schema: S, json: unknown): ParseResult<z.infer<S>> {
  // Without options first: any option (here `reportInput`) turns off zod's compiled fast path,
  // and a valid request cost six times as much to check. Only a refused one is checked again.
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  const detailed = schema.safeParse(json, { reportInput: true });
  return { ok: false, message: formatZodError(detailed.error ?? result.error, json) };
}

/**
 * Parses a request body (already `JSON.parse`d) into a {@link ChatKitRequest}.
 *
 * @example
 * const result = parseRequest({ type: "threads.custom_action", params: { thread_id: "t", action: { type: 1 } } });
 * // { ok: false, message: "params.action.type: expected string" }
 */
export function parseRequest(json: unknown): ParseResult<ChatKitRequest> {
  return parseWith(ChatKitRequest, json);
}
