import { en, type Messages } from "./en.js";
import { ar } from "./locales/ar.js";
import { de } from "./locales/de.js";
import { es } from "./locales/es.js";
import { fr } from "./locales/fr.js";
import { he } from "./locales/he.js";
import { it } from "./locales/it.js";
import { ja } from "./locales/ja.js";
import { ko } from "./locales/ko.js";
import { nl } from "./locales/nl.js";
import { pt } from "./locales/pt.js";
import { zh } from "./locales/zh.js";
import { registerLocales } from "./registry.js";

/** The built-in translations, by language code. */
export const builtInLocales: Readonly<Record<string, Messages>> = {
  en,
  es,
  fr,
  de,
  it,
  pt,
  nl,
  ja,
  ko,
  zh,
  ar,
  he,
};

registerLocales(builtInLocales);
