/**
 * Styles for text-like widgets: Text, Title, Caption, Label, Markdown, Badge, Icon and Image.
 */
import { css } from "lit";

/** Typography scale, clamping, streaming caret, badges, icons and images. */
export const textStyles = css`
  .text,
  .title,
  .caption,
  .label {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .text {
    font-size: 16px;
    line-height: 24px;
  }
  .text.size-xs {
    font-size: 12px;
    line-height: 16px;
  }
  .text.size-sm {
    font-size: 14px;
    line-height: 20px;
  }
  .text.size-lg {
    font-size: 18px;
    line-height: 26px;
  }
  .text.size-xl {
    font-size: 20px;
    line-height: 28px;
  }
  .title {
    font-weight: 600;
    font-size: 18px;
    line-height: 24px;
    letter-spacing: -0.01em;
  }
  .title.size-sm {
    font-size: 16px;
    line-height: 22px;
  }
  .title.size-lg {
    font-size: 22px;
    line-height: 28px;
  }
  .title.size-xl {
    font-size: 26px;
    line-height: 32px;
  }
  .title.size-2xl {
    font-size: 30px;
    line-height: 36px;
  }
  .title.size-3xl {
    font-size: 36px;
    line-height: 42px;
  }
  .title.size-4xl {
    font-size: 44px;
    line-height: 50px;
  }
  .title.size-5xl {
    font-size: 52px;
    line-height: 58px;
  }
  .caption {
    font-size: 13px;
    line-height: 18px;
    color: var(--tkw-text-secondary);
  }
  .caption.size-sm {
    font-size: 12px;
    line-height: 16px;
  }
  .caption.size-lg {
    font-size: 14px;
    line-height: 20px;
  }
  .label {
    font-size: 14px;
    line-height: 20px;
    font-weight: 500;
    display: block;
  }
  .w-normal {
    font-weight: 400;
  }
  .w-medium {
    font-weight: 500;
  }
  .w-semibold {
    font-weight: 600;
  }
  .w-bold {
    font-weight: 700;
  }
  .italic {
    font-style: italic;
  }
  .strike {
    text-decoration: line-through;
  }
  .truncate {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .clamp {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .caret::after {
    content: "";
    display: inline-block;
    width: 0.5em;
    height: 1em;
    margin-inline-start: 2px;
    vertical-align: -0.12em;
    border-radius: 2px;
    background: currentColor;
    animation: tkw-blink 1s steps(2, start) infinite;
  }
  @keyframes tkw-blink {
    to {
      visibility: hidden;
    }
  }
  .markdown {
    font-size: 15px;
    line-height: 1.6;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .markdown > :first-child {
    margin-top: 0;
  }
  .markdown > :last-child {
    margin-bottom: 0;
  }
  .markdown p,
  .markdown ul,
  .markdown ol {
    margin: 0.5em 0;
  }
  .markdown ul,
  .markdown ol {
    padding-inline-start: 1.4em;
  }
  .markdown a {
    color: var(--tkw-text-info);
  }
  .markdown code {
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    font-size: 0.9em;
    padding: 0.1em 0.3em;
    border-radius: 4px;
    background: var(--tkw-surface-tertiary);
  }
  .markdown pre {
    overflow-x: auto;
    padding: 10px 12px;
    border-radius: 8px;
    background: var(--tkw-surface-tertiary);
  }
  .markdown pre code {
    padding: 0;
    background: none;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    align-self: flex-start;
    flex: none;
    gap: 4px;
    font-size: 12px;
    line-height: 16px;
    font-weight: 500;
    padding: 2px 8px;
    border-radius: 6px;
    white-space: nowrap;
    --c: var(--tkw-text-secondary);
    color: var(--c);
    background: color-mix(in srgb, var(--c) 14%, transparent);
  }
  .row > .badge,
  .box.row > .badge {
    align-self: center;
  }
  .badge.size-sm {
    font-size: 11px;
    padding: 1px 6px;
  }
  .badge.size-lg {
    font-size: 14px;
    line-height: 20px;
    padding: 3px 10px;
  }
  .badge.pill {
    border-radius: 9999px;
  }
  .badge.solid {
    color: #fff;
    background: var(--c);
  }
  .badge.outline {
    background: transparent;
    box-shadow: inset 0 0 0 1px color-mix(in srgb, var(--c) 45%, transparent);
  }
  .icon {
    display: inline-block;
    flex: none;
    width: 1.25em;
    height: 1.25em;
    vertical-align: middle;
  }
  .icon.size-xs {
    width: 12px;
    height: 12px;
  }
  .icon.size-sm {
    width: 16px;
    height: 16px;
  }
  .icon.size-md {
    width: 20px;
    height: 20px;
  }
  .icon.size-lg {
    width: 24px;
    height: 24px;
  }
  .icon.size-xl {
    width: 28px;
    height: 28px;
  }
  .icon.size-2xl {
    width: 36px;
    height: 36px;
  }
  .icon.size-3xl {
    width: 48px;
    height: 48px;
  }
  .image {
    display: block;
    max-width: 100%;
    min-width: 0;
    object-fit: cover;
    border-radius: 8px;
    background: var(--tkw-surface-tertiary);
  }
  .image.frame {
    box-shadow: inset 0 0 0 1px var(--tkw-border-default);
    border: 1px solid var(--tkw-border-subtle);
  }
  .image.flush {
    border-radius: 0;
  }
  .image-missing {
    display: block;
    background: var(--tkw-surface-tertiary);
    border-radius: 8px;
  }
`;
