import { list, num, record, str } from "./raw.js";
/**
 * How model output becomes ChatKit content (ChatKit's `ResponseStreamConverter`). Subclass and
 * override a method to change one conversion: images to URLs (default: a `data:` URL), partial
 * image progress, and each citation kind to an {@link Annotation} (return `null` to drop it).
 *
 * @example
 * class MyConverter extends ResponseStreamConverter {
 *   override async base64ImageToUrl(imageId: string, base64: string) {
 *     return await uploadPng(imageId, base64); // returns an https URL
 *   }
 * }
 * yield* streamAgentResponse(ctx, result, new MyConverter({ partialImages: 3 }));
 */
export class ResponseStreamConverter {
    /** The `partial_images` setting of the image generation tool, for progress; 0 when unset. */
    partialImages;
    constructor(options = {}) {
        this.partialImages = options.partialImages ?? 0;
    }
    /** A URL for a generated image (final, or a partial one with its index). */
    async base64ImageToUrl(_imageId, base64Image, _partialImageIndex) {
        return `data:image/png;base64,${base64Image}`;
    }
    /** Progress (0..1) of the partial image with this index: `index / partialImages`, at most 1. */
    partialImageIndexToProgress(partialImageIndex) {
        if (this.partialImages <= 0)
            return 0;
        return Math.min(1, partialImageIndex / this.partialImages);
    }
    /** A file citation as a file source at the citation's `index`; dropped without a filename. */
    async fileCitationToAnnotation(citation) {
        if (!citation.filename)
            return null;
        return fileAnnotation(citation.filename, citation.index);
    }
    /** A container file citation as a file source at its `end_index`; dropped without a filename. */
    async containerFileCitationToAnnotation(citation) {
        if (!citation.filename)
            return null;
        return fileAnnotation(citation.filename, citation.end_index);
    }
    /** A URL citation as a URL source at its `end_index`. */
    async urlCitationToAnnotation(citation) {
        return {
            type: "annotation",
            source: { type: "url", url: citation.url, title: citation.title ?? citation.url },
            ...(citation.end_index !== undefined ? { index: citation.end_index } : {}),
        };
    }
}
function fileAnnotation(filename, index) {
    return {
        type: "annotation",
        source: { type: "file", filename, title: filename },
        ...(index !== undefined ? { index } : {}),
    };
}
/**
 * Converts a raw Responses API annotation (typed object or plain JSON) with `converter`; `null`
 * for kinds ChatKit does not show (`file_path`) or that the converter drops.
 */
export async function convertAnnotation(raw, converter) {
    const annotation = record(raw);
    if (!annotation)
        return null;
    switch (annotation.type) {
        case "file_citation":
            return converter.fileCitationToAnnotation({
                type: "file_citation",
                file_id: str(annotation, "file_id"),
                filename: str(annotation, "filename") ?? null,
                index: num(annotation, "index"),
            });
        case "container_file_citation":
            return converter.containerFileCitationToAnnotation({
                type: "container_file_citation",
                container_id: str(annotation, "container_id"),
                file_id: str(annotation, "file_id"),
                filename: str(annotation, "filename") ?? null,
                start_index: num(annotation, "start_index"),
                end_index: num(annotation, "end_index"),
            });
        case "url_citation": {
            const url = str(annotation, "url");
            if (url === undefined)
                return null;
            return converter.urlCitationToAnnotation({
                type: "url_citation",
                url,
                title: str(annotation, "title") ?? null,
                start_index: num(annotation, "start_index"),
                end_index: num(annotation, "end_index"),
            });
        }
        default:
            return null;
    }
}
/**
 * Converts a Responses API message content part (`output_text` with annotations, or `refusal`)
 * to ChatKit assistant content.
 */
export async function convertContent(raw, converter) {
    if (str(raw, "type") === "output_text") {
        const annotations = [];
        for (const a of list(raw, "annotations")) {
            const converted = await convertAnnotation(a, converter);
            if (converted)
                annotations.push(converted);
        }
        return { type: "output_text", text: str(raw, "text") ?? "", annotations };
    }
    return { type: "output_text", text: str(raw, "refusal") ?? "", annotations: [] };
}
//# sourceMappingURL=response-converter.js.map