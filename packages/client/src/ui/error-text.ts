import type { I18n, MessageKey } from "../i18n/index.js";
import type { ErrorRow } from "../state.js";

const HTTP = /^ChatKit request failed \((\d{3})\)/;
const NETWORK = /failed to fetch|networkerror|load failed|network request failed/i;

/**
 * Sentences the controller writes in English for error rows (refusal notices, interrupted
 * runs), by their English text: shown in the element's language, as gettext keys by source text.
 */
const TRANSLATED: Record<string, MessageKey> = {
  "Too many requests. Please wait a moment and try again.": "tooManyRequests",
  "That is already being done. Please wait for it to finish.": "alreadyInProgress",
  "The reply was interrupted.": "replyInterrupted",
  "The reply was stopped.": "replyStopped",
};

/**
 * The sentence an error row shows. A server's own message for people (an `error` event with a
 * message) is shown as is; failed requests and bare error codes get a short human sentence,
 * since their text (HTTP bodies, exception names) is for developers, who get it through
 * `chatkit.error`.
 *
 * @example
 * ```ts
 * errorText({ code: "request", message: "TypeError: Failed to fetch", allowRetry: true }, t);
 * // "Could not reach the server. Check your connection and try again."
 * ```
 */
export function errorText(error: ErrorRow, t: I18n["t"]): string {
  const message = error.message ?? "";
  // A refused action (stale or forged widget): the server's text names payload keys.
  if (error.code === "action_refused") return t("errorActionRefused");
  if (error.code === "request" || error.code === "load") {
    if (NETWORK.test(message)) return t("errorNetwork");
    const status = Number(HTTP.exec(message)?.[1] ?? 0);
    if (status === 404 && error.code === "load") return t("errorThreadNotFound");
    return t("errorGeneric");
  }
  const known = TRANSLATED[message];
  if (known) return t(known);
  return message || t("errorGeneric");
}
