import { describe, expect, it } from "vitest";
import { en } from "../src/i18n/en.js";
import { createI18n, directionOf } from "../src/i18n/index.js";
import { builtInLocales } from "../src/i18n/locales.js";
import { InvalidOptionsError, validateOptions } from "../src/options.js";
import { errorText } from "../src/ui/error-text.js";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const REQUIRED = ["en", "es", "fr", "de", "it", "pt", "nl", "ja", "ko", "zh", "ar", "he"];

describe("built-in locales", () => {
  it("ships the twelve required languages", () => {
    expect(Object.keys(builtInLocales).sort()).toEqual([...REQUIRED].sort());
  });

  for (const [language, messages] of Object.entries(builtInLocales)) {
    it(`${language} translates every key, keeping the placeholders`, () => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
      for (const [key, english] of Object.entries(en)) {
        const text = messages[key as keyof typeof en];
        expect(text.trim(), `${language}.${key}`).not.toBe("");
        expect(placeholders(text), `${language}.${key}`).toEqual(placeholders(english));
      }
      if (language !== "en") {
        // A real translation, not a copy of the English set ("Chat" may legitimately stay).
        const same = Object.keys(en).filter(
          (k) => messages[k as keyof typeof en] === en[k as keyof typeof en],
        );
        expect(same.length, `${language} keeps ${same.join(", ")}`).toBeLessThan(4);
      }
    });
  }
});

describe("createI18n", () => {
  it("resolves a region tag to its language and fills placeholders", () => {
    const fr = createI18n("fr-CA");
    expect(fr.language).toBe("fr");
    expect(fr.locale).toBe("fr-CA");
    expect(fr.t("removeAttachment", { name: "a.pdf" })).toBe("Retirer a.pdf");
    expect(createI18n("pt-BR").t("newChat")).toBe("Novo chat");
    expect(createI18n("zh-Hant-TW").language).toBe("zh");
  });

  it("falls back to English for unknown languages and invalid tags", () => {
    expect(createI18n("sw").t("newChat")).toBe("New chat");
    expect(createI18n("sw").locale).toBe("sw");
    expect(createI18n("not a tag!").locale).not.toBe("not a tag!");
    expect(createI18n("%%%", undefined).t("copy")).toBe(en.copy);
  });

  it("lets any string be overridden, keeping the rest translated", () => {
    const de = createI18n("de", { composerPlaceholder: "Frag die Doku", copy: "" });
    expect(de.t("composerPlaceholder")).toBe("Frag die Doku");
    expect(de.t("copy")).toBe("");
    expect(de.t("newChat")).toBe("Neuer Chat");
  });

  it("lays out ar, he, fa and ur right-to-left and others left-to-right", () => {
    for (const tag of ["ar", "ar-EG", "he", "he-IL", "fa", "fa-IR", "ur", "ur-PK"])
      expect(directionOf(tag), tag).toBe("rtl");
    for (const tag of ["en", "fr", "ja", "zh-Hant", "az-Latn", "not a tag!"])
      expect(directionOf(tag), tag).toBe("ltr");
    expect(createI18n("fa").dir).toBe("rtl");
    expect(createI18n("fa").t("newChat")).toBe("New chat");
  });

  it("formats dates and numbers with Intl for the locale", () => {
    const date = "2026-12-03T10:00:00Z";
    expect(createI18n("de").formatDate(date)).toBe(
      new Intl.DateTimeFormat("de", { month: "short", day: "numeric" }).format(new Date(date)),
    );
    expect(createI18n("de").formatDate(date)).not.toBe(createI18n("en").formatDate(date));
    expect(createI18n("de").formatNumber(1234.5)).toBe("1.234,5");
    expect(createI18n("ar-EG").formatNumber(12)).toBe("١٢");
    expect(createI18n("en").formatDate("nonsense")).toBe("");
  });
});

describe("strings option", () => {
  it("is accepted by setOptions validation and rejects unknown keys or non-strings", () => {
    expect(validateOptions({ api: { url: "/c" }, strings: { copy: "Kopie" } })).toBeTruthy();
    expect(() => validateOptions({ api: { url: "/c" }, strings: { nope: "x" } })).toThrow(
      InvalidOptionsError,
    );
    expect(() => validateOptions({ api: { url: "/c" }, strings: { copy: 1 } })).toThrow(
      /strings\.copy/,
    );
  });
});

describe("error rows in the locale", () => {
  it("shows the controller's English notices and run outcomes translated", () => {
    const { t } = createI18n("fr");
    const row = (code: string, message: string) =>
      errorText({ code, message, allowRetry: false }, t);
    expect(row("notice", "Too many requests. Please wait a moment and try again.")).toBe(
      "Trop de requêtes. Patientez un instant puis réessayez.",
    );
    expect(row("interrupted", "The reply was stopped.")).toBe("La réponse a été arrêtée.");
    expect(row("custom", "Message du serveur")).toBe("Message du serveur");
  });
});
