import { css } from "lit";

/** Layout, header, history panel, start screen and composer. */
export const shellStyles = css`
  :host {
    display: block;
    position: relative;
    height: 100%;
    min-height: 320px;
    font-family: var(--tk-font, system-ui, sans-serif);
    font-size: var(--tk-font-size, 16px);
    line-height: 1.5;
    color: var(--tk-fg, #0d0d0d);
    -webkit-font-smoothing: antialiased;
  }
  *, *::before, *::after { box-sizing: border-box; }
  .root {
    position: relative;
    display: flex;
    flex-direction: column;
    height: 100%;
    overflow: hidden;
    background: var(--tk-bg);
    color: var(--tk-fg);
    /* The theme's variables are set on .root, so the typography is applied here, not on :host. */
    font-family: var(--tk-font, inherit);
    font-size: var(--tk-font-size, inherit);
  }
  /* Right-to-left locales: physical offsets and arrows that logical properties cannot express. */
  .root[dir="rtl"] { --tk-flip: -1; }
  .sr-only {
    position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; border: 0;
  }
  button { font: inherit; color: inherit; }
  :focus-visible { outline: 2px solid var(--tk-info); outline-offset: 2px; }
  .icon { flex: none; display: block; }
  .icon-btn {
    display: inline-flex; align-items: center; justify-content: center; flex: none;
    width: 36px; height: 36px; padding: 0; border: 0; border-radius: 10px;
    background: transparent; color: var(--tk-muted); cursor: pointer;
    transition: background 0.15s, color 0.15s;
  }
  .icon-btn:hover { background: var(--tk-surface); color: var(--tk-fg); }
  .icon-btn:disabled { opacity: 0.4; cursor: default; background: transparent; }
  .icon-btn.sm { width: 30px; height: 30px; border-radius: 8px; }
  .icon-btn.xs { width: 20px; height: 20px; border-radius: 6px; }
  .icon-btn.danger:hover { color: var(--tk-danger); }
  .icon-btn[aria-pressed="true"] { color: var(--tk-fg); }
  .text-btn {
    border: 0; background: none; color: var(--tk-muted); cursor: pointer; padding: 8px 12px;
    border-radius: 8px; font-size: 0.875em;
  }
  .text-btn:hover { background: var(--tk-surface); color: var(--tk-fg); }

  .header {
    display: flex; align-items: center; gap: 4px; padding: 8px 10px;
    min-height: 52px; flex: none;
  }
  .title {
    flex: 1; min-width: 0; margin: 0 6px; font-size: 0.95em; font-weight: 600;
    white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
  }
  .body { position: relative; flex: 1; min-height: 0; display: flex; }
  .thread {
    flex: 1; min-width: 0; overflow-y: auto; overscroll-behavior: contain;
    scroll-behavior: auto; scroll-padding-block: 12px 64px; scrollbar-width: thin; scrollbar-color: var(--tk-surface-2) transparent;
  }
  .thread-inner {
    max-width: 768px; margin: 0 auto; padding: calc(var(--tk-gap) * 2) 20px calc(var(--tk-gap) * 3);
    display: flex; flex-direction: column; gap: calc(var(--tk-gap) * 2.5);
    min-height: 100%;
  }

  .history {
    position: absolute; inset-block: 0; inset-inline: 0 auto; z-index: 3; width: min(320px, 88%);
    display: flex; flex-direction: column; background: var(--tk-bg);
    border-inline-end: 1px solid var(--tk-border);
    box-shadow: calc(8px * var(--tk-flip, 1)) 0 32px rgba(0, 0, 0, 0.12);
    animation: slide-in 0.18s ease-out;
  }
  .scrim { position: absolute; inset: 0; z-index: 2; background: rgba(0, 0, 0, 0.18); border: 0; }
  @keyframes slide-in { from { transform: translateX(calc(-16px * var(--tk-flip, 1))); opacity: 0; } }
  .history-head { display: flex; align-items: center; justify-content: space-between; padding-block: 14px 6px; padding-inline: 18px 10px; }
  .history-head h3 { margin: 0; font-size: 0.8em; font-weight: 600; color: var(--tk-muted); text-transform: uppercase; letter-spacing: 0.04em; }
  .history-list { list-style: none; margin: 0; padding: 4px 8px; overflow-y: auto; flex: 1; }
  .history-row { display: flex; align-items: center; gap: 2px; border-radius: 10px; padding-inline-end: 4px; }
  .history-row:hover, .history-row.current { background: var(--tk-surface); }
  .history-row .icon-btn { opacity: 0; }
  .history-row:hover .icon-btn, .history-row:focus-within .icon-btn { opacity: 1; }
  .history-open {
    flex: 1; min-width: 0; display: flex; flex-direction: column; align-items: flex-start;
    border: 0; background: none; text-align: start; padding: 8px 10px; cursor: pointer; border-radius: 10px;
  }
  .history-title { max-width: 100%; font-size: 0.9em; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .history-date { font-size: 0.75em; color: var(--tk-muted); }
  .history-row.editing form { display: flex; flex: 1; gap: 4px; padding: 4px; }
  .history-row.editing input {
    flex: 1; min-width: 0; font: inherit; font-size: 0.9em; padding: 6px 8px; color: var(--tk-fg);
    background: var(--tk-bg); border: 1px solid var(--tk-border); border-radius: 8px;
  }
  .history-note { padding: 12px 18px; font-size: 0.85em; color: var(--tk-muted); }
  .history-note.error { color: var(--tk-danger); }

  .start {
    flex: 1; display: flex; flex-direction: column; align-items: center; justify-content: center;
    gap: 20px; padding: 24px 8px; text-align: center;
  }
  .greeting { margin: 0; font-size: 1.6em; font-weight: 600; letter-spacing: -0.01em; }
  .prompts {
    display: flex; flex-wrap: wrap; justify-content: center; gap: 8px; max-width: 560px;
    list-style: none; margin: 0; padding: 0;
  }
  .prompt {
    display: inline-flex; align-items: center; gap: 8px; padding: 9px 14px; cursor: pointer;
    background: var(--tk-bg); border: 1px solid var(--tk-border); border-radius: var(--tk-radius-control);
    font-size: 0.9em; color: var(--tk-fg); transition: background 0.15s;
  }
  .prompt:hover { background: var(--tk-surface); }
  .prompt .icon { color: var(--tk-muted); }

  .footer { flex: none; padding: 0 16px 12px; }
  .composer, .composer-closed, .disclaimer { max-width: 768px; margin: 0 auto; }
  .composer {
    display: flex; flex-direction: column; gap: 4px; padding: 10px 10px 8px 16px;
    background: var(--tk-bg); border: 1px solid var(--tk-border);
    border-radius: max(var(--tk-radius), 16px);
    box-shadow: 0 1px 2px rgba(0, 0, 0, 0.04), 0 4px 16px rgba(0, 0, 0, 0.04);
    transition: border-color 0.15s, box-shadow 0.15s;
  }
  .composer:focus-within { border-color: color-mix(in srgb, var(--tk-fg) 28%, transparent); }
  .composer textarea {
    width: 100%; resize: none; border: 0; outline: none; background: transparent; color: var(--tk-fg);
    font: inherit; line-height: 1.5; padding: 4px 0; max-height: 200px; min-height: 28px;
  }
  .composer textarea::placeholder { color: var(--tk-muted); }
  .composer-bar { display: flex; align-items: center; gap: 6px; margin-inline-start: -8px; }
  .composer-bar .spacer { flex: 1; }
  .composer-bar label.icon-btn { cursor: pointer; }
  .composer-bar label.icon-btn:focus-within { outline: 2px solid var(--tk-info); }
  .send {
    display: inline-flex; align-items: center; justify-content: center; width: 36px; height: 36px;
    border: 0; border-radius: var(--tk-radius-control); cursor: pointer;
    background: var(--tk-accent); color: var(--tk-accent-fg); transition: opacity 0.15s, transform 0.1s;
  }
  .send:active { transform: scale(0.96); }
  .send:disabled { opacity: 0.25; cursor: default; }
  .tool-chip {
    display: inline-flex; align-items: center; gap: 6px; padding: 5px 10px; font-size: 0.8em;
    border: 1px solid var(--tk-border); border-radius: var(--tk-radius-control); background: transparent;
    color: var(--tk-muted); cursor: pointer;
  }
  select.tool-chip { font-family: inherit; padding-inline-end: 6px; max-width: 160px; }
  .tool-chip.on { color: var(--tk-info); border-color: currentColor; background: color-mix(in srgb, var(--tk-info) 8%, transparent); }
  .composer-closed { padding: 14px; text-align: center; color: var(--tk-muted); font-size: 0.9em; background: var(--tk-surface); border-radius: 12px; }
  .disclaimer { padding: 8px 8px 0; text-align: center; font-size: 0.75em; color: var(--tk-muted); }
  .disclaimer.hc { color: var(--tk-fg); }
  .disclaimer p { margin: 0; }
  .disclaimer a { color: inherit; }
  .reply {
    display: flex; align-items: center; gap: 8px; font-size: 0.85em; color: var(--tk-muted);
    border-inline-start: 3px solid var(--tk-border); padding-inline-start: 8px;
  }
  .reply span { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .attachments { display: flex; flex-wrap: wrap; gap: 6px; padding-top: 2px; }
  .attachment {
    display: inline-flex; align-items: center; gap: 6px; max-width: 220px; padding: 4px; padding-inline-start: 8px;
    border: 1px solid var(--tk-border); border-radius: 10px; background: var(--tk-surface); font-size: 0.8em;
  }
  .attachment img { width: 24px; height: 24px; border-radius: 5px; object-fit: cover; }
  .attachment.error { border-color: var(--tk-danger); color: var(--tk-danger); }
  .attachment-name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .spinner {
    width: 12px; height: 12px; border-radius: 50%; border: 2px solid var(--tk-border);
    border-top-color: var(--tk-fg); animation: spin 0.8s linear infinite;
  }
  @keyframes spin { to { transform: rotate(360deg); } }
  @media (max-width: 480px) {
    .thread-inner { padding-inline-start: 14px; padding-inline-end: 14px; }
    .footer { padding: 0 10px 10px; }
    .greeting { font-size: 1.35em; }
  }
  @media (prefers-reduced-motion: reduce) {
    *, *::before, *::after { animation: none !important; transition: none !important; }
  }
`;
