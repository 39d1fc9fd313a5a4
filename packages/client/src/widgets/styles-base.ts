/**
 * Base styles of `<tk-widget>`: the design-token variables (light and dark through CSS
 * `light-dark()`, following the inherited `color-scheme`), the widget roots and layout boxes.
 */
import { css } from "lit";

/** Token variables, roots (Card, ListView, Basic), boxes, text and loading states. */
export const baseStyles = css`
  :host {
    display: block;
    min-width: 0;
    --tkw-unit: 4px;
    --tkw-text-prose: var(--tk-fg, light-dark(#0d0d0d, #ececec));
    --tkw-text-primary: var(--tk-fg, light-dark(#0d0d0d, #ffffff));
    --tkw-text-emphasis: light-dark(#0d0d0d, #ffffff);
    --tkw-text-secondary: light-dark(#5d5d5d, #afafaf);
    --tkw-text-tertiary: light-dark(#6b6b6b, #959595);
    --tkw-text-success: light-dark(#006e2b, #40c977);
    --tkw-text-warning: light-dark(#c25700, #ff9e6c);
    --tkw-text-caution: light-dark(#a16207, #f0c24a);
    --tkw-text-danger: light-dark(#d92b27, #ff6764);
    --tkw-text-info: light-dark(#0169cc, #5aa8ff);
    --tkw-text-discovery: light-dark(#8046d9, #b78af8);
    --tkw-surface: light-dark(#ffffff, #262626);
    --tkw-surface-secondary: light-dark(#f9f9f9, #2e2e2e);
    --tkw-surface-tertiary: light-dark(#f3f3f3, #383838);
    --tkw-surface-elevated: light-dark(#ffffff, #303030);
    --tkw-surface-elevated-secondary: light-dark(#f9f9f9, #383838);
    --tkw-border-default: light-dark(rgba(13, 13, 13, 0.1), rgba(255, 255, 255, 0.12));
    --tkw-border-subtle: light-dark(rgba(13, 13, 13, 0.06), rgba(255, 255, 255, 0.07));
    --tkw-border-strong: light-dark(rgba(13, 13, 13, 0.2), rgba(255, 255, 255, 0.24));
    --tkw-hover: light-dark(rgba(13, 13, 13, 0.04), rgba(255, 255, 255, 0.06));
    --tkw-press: light-dark(rgba(13, 13, 13, 0.08), rgba(255, 255, 255, 0.1));
    --tkw-focus: var(--tk-accent, light-dark(#0169cc, #5aa8ff));
    --tkw-radius: var(--tk-radius, 16px);
    --tkw-control-radius: min(var(--tkw-radius), 10px);
    --tkw-primary: var(--tk-accent, light-dark(#0d0d0d, #f3f3f3));
    --tkw-on-primary: var(--tk-accent-fg, light-dark(#ffffff, #0d0d0d));
    font-family: var(
      --tk-font,
      ui-sans-serif,
      -apple-system,
      system-ui,
      "Segoe UI",
      Helvetica,
      Arial,
      sans-serif
    );
    font-size: 16px;
    line-height: 1.5;
    color: var(--tkw-text-primary);
    -webkit-font-smoothing: antialiased;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .root {
    transition: opacity 0.2s ease;
    max-width: 100%;
  }
  .root[aria-busy="true"] {
    opacity: 0.6;
  }
  .theme-light {
    color-scheme: light;
    color: var(--tkw-text-primary);
  }
  .theme-dark {
    color-scheme: dark;
    color: var(--tkw-text-primary);
  }
  .card {
    display: flex;
    flex-direction: column;
    width: 100%;
    max-width: 100%;
    background: var(--tkw-surface);
    border: 1px solid var(--tkw-border-default);
    border-radius: var(--tkw-radius);
    box-shadow: 0 1px 2px light-dark(rgba(0, 0, 0, 0.04), rgba(0, 0, 0, 0.3));
    overflow: hidden;
  }
  .card.size-sm {
    max-width: 360px;
  }
  .card.size-md {
    max-width: 440px;
  }
  .card.size-lg {
    max-width: 600px;
  }
  .card-form {
    display: contents;
  }
  .card-body {
    display: flex;
    flex-direction: column;
    gap: calc(3 * var(--tkw-unit));
    padding: calc(4 * var(--tkw-unit));
    min-width: 0;
  }
  .card-footer {
    display: flex;
    gap: calc(2 * var(--tkw-unit));
    padding: 0 calc(4 * var(--tkw-unit)) calc(4 * var(--tkw-unit));
  }
  .card-footer > * {
    flex: 1 1 0;
  }
  .status {
    display: flex;
    align-items: center;
    gap: calc(1.5 * var(--tkw-unit));
    font-size: 13px;
    line-height: 18px;
    color: var(--tkw-text-secondary);
    padding: calc(3 * var(--tkw-unit)) calc(4 * var(--tkw-unit)) 0;
  }
  .listview > .status {
    padding: 0 calc(1 * var(--tkw-unit)) calc(2 * var(--tkw-unit));
  }
  .status img {
    width: 16px;
    height: 16px;
    border-radius: 4px;
    object-fit: cover;
  }
  .status img.frame {
    border: 1px solid var(--tkw-border-default);
  }
  .collapse-toggle {
    align-self: flex-start;
  }
  .listview {
    display: flex;
    flex-direction: column;
    width: 100%;
    max-width: 100%;
  }
  .listview-items {
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .lvi {
    display: flex;
    flex-direction: row;
    align-items: center;
    gap: calc(3 * var(--tkw-unit));
    padding: calc(2.5 * var(--tkw-unit)) calc(3 * var(--tkw-unit));
    border-radius: var(--tkw-control-radius);
    min-width: 0;
    position: relative;
  }
  .lvi.clickable {
    cursor: pointer;
    transition: background-color 0.12s ease;
  }
  .lvi.clickable:hover {
    background: var(--tkw-hover);
  }
  .lvi.clickable:active {
    background: var(--tkw-press);
  }
  .lvi[aria-disabled="true"] {
    cursor: default;
  }
  .lvi > .spinner {
    margin-inline-start: auto;
  }
  .show-more {
    align-self: flex-start;
    margin: calc(1 * var(--tkw-unit)) calc(1 * var(--tkw-unit)) 0;
  }
  .basic {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  .box {
    display: flex;
    min-width: 0;
  }
  .form {
    display: flex;
    flex-direction: column;
    min-width: 0;
    margin: 0;
  }
  .spacer {
    flex: 1 1 auto;
  }
  .divider {
    border: 0;
    border-top: 1px solid var(--tkw-border-default);
    margin: calc(1 * var(--tkw-unit)) 0;
    align-self: stretch;
  }
  .card-body > .divider.flush {
    margin-inline-start: calc(-4 * var(--tkw-unit));
    margin-inline-end: calc(-4 * var(--tkw-unit));
  }
  :focus-visible {
    outline: 2px solid var(--tkw-focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .spinner {
    display: inline-block;
    width: 1em;
    height: 1em;
    flex: none;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: tkw-spin 0.7s linear infinite;
    opacity: 0.8;
  }
  @keyframes tkw-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 2s;
    }
  }
`;
