import { en } from "./i18n/en.js";
import type { ChatKitOptions } from "./types.js";

/**
 * Thrown by `setOptions` when the options have the wrong shape. The message lists every problem
 * with its path, e.g. `ChatKit.setOptions(): ✖ expected a string → at api.url`.
 *
 * @example
 * ```ts
 * try { el.setOptions({} as ChatKitOptions); } catch (e) { if (e instanceof InvalidOptionsError) console.log(e.issues); }
 * ```
 */
export class InvalidOptionsError extends Error {
  /** One entry per problem: `{ path, message }`. */
  readonly issues: { path: string; message: string }[];
  constructor(issues: { path: string; message: string }[]) {
    super(
      `ChatKit.setOptions(): ${issues.map((i) => `✖ ${i.message}${i.path ? ` → at ${i.path}` : ""}`).join("; ")}`,
    );
    this.name = "InvalidOptionsError";
    this.issues = issues;
  }
}

type Check = (value: unknown, path: string, issues: { path: string; message: string }[]) => void;

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const str: Check = (v, p, out) => {
  if (typeof v !== "string") out.push({ path: p, message: "expected a string" });
};
const bool: Check = (v, p, out) => {
  if (typeof v !== "boolean") out.push({ path: p, message: "expected a boolean" });
};
const fn: Check = (v, p, out) => {
  if (typeof v !== "function") out.push({ path: p, message: "expected a function" });
};
const num: Check = (v, p, out) => {
  if (typeof v !== "number" || Number.isNaN(v)) out.push({ path: p, message: "expected a number" });
};
const oneOf =
  (...values: unknown[]): Check =>
  (v, p, out) => {
    if (!values.includes(v))
      out.push({
        path: p,
        message: `expected one of ${values.map((x) => JSON.stringify(x)).join(", ")}`,
      });
  };
const any: Check = () => {};
const array =
  (item: Check): Check =>
  (v, p, out) => {
    if (!Array.isArray(v)) out.push({ path: p, message: "expected an array" });
    else
      v.forEach((x, i) => {
        item(x, `${p}[${i}]`, out);
      });
  };
const either =
  (...checks: Check[]): Check =>
  (v, p, out) => {
    const results = checks.map((c) => {
      const local: { path: string; message: string }[] = [];
      c(v, p, local);
      return local;
    });
    if (results.every((r) => r.length > 0)) out.push(...(results[results.length - 1] ?? []));
  };
/** An object with known keys; unknown keys are rejected like the official element does. */
const obj =
  (shape: Record<string, Check>, required: string[] = []): Check =>
  (v, p, out) => {
    if (!isObj(v)) {
      out.push({ path: p, message: "expected an object" });
      return;
    }
    for (const key of required)
      if (v[key] === undefined) out.push({ path: join(p, key), message: "required" });
    for (const [key, value] of Object.entries(v)) {
      const check = shape[key];
      if (!check) out.push({ path: p, message: `Unrecognized key: "${key}"` });
      else if (value !== undefined) check(value, join(p, key), out);
    }
  };
const join = (p: string, k: string) => (p ? `${p}.${k}` : k);
const record =
  (item: Check): Check =>
  (v, p, out) => {
    if (!isObj(v)) out.push({ path: p, message: "expected an object" });
    else for (const [k, x] of Object.entries(v)) item(x, join(p, k), out);
  };

const headerAction = obj({ icon: str, onClick: fn }, ["icon", "onClick"]);
const theme = either(
  oneOf("light", "dark"),
  obj({
    colorScheme: oneOf("light", "dark"),
    radius: oneOf("pill", "round", "soft", "sharp"),
    density: oneOf("compact", "normal", "spacious"),
    typography: obj({
      baseSize: oneOf(14, 15, 16, 17, 18),
      fontFamily: str,
      fontFamilyMono: str,
      fontSources: array(
        obj(
          {
            family: str,
            src: str,
            weight: either(str, num),
            style: oneOf("normal", "italic", "oblique"),
            display: oneOf("auto", "block", "swap", "fallback", "optional"),
            unicodeRange: str,
          },
          ["family", "src"],
        ),
      ),
    }),
    color: obj({
      grayscale: obj({ hue: num, tint: num, shade: num }, ["hue", "tint"]),
      accent: obj({ primary: str, level: oneOf(0, 1, 2, 3) }, ["primary"]),
      surface: obj({ background: str, foreground: str }, ["background", "foreground"]),
    }),
  }),
);

const schema: Check = obj(
  {
    api: obj(
      {
        url: str,
        fetch: fn,
        domainKey: str,
        uploadStrategy: either(
          obj({ type: oneOf("two_phase") }, ["type"]),
          obj({ type: oneOf("direct"), uploadUrl: str }, ["type", "uploadUrl"]),
        ),
      },
      ["url"],
    ),
    locale: str,
    strings: obj(Object.fromEntries(Object.keys(en).map((key) => [key, str]))),
    theme,
    frameTitle: str,
    initialThread: either(oneOf(null), str),
    onClientTool: fn,
    header: obj({
      enabled: bool,
      title: obj({ enabled: bool, text: str }),
      leftAction: headerAction,
      rightAction: headerAction,
    }),
    history: obj({ enabled: bool, showDelete: bool, showRename: bool }),
    startScreen: obj({
      greeting: str,
      prompts: array(
        obj({ label: str, prompt: either(str, array(any)), icon: str }, ["label", "prompt"]),
      ),
    }),
    threadItemActions: obj({ feedback: bool, retry: bool }),
    composer: obj({
      placeholder: str,
      attachments: obj(
        { enabled: bool, maxSize: either(num, record(num)), maxCount: num, accept: any },
        ["enabled"],
      ),
      tools: array(
        obj(
          {
            id: str,
            label: str,
            icon: str,
            shortLabel: str,
            placeholderOverride: str,
            pinned: bool,
            persistent: bool,
          },
          ["id", "label"],
        ),
      ),
      models: array(
        obj({ id: str, label: str, description: str, disabled: bool, default: bool }, [
          "id",
          "label",
        ]),
      ),
      dictation: obj({ enabled: bool }, ["enabled"]),
    }),
    disclaimer: obj({ text: str, highContrast: bool }, ["text"]),
    widgets: obj({ onAction: fn }),
    thread: obj({ autoScroll: bool }),
    entities: obj({ onTagSearch: fn, showComposerMenu: bool, onClick: fn, onRequestPreview: fn }),
    commands: obj({ enabled: bool, onSearch: fn, onSelect: fn }, ["enabled"]),
  },
  ["api"],
);

/**
 * Checks an options object and returns it typed; throws {@link InvalidOptionsError} listing every
 * problem (wrong types, missing `api.url`, unrecognized keys).
 *
 * @example
 * ```ts
 * const options = validateOptions({ api: { url: "/chatkit" } });
 * ```
 */
export function validateOptions(value: unknown): ChatKitOptions {
  const issues: { path: string; message: string }[] = [];
  schema(value, "", issues);
  if (issues.length > 0) throw new InvalidOptionsError(issues);
  return value as unknown as ChatKitOptions;
}
