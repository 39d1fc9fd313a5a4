import type { Annotation, AssistantMessageContent } from "@threadkit/core";
import { list, num, record, str } from "./raw.js";

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
export class ResponseStreamConverter {
  /** The `partial_images` setting of the image generation tool, for progress; 0 when unset. */
  partialImages: number;

  constructor(options: { partialImages?: number | null } = {}) {
    this.partialImages = options.partialImages ?? 0;
  }

  /** A URL for a generated image (final, or a partial one with its index). */
  async base64ImageToUrl(
    _imageId: string,
    base64Image: string,
    _partialImageIndex?: number | null,
  ): Promise<string> {
    return `data:image/png;base64,${base64Image}`;
  }

  /** Progress (0..1) of the partial image with this index: `index / partialImages`, at most 1. */
  partialImageIndexToProgress(partialImageIndex: number): number {
    if (this.partialImages <= 0) return 0;
    return Math.min(1, partialImageIndex / this.partialImages);
  }

  /** A file citation as a file source at the citation's `index`; dropped without a filename. */
  async fileCitationToAnnotation(citation: FileCitation): Promise<Annotation | null> {
    if (!citation.filename) return null;
    return fileAnnotation(citation.filename, citation.index);
  }

  /** A container file citation as a file source at its `end_index`; dropped without a filename. */
  async containerFileCitationToAnnotation(
    citation: ContainerFileCitation,
  ): Promise<Annotation | null> {
    if (!citation.filename) return null;
    return fileAnnotation(citation.filename, citation.end_index);
  }

  /** A URL citation as a URL source at its `end_index`. */
  async urlCitationToAnnotation(citation: UrlCitation): Promise<Annotation | null> {
    return {
      type: "annotation",
      source: { type: "url", url: citation.url, title: citation.title ?? citation.url },
      ...(citation.end_index !== undefined ? { index: citation.end_index } : {}),
    } as Annotation;
  }
}

function fileAnnotation(filename: string, index: number | undefined): Annotation {
  return {
    type: "annotation",
    source: { type: "file", filename, title: filename },
    ...(index !== undefined ? { index } : {}),
  } as Annotation;
}

/**
 * Converts a raw Responses API annotation (typed object or plain JSON) with `converter`; `null`
 * for kinds ChatKit does not show (`file_path`) or that the converter drops.
 */
export async function convertAnnotation(
  raw: unknown,
  converter: ResponseStreamConverter,
): Promise<Annotation | null> {
  const annotation = record(raw);
  if (!annotation) return null;
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
      if (url === undefined) return null;
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
export async function convertContent(
  raw: unknown,
  converter: ResponseStreamConverter,
): Promise<AssistantMessageContent> {
  if (str(raw, "type") === "output_text") {
    const annotations: Annotation[] = [];
    for (const a of list(raw, "annotations")) {
      const converted = await convertAnnotation(a, converter);
      if (converted) annotations.push(converted);
    }
    return { type: "output_text", text: str(raw, "text") ?? "", annotations };
  }
  return { type: "output_text", text: str(raw, "refusal") ?? "", annotations: [] };
}
