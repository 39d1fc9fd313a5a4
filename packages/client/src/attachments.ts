import type { Attachment } from "@threadkit/core";
import type { Transport } from "./transport.js";
import type { ChatKitOptions } from "./types.js";

/** An attachment in the composer: uploading, ready, or failed. */
export interface ComposerAttachment {
  /** Local key (the attachment id once created). */
  key: string;
  name: string;
  mimeType: string;
  status: "uploading" | "ready" | "error";
  attachment?: Attachment;
  /** Object URL for image thumbnails. */
  previewUrl?: string;
  error?: string;
}

const DEFAULT_MAX_SIZE = 100 * 1024 * 1024;

/** Returns the byte limit for a MIME type (`maxSize` may be a number or a per-pattern map). */
export function maxSizeFor(
  mimeType: string,
  maxSize: number | Record<string, number> | undefined,
): number {
  if (maxSize === undefined) return DEFAULT_MAX_SIZE;
  if (typeof maxSize === "number") return maxSize;
  for (const [pattern, limit] of Object.entries(maxSize)) {
    if (pattern === mimeType) return limit;
    if (pattern.endsWith("/*") && mimeType.startsWith(pattern.slice(0, -1))) return limit;
  }
  return maxSize["*"] ?? maxSize[""] ?? DEFAULT_MAX_SIZE;
}

/** The `accept` attribute for the file input, from the official `accept` map. */
export function acceptAttribute(accept: Record<string, string[]> | undefined): string | undefined {
  if (!accept) return undefined;
  return Object.entries(accept)
    .flatMap(([mime, exts]) => [mime, ...exts])
    .join(",");
}

/**
 * Uploads one file the way ChatKit does. Two-phase (default): `attachments.create {name, size,
 * mime_type}`, then the bytes go to `upload_descriptor.url` with its method and headers. Direct:
 * the file is POSTed as multipart `file` to `uploadUrl` and the response is the attachment.
 *
 * @example
 * ```ts
 * const attachment = await uploadFile(transport, options, file);
 * ```
 */
export async function uploadFile(
  transport: Transport,
  options: ChatKitOptions,
  file: File,
): Promise<Attachment> {
  const doFetch = options.api.fetch ?? globalThis.fetch.bind(globalThis);
  const mimeType = file.type || "application/octet-stream";
  const limit = maxSizeFor(mimeType, options.composer?.attachments?.maxSize);
  if (file.size > limit)
    throw new Error(`${file.name} is larger than ${Math.round(limit / 1024)} KB`);
  const strategy = options.api.uploadStrategy;
  if (strategy?.type === "direct") {
    const form = new FormData();
    form.append("file", file, file.name);
    const res = await doFetch(strategy.uploadUrl, { method: "POST", body: form });
    if (!res.ok) throw new Error(`Upload of ${file.name} failed (${res.status})`);
    return (await res.json()) as Attachment;
  }
  const attachment = await transport.request<Attachment>("attachments.create", {
    name: file.name,
    size: file.size,
    mime_type: mimeType,
  });
  const descriptor = (
    attachment as {
      upload_descriptor?: { url: string; method?: string; headers?: Record<string, string> };
    }
  ).upload_descriptor;
  if (descriptor) {
    const res = await doFetch(descriptor.url, {
      method: descriptor.method ?? "PUT",
      headers: { "Content-Type": mimeType, ...(descriptor.headers ?? {}) },
      body: file,
    });
    if (!res.ok) throw new Error(`Upload of ${file.name} failed (${res.status})`);
  }
  return attachment;
}
