import { css } from "lit";

/** Messages, Markdown prose, workflows, notices, errors and status lines. */
export const itemStyles = css`
  .msg { display: flex; flex-direction: column; min-width: 0; }
  /* Older messages off screen skip layout and paint, so a long thread lays out what is visible.
     The newest stay exact, so scrolling to the bottom lands on the real bottom. */
  .msg:not(:nth-last-child(-n + 24)) {
    content-visibility: auto; contain-intrinsic-size: auto 64px;
  }
  .msg.user { align-items: flex-end; gap: 6px; }
  .msg.user .bubble {
    max-width: min(80%, 560px); padding: 10px 16px; white-space: pre-wrap; overflow-wrap: anywhere;
    background: var(--tk-surface); border-radius: var(--tk-radius); line-height: 1.5;
  }
  .msg.user .quote {
    margin: 0; max-width: min(80%, 560px); padding: 2px 10px; font-size: 0.85em; color: var(--tk-muted);
    border-inline-start: 3px solid var(--tk-border);
  }
  .msg-attachments { display: flex; flex-wrap: wrap; justify-content: flex-end; gap: 6px; }
  .thumb { width: 96px; height: 96px; object-fit: cover; border-radius: 12px; border: 1px solid var(--tk-border); }
  .tag { color: var(--tk-info); font-weight: 500; }
  button.tag { font: inherit; font-weight: 500; padding: 0; border: 0; background: none; cursor: pointer; }
  button.tag:hover { text-decoration: underline; }
  .chip {
    display: inline-flex; align-items: center; gap: 6px; padding: 3px 10px; font-size: 0.8em;
    border: 1px solid var(--tk-border); border-radius: 999px; color: var(--tk-muted); text-decoration: none;
    background: var(--tk-bg); max-width: 260px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
  }
  a.chip:hover { color: var(--tk-fg); background: var(--tk-surface); }
  .sources { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }

  .prose { overflow-wrap: anywhere; min-width: 0; }
  /* Each paragraph takes the direction of its own first strong character (an English line in an
     Arabic reply reads left-to-right), as dir="auto" would per block. */
  .prose :is(p, li, h1, h2, h3, h4, h5, h6, blockquote), .msg.user .bubble { unicode-bidi: plaintext; }
  .prose > :first-child { margin-top: 0; }
  .prose > :last-child { margin-bottom: 0; }
  .prose p, .prose ul, .prose ol, .prose pre, .prose table, .prose blockquote { margin: 0 0 0.8em; }
  .prose ul, .prose ol { padding-inline-start: 1.4em; }
  .prose li + li { margin-top: 0.25em; }
  .prose h1, .prose h2, .prose h3, .prose h4 { margin: 1.2em 0 0.5em; line-height: 1.3; font-weight: 600; }
  .prose h1 { font-size: 1.4em; } .prose h2 { font-size: 1.25em; } .prose h3 { font-size: 1.1em; }
  .prose a { color: var(--tk-info); text-decoration: underline; text-underline-offset: 2px; }
  .prose code {
    font-family: var(--tk-font-mono); font-size: 0.875em; padding: 0.15em 0.35em; border-radius: 6px;
    background: var(--tk-surface);
  }
  .prose pre {
    padding: 12px 14px; overflow-x: auto; border-radius: 12px; background: var(--tk-surface);
    border: 1px solid var(--tk-border); line-height: 1.45;
  }
  .prose pre code { padding: 0; background: none; font-size: 0.85em; }
  .prose blockquote { padding-inline-start: 12px; border-inline-start: 3px solid var(--tk-border); color: var(--tk-muted); }
  .prose table { border-collapse: collapse; display: block; overflow-x: auto; font-size: 0.9em; }
  .prose th, .prose td { border: 1px solid var(--tk-border); padding: 6px 10px; text-align: start; }
  .prose th { background: var(--tk-surface); font-weight: 600; }
  .prose hr { border: 0; border-top: 1px solid var(--tk-border); margin: 1.2em 0; }
  .prose img { max-width: 100%; border-radius: 10px; }
  .prose.small { font-size: 0.875em; color: var(--tk-muted); }
  .msg.assistant.streaming .prose > :last-child::after {
    content: ""; display: inline-block; width: 0.5em; height: 0.5em; margin-inline-start: 4px; border-radius: 50%;
    background: var(--tk-fg); vertical-align: middle; animation: pulse 1s ease-in-out infinite;
  }
  .msg.assistant.streaming .prose:empty::after {
    content: ""; display: inline-block; width: 0.6em; height: 0.6em; border-radius: 50%;
    background: var(--tk-fg); animation: pulse 1s ease-in-out infinite;
  }
  @keyframes pulse { 50% { opacity: 0.25; transform: scale(0.8); } }
  .item-actions { display: flex; gap: 2px; margin-block-start: 6px; margin-inline-start: -6px; }

  tk-widget { display: block; max-width: 100%; }

  .workflow { border: 1px solid var(--tk-border); border-radius: 14px; padding: 0; font-size: 0.9em; }
  .workflow summary {
    display: flex; align-items: center; gap: 8px; padding: 10px 14px; cursor: pointer; list-style: none;
    color: var(--tk-muted); border-radius: 14px;
  }
  .workflow summary::-webkit-details-marker { display: none; }
  .workflow summary span { flex: 1; }
  .workflow[open] summary .icon:last-child { transform: rotate(180deg); }
  .tasks { list-style: none; margin: 0; padding: 0 14px 12px; display: flex; flex-direction: column; gap: 10px; }
  .tasks.single { padding: 0; }
  .task { display: flex; gap: 10px; }
  .task-dot {
    flex: none; width: 18px; height: 18px; margin-top: 2px; border-radius: 50%; display: grid; place-items: center;
    border: 1.5px solid var(--tk-border); color: var(--tk-success);
  }
  .task.complete .task-dot { border-color: var(--tk-success); }
  .task.loading .task-dot { border-top-color: var(--tk-fg); animation: spin 0.9s linear infinite; }
  .task-body { min-width: 0; flex: 1; }
  .task-title { font-weight: 500; }
  .shimmer summary span, .status-line span {
    background: linear-gradient(90deg, var(--tk-muted) 30%, var(--tk-fg) 50%, var(--tk-muted) 70%);
    background-size: 200% 100%; -webkit-background-clip: text; background-clip: text; color: transparent;
    animation: shimmer 1.6s linear infinite;
  }
  @keyframes shimmer { from { background-position: 100% 0; } to { background-position: -100% 0; } }

  .gen-image img { max-width: min(100%, 420px); border-radius: 14px; display: block; }
  .image-placeholder { width: min(100%, 320px); aspect-ratio: 1; border-radius: 14px; background: var(--tk-surface); }
  .tool-call, .status-line { display: flex; align-items: center; gap: 8px; font-size: 0.85em; color: var(--tk-muted); }

  .notice {
    display: flex; gap: 10px; padding: 10px 12px; border-radius: 12px; font-size: 0.9em;
    border: 1px solid color-mix(in srgb, var(--tone) 30%, transparent);
    background: color-mix(in srgb, var(--tone) 8%, var(--tk-bg));
  }
  .notice .icon { color: var(--tone); margin-top: 2px; }
  .notice-body { flex: 1; min-width: 0; }
  .notice-title { font-weight: 600; }
  .notice.info { --tone: var(--tk-info); }
  .notice.warning { --tone: var(--tk-warning); }
  .notice.danger { --tone: var(--tk-danger); }
  .error-row {
    display: flex; align-items: center; gap: 10px; padding: 10px 12px; border-radius: 12px; font-size: 0.9em;
    /* The danger hue pulled toward the text colour: readable (4.5:1) on its tint in both schemes. */
    color: color-mix(in srgb, var(--tk-danger) 75%, var(--tk-fg));
    background: color-mix(in srgb, var(--tk-danger) 8%, var(--tk-bg));
    border: 1px solid color-mix(in srgb, var(--tk-danger) 25%, transparent);
  }
  .error-row span { flex: 1; }
  .error-row button {
    display: inline-flex; align-items: center; gap: 6px; padding: 5px 12px; border-radius: 999px; cursor: pointer;
    border: 1px solid currentColor; background: transparent; color: inherit; font-size: 0.9em;
  }
  .error-row .dismiss { border: 0; padding: 0; width: 28px; height: 28px; border-radius: 8px; color: inherit; }
  .loading-thread { display: flex; flex-direction: column; gap: 14px; }
  .skeleton { height: 16px; border-radius: 8px; background: var(--tk-surface); animation: pulse 1.4s ease-in-out infinite; }
  .jump {
    position: absolute; left: 50%; bottom: 12px; transform: translateX(-50%); z-index: 1;
    width: 34px; height: 34px; border-radius: 50%; border: 1px solid var(--tk-border); cursor: pointer;
    background: var(--tk-bg); color: var(--tk-fg); display: grid; place-items: center;
    box-shadow: 0 2px 8px rgba(0, 0, 0, 0.12);
  }
`;
