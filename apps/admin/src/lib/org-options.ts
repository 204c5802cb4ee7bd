// Choices for the organisation settings, from the browser's Intl data.

function supported(key: "timeZone" | "currency"): string[] {
  try {
    return Intl.supportedValuesOf(key);
  } catch {
    return [];
  }
}

/** Every IANA time zone the browser knows, UTC first, plus the current value if it is missing. */
export function timeZoneOptions(current: string): string[] {
  const zones = supported("timeZone").filter((z) => z !== "UTC");
  return [...new Set(["UTC", ...(zones.includes(current) || current === "UTC" ? [] : [current]), ...zones])];
}

export function currencyOptions(current: string, locale: string): { value: string; label: string }[] {
  const names = displayNames(locale, "currency");
  const codes = [...new Set([current, ...supported("currency")])].sort();
  return codes.map((code) => ({ value: code, label: `${code} — ${names?.of(code) ?? code}` }));
}

/** Common locales; the current one is kept even if it is not in the list. */
const LOCALES = [
  "en-US", "en-GB", "en-IE", "en-AU", "en-CA", "en-IN", "de-DE", "de-AT", "de-CH", "fr-FR", "fr-CH", "fr-CA",
  "it-IT", "es-ES", "es-MX", "pt-PT", "pt-BR", "nl-NL", "nl-BE", "sv-SE", "da-DK", "nb-NO", "fi-FI", "pl-PL",
  "cs-CZ", "sk-SK", "hu-HU", "ro-RO", "el-GR", "tr-TR", "ja-JP", "ko-KR", "zh-CN", "zh-TW", "he-IL", "ar-AE",
];

export function localeOptions(current: string, displayLocale: string): { value: string; label: string }[] {
  const names = displayNames(displayLocale, "language");
  return [...new Set([current, ...LOCALES])].map((tag) => ({ value: tag, label: `${names?.of(tag) ?? tag} (${tag})` }));
}

function displayNames(locale: string, type: "currency" | "language"): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([locale, "en"], { type });
  } catch {
    return null;
  }
}

/** The fields of `draft` that differ from `saved`. */
export function changedSettings<T extends Record<string, unknown>>(saved: T, draft: T): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(draft) as (keyof T)[]) {
    if (draft[key] !== saved[key]) changes[key] = draft[key];
  }
  return changes;
}
