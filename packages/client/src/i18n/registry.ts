import { en, type Messages } from "./en.js";

/**
 * The translations `createI18n` can use now, by language code: English always, the others once
 * loaded. The npm package and the one-file bundle load them all at once (`locales.ts` registers
 * them); the split bundle fetches only the one a page asks for ({@link loadLanguage}).
 */
export const loadedLocales: Record<string, Messages> = { en };

/** Registers translations (`locales.ts` does, with every built-in one). */
export function registerLocales(locales: Readonly<Record<string, Messages>>): void {
  Object.assign(loadedLocales, locales);
}

/** Each built-in translation but English, as a chunk of its own in the split bundle. */
const LOADERS: Readonly<Record<string, () => Promise<Messages>>> = {
  ar: () => import("./locales/ar.js").then((m) => m.ar),
  de: () => import("./locales/de.js").then((m) => m.de),
  es: () => import("./locales/es.js").then((m) => m.es),
  fr: () => import("./locales/fr.js").then((m) => m.fr),
  he: () => import("./locales/he.js").then((m) => m.he),
  it: () => import("./locales/it.js").then((m) => m.it),
  ja: () => import("./locales/ja.js").then((m) => m.ja),
  ko: () => import("./locales/ko.js").then((m) => m.ko),
  nl: () => import("./locales/nl.js").then((m) => m.nl),
  pt: () => import("./locales/pt.js").then((m) => m.pt),
  zh: () => import("./locales/zh.js").then((m) => m.zh),
};

/**
 * Loads the built-in translation of `language` when it exists and is not loaded yet; undefined
 * when there is nothing to load.
 */
export function loadLanguage(language: string): Promise<void> | undefined {
  const load = LOADERS[language];
  if (!load || loadedLocales[language]) return undefined;
  return load().then((messages) => {
    loadedLocales[language] = messages;
  });
}
