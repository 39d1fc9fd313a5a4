/**
 * The element's user-facing strings added for scrolling, focus, announcements and errors, kept
 * in one object so they move into the i18n module as translation keys in one step.
 */
export const messages = {
  /** Announced after a widget action that changed a widget but added no reply. */
  widgetUpdated: (title: string | undefined) => (title ? `${title} updated` : "Updated"),
  /** The close button of an error row. */
  dismissError: "Dismiss",
  /** The generic text of an error whose message is not meant for people. */
  genericError: "Something went wrong. Please try again.",
  /** A request that could not reach the server. */
  networkError: "Could not reach the server. Check your connection and try again.",
  /** A thread that is gone (deleted, or not this user's). */
  threadNotFound: "This conversation could not be found.",
  /** The accessible name of the conversation's scrolling region. */
  conversation: "Conversation",
} as const;
