/**
 * Locales: the strings the element shows, in the language `locale` names (English for anything
 * not translated), with any string replaceable through the `strings` option; `Intl` formatting
 * of dates and numbers for that locale; and the text direction of the layout.
 */
import { en, type MessageKey, type Messages } from "./en.js";
import { loadedLocales, loadLanguage } from "./registry.js";

export type { MessageKey, Messages } from "./en.js";

/** Languages written right to left: the element lays itself out mirrored for these. */
const RTL_LANGUAGES = new Set(["ar", "he", "iw", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug"]);

/** Strings replacing built-in ones, by key (`{name}` placeholders as in English). */
export type MessageOverrides = Partial<Record<MessageKey, string>>;

/**
 * The strings, formatters and direction of one locale, built by {@link createI18n}.
 *
 * @example
 * ```ts
 * const i18n = createI18n("fr-CA");
 * i18n.t("removeAttachment", { name: "a.pdf" }); // "Retirer a.pdf"
 * i18n.dir; // "ltr"
 * ```
 */
export interface I18n {
  /** The BCP 47 tag used for `lang` and `Intl` (the requested one when valid, else `"en"`). */
  readonly locale: string;
  /** The built-in translation used (`"en"` when the language has none). */
  readonly language: string;
  readonly dir: "ltr" | "rtl";
  /** The string for `key`, with `{name}` placeholders filled from `params`. */
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** A date as a short day and month (`"3 déc."`), or `""` for an invalid date. */
  formatDate(value: string | number | Date, options?: Intl.DateTimeFormatOptions): string;
  /** A number with the locale's digits and separators. */
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string;
}

/** A locale tag `Intl` accepts, or undefined. */
function canonical(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** The language subtag of `tag`, lower-case (`"pt-BR"` → `"pt"`). */
function languageOf(tag: string): string {
  return (tag.split("-")[0] ?? "").toLowerCase();
}

/** The text direction of `locale`'s script. */
export function directionOf(locale: string): "ltr" | "rtl" {
  const tag = canonical(locale);
  if (!tag) return "ltr";
  // A script subtag decides when present (e.g. `az-Arab`, `pa-Arab`).
  if (/-(Arab|Hebr|Thaa|Syrc|Nkoo|Adlm|Rohg)\b/.test(tag)) return "rtl";
  if (/-[A-Z][a-z]{3}\b/.test(tag)) return "ltr";
  return RTL_LANGUAGES.has(languageOf(tag)) ? "rtl" : "ltr";
}

/**
 * Loads the built-in translation `createI18n(locale)` would use, when the split bundle has not
 * yet (the npm package and the one-file bundle have them all); undefined when nothing is missing.
 *
 * @example
 * await loadLocale("fr"); // then createI18n("fr") speaks French
 */
export function loadLocale(locale?: string): Promise<void> | undefined {
  return loadLanguage(languageOf(requestedLocale(locale)));
}

/** `locale` when valid, else the browser's language, else `"en"`. */
function requestedLocale(locale: string | undefined): string {
  return (
    canonical(locale) ??
    canonical(typeof navigator === "undefined" ? undefined : navigator.language) ??
    "en"
  );
}

/**
 * Builds the strings and formatters for `locale` (default: the browser's language). A language
 * without a built-in translation falls back to English strings but keeps its own `Intl`
 * formatting and direction (Persian is right-to-left with English labels unless `overrides`
 * translate them).
 */
export function createI18n(locale?: string, overrides?: MessageOverrides): I18n {
  const requested = requestedLocale(locale);
  const language = loadedLocales[languageOf(requested)] ? languageOf(requested) : "en";
  const base = loadedLocales[language] ?? en;
  const messages: Messages = { ...en, ...base };
  for (const [key, value] of Object.entries(overrides ?? {}))
    if (typeof value === "string" && key in en) messages[key as MessageKey] = value;
  const dates = new Map<string, Intl.DateTimeFormat>();
  const numbers = new Map<string, Intl.NumberFormat>();
  return {
    locale: requested,
    language,
    dir: directionOf(requested),
    t(key, params) {
      const text = messages[key] ?? key;
      if (!params) return text;
      return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in params ? String(params[name]) : whole,
      );
    },
    formatDate(value, options = { month: "short", day: "numeric" }) {
      const date = value instanceof Date ? value : new Date(value);
      if (Number.isNaN(date.getTime())) return "";
      const key = JSON.stringify(options);
      const format = dates.get(key) ?? new Intl.DateTimeFormat(requested, options);
      dates.set(key, format);
      return format.format(date);
    },
    formatNumber(value, options = {}) {
      const key = JSON.stringify(options);
      const format = numbers.get(key) ?? new Intl.NumberFormat(requested, options);
      numbers.set(key, format);
      return format.format(value);
    },
  };
}
