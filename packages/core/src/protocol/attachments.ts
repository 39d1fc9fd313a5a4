import { z } from "zod";
import { JsonObject } from "./common.js";

/**
 * An absolute http(s) URL, as ChatKit's models require for upload and preview URLs (a relative
 * path such as `/uploads/1` is refused).
 * @example AbsoluteUrl.parse("https://chat.example/uploads/atc_1");
 */
export const AbsoluteUrl = z.string().refine(
  // Scheme, a non-empty authority, then an optional path/query/fragment; no whitespace.
  (value) => /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i.test(value),
  { message: "expected an absolute http(s) URL" },
);

/**
 * Where and how the client uploads an attachment's bytes (two-phase upload).
 * @example UploadDescriptor.parse({ url: "https://up.example/1", method: "PUT", headers: {} });
 */
export const UploadDescriptor = z.object({
  url: AbsoluteUrl,
  method: z.enum(["POST", "PUT"]),
  headers: z.record(z.string(), z.string()).default(() => ({})),
});
/** @example const d: UploadDescriptor = { url: "https://chat.example/upload/1", method: "POST", headers: {} }; */
export type UploadDescriptor = z.infer<typeof UploadDescriptor>;

const AttachmentBase = z.object({
  id: z.string(),
  name: z.string(),
  mime_type: z.string(),
  upload_descriptor: UploadDescriptor.nullish(),
  thread_id: z.string().nullish(),
  /** Integration-private data: kept server-side, never serialised (see `serialize`). */
  metadata: JsonObject.nullish(),
});

/**
 * A non-image file attachment.
 * @example FileAttachment.parse({ type: "file", id: "atc_1", name: "a.txt", mime_type: "text/plain" });
 */
export const FileAttachment = AttachmentBase.extend({ type: z.literal("file") });
/** @example const a: FileAttachment = { type: "file", id: "atc_1", name: "a.txt", mime_type: "text/plain" }; */
export type FileAttachment = z.infer<typeof FileAttachment>;

/**
 * An image attachment with a preview URL.
 * @example ImageAttachment.parse({ type: "image", id: "atc_2", name: "p.png", mime_type: "image/png", preview_url: "https://x/p.png" });
 */
export const ImageAttachment = AttachmentBase.extend({
  type: z.literal("image"),
  preview_url: AbsoluteUrl,
});
/** @example const a: ImageAttachment = { type: "image", id: "atc_2", name: "p.png", mime_type: "image/png", preview_url: "https://x/p.png" }; */
export type ImageAttachment = z.infer<typeof ImageAttachment>;

/**
 * An attachment, discriminated by `type` (`file` | `image`).
 * @example Attachment.parse({ type: "file", id: "atc_1", name: "a.txt", mime_type: "text/plain" });
 */
export const Attachment = z.discriminatedUnion("type", [FileAttachment, ImageAttachment]);
/** @example const a: Attachment = { type: "file", id: "atc_1", name: "a.txt", mime_type: "text/plain" }; */
export type Attachment = z.infer<typeof Attachment>;
