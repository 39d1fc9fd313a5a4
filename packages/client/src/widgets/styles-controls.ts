/**
 * Styles for interactive widgets: Button, Input, Textarea, Select, DatePicker, Checkbox,
 * RadioGroup, editable Text, and Table.
 */
import { css } from "lit";

/** Buttons (colors × variants × sizes), native form controls and tables. */
export const controlStyles = css`
  .btn {
    --c: var(--tkw-primary);
    --on: var(--tkw-on-primary);
    --h: 36px;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    height: var(--h);
    min-width: var(--h);
    padding: 0 calc(var(--h) * 0.4);
    font: inherit;
    font-size: 14px;
    font-weight: 500;
    line-height: 1;
    white-space: nowrap;
    border: 1px solid transparent;
    border-radius: var(--tkw-control-radius);
    cursor: pointer;
    color: var(--on);
    background: var(--c);
    transition: background-color 0.12s ease, opacity 0.12s ease, box-shadow 0.12s ease;
    flex: none;
  }
  .btn:hover:not(:disabled) {
    background: color-mix(in srgb, var(--c) 88%, var(--tkw-text-primary));
  }
  .btn:active:not(:disabled) {
    opacity: 0.85;
  }
  .btn:disabled {
    cursor: default;
    opacity: 0.5;
  }
  .btn[aria-busy="true"] {
    opacity: 0.75;
  }
  .btn.block {
    display: flex;
    width: 100%;
    flex: 1 1 0;
  }
  .btn.pill {
    border-radius: 9999px;
  }
  .btn.uniform {
    padding: 0;
    width: var(--h);
  }
  .btn.c-secondary {
    --c: var(--tkw-surface-tertiary);
    --on: var(--tkw-text-primary);
  }
  .btn.c-info {
    --c: var(--tkw-text-info);
    --on: #fff;
  }
  .btn.c-discovery {
    --c: var(--tkw-text-discovery);
    --on: #fff;
  }
  .btn.c-success {
    --c: var(--tkw-text-success);
    --on: #fff;
  }
  .btn.c-caution {
    --c: var(--tkw-text-caution);
    --on: #fff;
  }
  .btn.c-warning {
    --c: var(--tkw-text-warning);
    --on: #fff;
  }
  .btn.c-danger {
    --c: var(--tkw-text-danger);
    --on: #fff;
  }
  .btn.v-soft,
  .btn.v-outline,
  .btn.v-ghost {
    color: var(--c);
    background: color-mix(in srgb, var(--c) 12%, transparent);
  }
  .btn.v-outline {
    background: transparent;
    border-color: var(--tkw-border-strong);
  }
  .btn.v-ghost {
    background: transparent;
  }
  .btn.v-soft:hover:not(:disabled),
  .btn.v-outline:hover:not(:disabled),
  .btn.v-ghost:hover:not(:disabled) {
    background: color-mix(in srgb, var(--c) 18%, transparent);
  }
  .btn.c-primary.v-soft,
  .btn.c-primary.v-outline,
  .btn.c-primary.v-ghost,
  .btn.c-secondary.v-soft,
  .btn.c-secondary.v-outline,
  .btn.c-secondary.v-ghost {
    color: var(--tkw-text-primary);
  }
  .btn.c-primary.v-soft:hover:not(:disabled),
  .btn.c-primary.v-outline:hover:not(:disabled),
  .btn.c-primary.v-ghost:hover:not(:disabled),
  .btn.c-secondary.v-outline:hover:not(:disabled),
  .btn.c-secondary.v-ghost:hover:not(:disabled) {
    background: var(--tkw-hover);
  }
  .btn.c-primary.v-soft,
  .btn.c-secondary.v-soft {
    background: var(--tkw-surface-tertiary);
  }
  .btn.s-3xs { --h: 20px; font-size: 11px; }
  .btn.s-2xs { --h: 24px; font-size: 12px; }
  .btn.s-xs { --h: 28px; font-size: 13px; }
  .btn.s-sm { --h: 32px; font-size: 13px; }
  .btn.s-lg { --h: 40px; font-size: 15px; }
  .btn.s-xl { --h: 44px; font-size: 16px; }
  .btn.s-2xl { --h: 48px; font-size: 16px; }
  .btn.s-3xl { --h: 56px; font-size: 18px; }
  .btn .icon {
    width: 1.15em;
    height: 1.15em;
  }
  .field {
    --h: 36px;
    font: inherit;
    font-size: 14px;
    line-height: 20px;
    color: var(--tkw-text-primary);
    min-height: var(--h);
    min-width: 0;
    width: 100%;
    padding: 7px 12px;
    border: 1px solid var(--tkw-border-strong);
    border-radius: var(--tkw-control-radius);
    background: var(--tkw-surface);
    transition: border-color 0.12s ease, box-shadow 0.12s ease;
  }
  .field::placeholder {
    color: var(--tkw-text-tertiary);
  }
  .field:focus {
    outline: none;
    border-color: var(--tkw-focus);
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--tkw-focus) 22%, transparent);
  }
  .field:user-invalid,
  [aria-invalid="true"] {
    border-color: var(--tkw-text-danger);
  }
  .field-error {
    display: block;
    flex-basis: 100%;
    margin-top: 4px;
    color: var(--tkw-text-danger);
    font-size: 0.8125rem;
    line-height: 1.3;
  }
  .field:disabled {
    opacity: 0.55;
  }
  .field.v-soft {
    border-color: transparent;
    background: var(--tkw-surface-tertiary);
  }
  .field.pill {
    border-radius: 9999px;
    padding-inline-start: 16px;
    padding-inline-end: 16px;
  }
  .field.s-sm { --h: 32px; font-size: 13px; padding-top: 5px; padding-bottom: 5px; }
  .field.s-lg { --h: 40px; font-size: 15px; }
  .field.s-xl { --h: 44px; font-size: 16px; }
  textarea.field {
    resize: vertical;
  }
  textarea.field.auto-resize {
    field-sizing: content;
    resize: none;
  }
  select.field {
    appearance: none;
    padding-inline-end: 32px;
    background-image: none;
    cursor: pointer;
  }
  .select-wrap {
    position: relative;
    display: inline-flex;
    min-width: 0;
    max-width: 100%;
  }
  .select-wrap.block {
    display: flex;
    width: 100%;
  }
  .select-wrap .chevron {
    position: absolute;
    inset-inline-end: 10px;
    top: 50%;
    width: 16px;
    height: 16px;
    transform: translateY(-50%);
    pointer-events: none;
    color: var(--tkw-text-secondary);
  }
  .date.field {
    width: auto;
  }
  .date.field.block {
    width: 100%;
  }
  /* An editable Text looks like the field it is (border, surface) before it is focused, and
     focusing changes only colours: no margin or padding moves it away from its label. */
  .editable {
    font: inherit;
    color: var(--tkw-text-primary);
    width: 100%;
    min-width: 0;
    margin: 0;
    padding: 6px 10px;
    border: 1px solid var(--tkw-border-strong);
    border-radius: var(--tkw-control-radius);
    background: var(--tkw-surface);
  }
  .editable::placeholder {
    color: var(--tkw-text-tertiary);
  }
  .editable:focus {
    outline: none;
    border-color: var(--tkw-focus);
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--tkw-focus) 22%, transparent);
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: 8px;
    font-size: 14px;
    line-height: 20px;
    cursor: pointer;
  }
  .check input {
    width: 16px;
    height: 16px;
    margin: 0;
    accent-color: var(--tkw-primary);
    flex: none;
    cursor: pointer;
  }
  .check input:disabled,
  .check input:disabled + span {
    cursor: default;
    opacity: 0.55;
  }
  fieldset.radio-group {
    display: flex;
    flex-direction: column;
    gap: 8px;
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  fieldset.radio-group.row {
    flex-direction: row;
    flex-wrap: wrap;
    gap: 8px 16px;
  }
  .table-wrap {
    overflow-x: auto;
    min-width: 0;
    max-width: 100%;
  }
  table.table {
    border-collapse: collapse;
    width: 100%;
    font-size: 14px;
    line-height: 20px;
  }
  .table th,
  .table td {
    padding: 8px 10px;
    text-align: start;
    vertical-align: middle;
    border-bottom: 1px solid var(--tkw-border-subtle);
  }
  .table th {
    font-weight: 600;
    color: var(--tkw-text-secondary);
    font-size: 13px;
  }
  .table tr:last-child td {
    border-bottom: 0;
  }
`;
