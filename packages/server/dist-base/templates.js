import { readFileSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { schemas } from "@threadkit/core";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { compileJinja } from "./templates/jinja.js";
/** Raised when a `.widget` file is malformed, its data fails the schema, or the output is not a widget. */
export class WidgetTemplateError extends Error {
    name = "WidgetTemplateError";
}
// ajv-formats ships CommonJS with `module.exports.default`; normalise both shapes.
const addFormats = (addFormatsModule.default ??
    addFormatsModule);
let sharedAjv;
function ajv() {
    if (!sharedAjv) {
        sharedAjv = new Ajv2020({ allErrors: true, strict: false, validateSchema: false });
        addFormats(sharedAjv);
    }
    return sharedAjv;
}
/** Drops null props recursively (keeping `children`), as ChatKit's widget serializer does. */
function dropNulls(value) {
    if (Array.isArray(value))
        return value.map(dropNulls);
    if (value !== null && typeof value === "object") {
        const out = {};
        for (const [key, v] of Object.entries(value)) {
            if (v === null && key !== "children")
                continue;
            if (v === undefined)
                continue;
            out[key] = dropNulls(v);
        }
        return out;
    }
    return value;
}
function formatAjvErrors(errors) {
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
        }
        else if (err.keyword === "additionalProperties" &&
            typeof err.params.additionalProperty === "string") {
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
    version;
    name;
    template;
    jsonSchema;
    #validate;
    #compiled;
    constructor(definition) {
        if (!definition || typeof definition !== "object") {
            throw new WidgetTemplateError("A widget template must be a JSON object");
        }
        if (definition.version !== "1.0") {
            throw new WidgetTemplateError(`Unsupported widget template version ${JSON.stringify(definition.version)} (expected "1.0")`);
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
    static fromString(json) {
        let parsed;
        try {
            parsed = JSON.parse(json);
        }
        catch (err) {
            throw new WidgetTemplateError(`Widget template is not valid JSON: ${err.message}`);
        }
        return new WidgetTemplate(parsed);
    }
    /**
     * Loads a `.widget` file. A relative string path resolves against `process.cwd()`; pass a
     * `URL` built from `import.meta.url` to resolve against the calling module, as ChatKit does.
     */
    static fromFile(path) {
        const file = typeof path === "string" && !isAbsolute(path) ? resolve(process.cwd(), path) : path;
        return WidgetTemplate.fromString(readFileSync(file, "utf8"));
    }
    /** Validates `data` against the template's JSON Schema; throws {@link WidgetTemplateError}. */
    validateData(data) {
        if (!this.jsonSchema)
            return;
        if (!this.#validate) {
            const { $schema: _ignored, ...schema } = this.jsonSchema;
            try {
                this.#validate = ajv().compile(schema);
            }
            catch (err) {
                throw new WidgetTemplateError(`Widget template "${this.name}" has an invalid jsonSchema: ${err.message}`);
            }
        }
        if (!this.#validate(data)) {
            throw new WidgetTemplateError(`Invalid data for widget template "${this.name}": ${formatAjvErrors(this.#validate.errors)}`);
        }
    }
    /** Renders the template to its JSON text (no validation of the output). */
    render(data = {}) {
        try {
            if (!this.#compiled)
                this.#compiled = compileJinja(this.template);
            return this.#compiled.render(data);
        }
        catch (err) {
            throw new WidgetTemplateError(`Widget template "${this.name}" failed to render: ${err.message}`);
        }
    }
    /** Validates `data`, renders, parses and validates the widget. Null props are dropped. */
    build(data) {
        const input = data ?? {};
        this.validateData(input);
        const text = this.render(input);
        let json;
        try {
            json = JSON.parse(text);
        }
        catch (err) {
            throw new WidgetTemplateError(`Widget template "${this.name}" did not render valid JSON: ${err.message}`);
        }
        const widget = dropNulls(json);
        const result = schemas.WidgetRoot.safeParse(widget);
        if (!result.success) {
            const issue = result.error.issues[0];
            const where = issue?.path.length ? issue.path.join(".") : "(root)";
            throw new WidgetTemplateError(`Widget template "${this.name}" rendered an invalid widget: ${where}: ${issue?.message ?? "invalid"}`);
        }
        return widget;
    }
}
//# sourceMappingURL=templates.js.map