import { applyItemUpdate } from "@threadkit/core";
/**
 * The items a run had started but not finished, rebuilt from its logged events with the
 * pipeline's rules (`added` opens an item, `updated` changes it, `done`/`replaced`/`removed` close
 * it): what an instance that finalises a dead owner's run saves as the partial reply.
 *
 * @example
 * const partial = pendingItemsOf(await log.read(runId, 0, 100_000));
 */
export function pendingItemsOf(entries) {
    const pending = new Map();
    for (const entry of entries) {
        if (entry.end)
            continue;
        let event;
        try {
            event = JSON.parse(entry.data);
        }
        catch {
            continue;
        }
        switch (event.type) {
            case "thread.item.added":
                pending.set(event.item.id, event.item);
                break;
            case "thread.item.updated": {
                const item = pending.get(event.item_id);
                if (item)
                    pending.set(event.item_id, applyItemUpdate(item, event.update));
                break;
            }
            case "thread.item.done":
            case "thread.item.replaced":
                pending.delete(event.item.id);
                break;
            case "thread.item.removed":
                pending.delete(event.item_id);
                break;
        }
    }
    return [...pending.values()];
}
//# sourceMappingURL=pending.js.map