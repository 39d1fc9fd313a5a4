/**
 * The entry of the split bundle (`dist/lazy/threadkit.js`): defines `<threadkit-chat>` and loads
 * the rarely used parts (the Chart renderer with d3-shape, the history panel) on first use, from
 * chunks next to it. `dist/threadkit.js` is the one-file build of the whole library API.
 */
export { ThreadkitChat } from "./element.js";
