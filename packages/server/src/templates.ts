import { readFileSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { schemas, type WidgetRoot } from "@threadkit/core";
import type { ErrorObject, ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { compileJinja } from "./templates/jinja.js";

/** Raised when a `.widget` file is malformed, its data fails the schema, or the output is not a widget. */
export class WidgetTemplateError extends Error {
  override name = "WidgetTemplateError";
}

/** The JSON shape of a ChatKit Widget Builder export (`.widget` file). */
export interface WidgetTemplateDefinition {
  version: "1.0";
  name: string;
  /** A Jinja template that renders to widget JSON. */
  template: string;
  /** JSON Schema for the data passed to {@link WidgetTemplate.build}. */
  jsonSchema?: Record<string, unknown>;
}

// ajv-formats ships CommonJS with `module.exports.default`; normalise both shapes.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

let sharedAjv: Ajv2020 | undefined;
function ajv(): Ajv2020 {
  if (!sharedAjv) {
    sharedAjv = new Ajv2020({ allErrors: true, strict: false, validateSchema: false });
    addFormats(sharedAjv);
  }
  return sharedAjv;
}

/** Drops null props recursively (keeping `children`), as ChatKit's widget serializer does. */
function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (v === null && key !== "children") continue;
      if (v === undefined) continue;
      out[key] = dropNulls(v);
    }
    return out;
  }
  return value;
}

function formatAjvErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((err) => {
      const path = err.instancePath
        .split("/")
        .slice(1)
        .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
        .join(".");
      let where = path || "(root)";
      let message = err.message ?? "is invalid";
      if (err.keyword === "required" && typeof err.params.missingProperty === "string") {
        where = path ? `${path}.${err.params.missingProperty}` : err.params.missingProperty;
        message = "is required";
      } else if (
        err.keyword === "additionalProperties" &&
        typeof err.params.additionalProperty === "string"
      ) {
        where = path ? `${path}.${err.params.additionalProperty}` : err.params.additionalProperty;
        message = "is not allowed";
      }
      return `${where}: ${message}`;
    })
    .join("; ");
}

/**
 * A ChatKit Widget Builder template: a `.widget` file with a Jinja template and a JSON Schema.
 * `build(data)` validates the data against the schema, renders the template (Jinja-compatible,
 * strict about undefined values), parses the JSON and validates it as a widget root.
 *
 * @example
 * const template = WidgetTemplate.fromFile(new URL("./weather.widget", import.meta.url));
 * yield* this.streamWidget(thread, template.build({ city: "Paris", temperature: 21 }));
 */
export class WidgetTemplate {
  readonly version: "1.0";
  readonly name: string;
  readonly template: string;
  readonly jsonSchema: Record<string, unknown> | undefined;
  #validate: ValidateFunction | undefined;
  #compiled: ReturnType<typeof compileJinja> | undefined;

  constructor(definition: WidgetTemplateDefinition) {
    if (!definition || typeof definition !== "object") {
      throw new WidgetTemplateError("A widget template must be a JSON object");
    }
    if (definition.version !== "1.0") {
      throw new WidgetTemplateError(
        `Unsupported widget template version ${JSON.stringify(definition.version)} (expected "1.0")`,
      );
    }
    if (typeof definition.template !== "string") {
      throw new WidgetTemplateError("A widget template needs a string `template`");
    }
    this.version = definition.version;
    this.name = typeof definition.name === "string" ? definition.name : "";
    this.template = definition.template;
    this.jsonSchema =
      definition.jsonSchema && typeof definition.jsonSchema === "object"
        ? definition.jsonSchema
        : undefined;
  }

  /** Parses the text of a `.widget` file. */
  static fromString(json: string): WidgetTemplate {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (err) {
      throw new WidgetTemplateError(`Widget template is not valid JSON: ${(err as Error).message}`);
    }
    return new WidgetTemplate(parsed as WidgetTemplateDefinition);
  }

  /**
   * Loads a `.widget` file. A relative string path resolves against `process.cwd()`; pass a
   * `URL` built from `import.meta.url` to resolve against the calling module, as ChatKit does.
   */
  static fromFile(path: string | URL): WidgetTemplate {
    const file =
      typeof path === "string" && !isAbsolute(path) ? resolve(process.cwd(), path) : path;
    return WidgetTemplate.fromString(readFileSync(file, "utf8"));
  }

  /** Validates `data` against the template's JSON Schema; throws {@link WidgetTemplateError}. */
  validateData(data: unknown): void {
    if (!this.jsonSchema) return;
    if (!this.#validate) {
      const { $schema: _ignored, ...schema } = this.jsonSchema;
      try {
        this.#validate = ajv().compile(schema);
      } catch (err) {
        throw new WidgetTemplateError(
          `Widget template "${this.name}" has an invalid jsonSchema: ${(err as Error).message}`,
        );
      }
    }
    if (!this.#validate(data)) {
      throw new WidgetTemplateError(
        `Invalid data for widget template "${this.name}": ${formatAjvErrors(this.#validate.errors)}`,
      );
    }
  }

  /** Renders the template to its JSON text (no validation of the output). */
  render(data: Record<string, unknown> = {}): string {
    try {
      if (!this.#compiled) this.#compiled = compileJinja(this.template);
      return this.#compiled.render(data);
    } catch (err) {
      throw new WidgetTemplateError(
        `Widget template "${this.name}" failed to render: ${(err as Error).message}`,
      );
    }
  }

  /** Validates `data`, renders, parses and validates the widget. Null props are dropped. */
  build(data?: Record<string, unknown> | null): WidgetRoot {
    const input = data ?? {};
    this.validateData(input);
    const text = this.render(input);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new WidgetTemplateError(
        `Widget template "${this.name}" did not render valid JSON: ${(err as Error).message}`,
      );
    }
    const widget = dropNulls(json);
    const result = schemas.WidgetRoot.safeParse(widget);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue?.path.length ? issue.path.join(".") : "(root)";
      throw new WidgetTemplateError(
        `Widget template "${this.name}" rendered an invalid widget: ${where}: ${issue?.message ?? "invalid"}`,
      );
    }
    return widget as WidgetRoot;
  }
}
