import type { Annotation, AssistantMessageContent } from "@threadkit/core";
/** A Responses API `file_citation` annotation. */
export interface FileCitation {
    type: "file_citation";
    file_id?: string;
    filename?: string | null;
    index?: number;
}
/** A Responses API `container_file_citation` annotation. */
export interface ContainerFileCitation {
    type: "container_file_citation";
    container_id?: string;
    file_id?: string;
    filename?: string | null;
    start_index?: number;
    end_index?: number;
}
/** A Responses API `url_citation` annotation. */
export interface UrlCitation {
    type: "url_citation";
    url: string;
    title?: string | null;
    start_index?: number;
    end_index?: number;
}
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
export declare class ResponseStreamConverter {
    /** The `partial_images` setting of the image generation tool, for progress; 0 when unset. */
    partialImages: number;
    constructor(options?: {
        partialImages?: number | null;
    });
    /** A URL for a generated image (final, or a partial one with its index). */
    base64ImageToUrl(_imageId: string, base64Image: string, _partialImageIndex?: number | null): Promise<string>;
    /** Progress (0..1) of the partial image with this index: `index / partialImages`, at most 1. */
    partialImageIndexToProgress(partialImageIndex: number): number;
    /** A file citation as a file source at the citation's `index`; dropped without a filename. */
    fileCitationToAnnotation(citation: FileCitation): Promise<Annotation | null>;
    /** A container file citation as a file source at its `end_index`; dropped without a filename. */
    containerFileCitationToAnnotation(citation: ContainerFileCitation): Promise<Annotation | null>;
    /** A URL citation as a URL source at its `end_index`. */
    urlCitationToAnnotation(citation: UrlCitation): Promise<Annotation | null>;
}
/**
 * Converts a raw Responses API annotation (typed object or plain JSON) with `converter`; `null`
 * for kinds ChatKit does not show (`file_path`) or that the converter drops.
 */
export declare function convertAnnotation(raw: unknown, converter: ResponseStreamConverter): Promise<Annotation | null>;
/**
 * Converts a Responses API message content part (`output_text` with annotations, or `refusal`)
 * to ChatKit assistant content.
 */
export declare function convertContent(raw: unknown, converter: ResponseStreamConverter): Promise<AssistantMessageContent>;
//# sourceMappingURL=response-converter.d.ts.map