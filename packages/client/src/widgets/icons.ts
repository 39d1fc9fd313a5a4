/**
 * A compact inline-SVG icon set for ChatKit's icon names (24px grid, 1.75px strokes).
 * Unknown names, `lucide:` and `vendor:` icons render as a neutral dot.
 */
import { html } from "lit";

const C = "M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z";
const PENCIL = "M4 20h4L19 9l-4-4L4 16zM14 6l4 4";
const DOC = "M7 3h7l5 5v12a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zM14 3v5h5";
const USER = "M12 4a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM4.5 20c1.4-3.3 4.2-5 7.5-5s6.1 1.7 7.5 5";
const STAR = "M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.9l-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z";
const SPARK = "M12 3l1.8 5.2L19 10l-5.2 1.8L12 17l-1.8-5.2L5 10l5.2-1.8z";
const BOOK = "M3 5h6a3 3 0 0 1 3 3v12a2 2 0 0 0-2-2H3zM21 5h-6a3 3 0 0 0-3 3v12a2 2 0 0 1 2-2h7z";
const IMAGE = "M4 4h16v16H4zM4 16l5-5 4 4 3-3 4 4M15 8.5h.01";

const PATHS: Record<string, string> = {
  agent: "M6 8h12v10H6zM12 8V5M12 4h.01M9.5 13h.01M14.5 13h.01M3 12v3M21 12v3",
  analytics: "M4 20h16M7 16v-5M12 16V7M17 16v-8",
  atom: `${C}M12 11.9h.01M4.5 7.5c3 5 9 9 15 9M19.5 7.5c-3 5-9 9-15 9`,
  batch: "M4 8h16v12H4zM6 5h12M8 2h8",
  bolt: "M13 3L5 14h6l-1 7 8-11h-6z",
  "book-open": BOOK,
  "book-closed": "M6 3h12v18H6a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zM4 17a2 2 0 0 1 2-2h12",
  "book-clock": BOOK,
  bug: "M8 9h8v6a4 4 0 0 1-8 0zM9 9V7a3 3 0 0 1 6 0v2M4 13h4M16 13h4M5 8l3 2M19 8l-3 2M5 19l3-2M19 19l-3-2",
  calendar:
    "M4 7a2 2 0 0 1 2-2h12a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2zM4 10h16M8 3v4M16 3v4",
  chart: "M4 20h16M7 16v-5M12 16V7M17 16v-8",
  check: "M5 12.5l4.5 4.5L19 7.5",
  "check-circle": `${C}M8 12.5l3 3 5-6`,
  "check-circle-filled": `${C}M8 12.5l3 3 5-6`,
  "chevron-left": "M15 6l-6 6 6 6",
  "chevron-right": "M9 6l6 6-6 6",
  "chevron-down": "M6 9l6 6 6-6",
  "circle-question": `${C}M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .8-1 1.4v.3M12 17h.01`,
  clock: `${C}M12 7v5l3 2`,
  compass: `${C}M15.5 8.5l-2 5-5 2 2-5z`,
  confetti: "M4 20l4-11 7 7zM14 4v2M18 6l-1.5 1.5M20 10h-2M15 9l3-3",
  cube: "M12 3l8 4.5v9L12 21l-8-4.5v-9zM4 7.5l8 4.5 8-4.5M12 12v9",
  desktop: "M3 5h18v11H3zM8 20h8M12 16v4",
  document: DOC,
  "dots-horizontal": "M5 12h.01M12 12h.01M19 12h.01",
  "dots-vertical": "M12 5h.01M12 12h.01M12 19h.01",
  "empty-circle": C,
  "external-link": "M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5",
  globe: `${C}M3 12h18M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9c-2.5-2.5-3.5-5.5-3.5-9s1-6.5 3.5-9z`,
  images: IMAGE,
  info: `${C}M12 11v5M12 8h.01`,
  keys: "M15 4a5 5 0 1 0 0 10 5 5 0 0 0 0-10zM11.5 12.5L4 20M6.5 17.5l2 2M15 8.5h.01",
  lab: "M9 3h6M10 3v6l-5 9a2 2 0 0 0 1.7 3h10.6a2 2 0 0 0 1.7-3l-5-9V3M7 15h10",
  lifesaver: `${C}M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM5.6 5.6l3.6 3.6M14.8 14.8l3.6 3.6M18.4 5.6l-3.6 3.6M9.2 14.8l-3.6 3.6`,
  lightbulb:
    "M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3z",
  mail: "M4 6h16v12H4zM4 7l8 6 8-6",
  "map-pin":
    "M12 21s-7-6.2-7-11a7 7 0 0 1 14 0c0 4.8-7 11-7 11zM12 7.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z",
  maps: "M9 4L3 6v14l6-2 6 2 6-2V4l-6 2zM9 4v14M15 6v14",
  mobile: "M8 3h8a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H8a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zM11 18h2",
  name: "M4 6h16v12H4zM8 10h4M8 14h8",
  notebook: "M6 3h12v18H6zM9 3v18M12 8h4M12 12h4",
  "notebook-pencil": PENCIL,
  "page-blank": DOC,
  phone:
    "M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a1 1 0 0 1-1 1A16 16 0 0 1 4 5a1 1 0 0 1 1-1z",
  play: "M8 5v14l11-7z",
  plus: "M12 5v14M5 12h14",
  profile: USER,
  "profile-card":
    "M3 5h18v14H3zM9 9a2 2 0 1 0 0 4 2 2 0 0 0 0-4zM5.5 17c.6-1.5 2-2.5 3.5-2.5s2.9 1 3.5 2.5M15 10h3M15 14h3",
  reload: "M20 11a8 8 0 1 0-2.3 5.7M20 4v7h-7",
  search: "M11 4a7 7 0 1 0 0 14 7 7 0 0 0 0-14zM20 20l-4-4",
  "settings-slider": "M4 7h10M18 7h2M4 17h2M10 17h10M16 5v4M8 15v4",
  sparkle: SPARK,
  "sparkle-double":
    "M10 4l1.5 4.5L16 10l-4.5 1.5L10 16l-1.5-4.5L4 10l4.5-1.5zM18 14l.8 2.2L21 17l-2.2.8L18 20l-.8-2.2L15 17l2.2-.8z",
  "square-code": "M4 4h16v16H4zM10 9l-3 3 3 3M14 9l3 3-3 3",
  "square-image": IMAGE,
  "square-text": "M4 4h16v16H4zM8 9h8M8 13h8M8 17h5",
  star: STAR,
  "star-filled": STAR,
  suitcase: "M4 8h16v11H4zM9 8V5h6v3M4 13h16",
  user: USER,
  wreath: "M7 4c-3 3-3 10 1 14M17 4c3 3 3 10-1 14M8 18l4 2 4-2",
  write: PENCIL,
  "write-alt": PENCIL,
  "write-alt2": PENCIL,
};

const FILLED = new Set(["star-filled", "play"]);

/**
 * Whether `name` is in the built-in set (otherwise {@link icon} draws a dot).
 *
 * @example
 * ```ts
 * hasIcon("check"); // true
 * hasIcon("lucide:anchor"); // false
 * ```
 */
export const hasIcon = (name: string): boolean => name in PATHS;

/**
 * The SVG of icon `name`, decorative (`aria-hidden`), sized by CSS class `icon`.
 *
 * @example
 * ```ts
 * html`<span>${icon("check", "icon size-sm")}</span>`;
 * ```
 */
export function icon(name: string, className = "icon") {
  const d = PATHS[name];
  if (!d) {
    return html`<svg class=${className} viewBox="0 0 24 24" aria-hidden="true" data-icon="dot"><circle cx="12" cy="12" r="4" fill="currentColor"/></svg>`;
  }
  const filled = FILLED.has(name);
  return html`<svg class=${className} viewBox="0 0 24 24" aria-hidden="true" data-icon=${name} fill=${filled ? "currentColor" : "none"} stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round"><path d=${d} /></svg>`;
}
