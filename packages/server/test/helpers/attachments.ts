import type { Attachment } from "@threadkit/core";
import { generateId, type ServerAttachmentStore } from "@threadkit/server";
import type { Ctx } from "./server.js";

/** An attachment store that records calls; attachments carry private metadata. */
export class FakeAttachmentStore implements ServerAttachmentStore<Ctx> {
  readonly deleted: string[] = [];

  async createAttachment(
    params: { name: string; size: number; mime_type: string },
    _context: Ctx,
  ): Promise<Attachment> {
    const id = generateId("attachment");
    const base = {
      id,
      name: params.name,
      mime_type: params.mime_type,
      upload_descriptor: { url: `http://test/upload/${id}`, method: "PUT", headers: {} },
      metadata: { secret: "server-only" },
    };
    if (params.mime_type.startsWith("image/")) {
      return { ...base, type: "image", preview_url: `http://test/preview/${id}` } as Attachment;
    }
    return { ...base, type: "file" } as Attachment;
  }

  async deleteAttachment(attachmentId: string, _context: Ctx): Promise<void> {
    this.deleted.push(attachmentId);
  }
}
