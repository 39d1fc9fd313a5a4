/**
 * Entity tags in the composer: an inserted entity is written into the text as `@Title` and
 * remembered; on send, each remembered `@Title` still present becomes an `input_tag` part in its
 * place, the text around it `input_text` parts (the official composer's tags, in a textarea).
 */
import type { UserMessageContentInput } from "@threadkit/core";
import type { Entity } from "../types.js";

/** The composer text of an entity tag. */
export const tagToken = (entity: Pick<Entity, "title">) => `@${entity.title}`;

/**
 * `text` as content parts, with the remembered tags (token → entity) as `input_tag`s.
 *
 * @example
 * tagContent("ask @Ada now", new Map([["@Ada", { id: "u1", title: "Ada" }]]));
 * // [{type:"input_text",text:"ask "},{type:"input_tag",id:"u1",text:"Ada",...},{type:"input_text",text:" now"}]
 */
export function tagContent(
  text: string,
  tags: ReadonlyMap<string, Entity>,
): UserMessageContentInput[] {
  const parts: UserMessageContentInput[] = [];
  // Longest tokens first, so "@Ada Lovelace" wins over "@Ada".
  const tokens = [...tags.keys()].sort((a, b) => b.length - a.length);
  let rest = text;
  while (rest) {
    let at = -1;
    let token = "";
    for (const t of tokens) {
      const i = rest.indexOf(t);
      if (i !== -1 && (at === -1 || i < at)) [at, token] = [i, t];
    }
    if (at === -1) break;
    if (at > 0) parts.push({ type: "input_text", text: rest.slice(0, at) });
    const entity = tags.get(token) as Entity;
    parts.push({
      type: "input_tag",
      id: entity.id,
      text: entity.title,
      ...(entity.group !== undefined ? { group: entity.group } : {}),
      interactive: entity.interactive ?? false,
      data: entity.data ?? {},
    });
    rest = rest.slice(at + token.length);
  }
  if (rest || parts.length === 0) parts.push({ type: "input_text", text: rest });
  return parts;
}
