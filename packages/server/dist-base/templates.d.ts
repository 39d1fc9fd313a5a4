import { type WidgetRoot } from "@threadkit/core";
/** Raised when a `.widget` file is malformed, its data fails the schema, or the output is not a widget. */
export declare class WidgetTemplateError extends Error {
    name: string;
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
/**
 * A ChatKit Widget Builder template: a `.widget` file with a Jinja template and a JSON Schema.
 * `build(data)` validates the data against the schema, renders the template (Jinja-compatible,
 * strict about undefined values), parses the JSON and validates it as a widget root.
 *
 * @example
 * const template = WidgetTemplate.fromFile(new URL("./weather.widget", import.meta.url));
 * yield* this.streamWidget(thread, template.build({ city: "Paris", temperature: 21 }));
 */
export declare class WidgetTemplate {
    #private;
    readonly version: "1.0";
    readonly name: string;
    readonly template: string;
    readonly jsonSchema: Record<string, unknown> | undefined;
    constructor(definition: WidgetTemplateDefinition);
    /** Parses the text of a `.widget` file. */
    static fromString(json: string): WidgetTemplate;
    /**
     * Loads a `.widget` file. A relative string path resolves against `process.cwd()`; pass a
     * `URL` built from `import.meta.url` to resolve against the calling module, as ChatKit does.
     */
    static fromFile(path: string | URL): WidgetTemplate;
    /** Validates `data` against the template's JSON Schema; throws {@link WidgetTemplateError}. */
    validateData(data: unknown): void;
    /** Renders the template to its JSON text (no validation of the output). */
    render(data?: Record<string, unknown>): string;
    /** Validates `data`, renders, parses and validates the widget. Null props are dropped. */
    build(data?: Record<string, unknown> | null): WidgetRoot;
}
//# sourceMappingURL=templates.d.ts.map