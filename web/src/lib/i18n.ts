import type { ConsoleKey, ConsoleTable } from '../i18n/console-ms.ts';
import { en } from '../i18n/en.ts';
import { ms, type StringKey as OfficerKey } from '../i18n/ms.ts';

export type Lang = 'ms' | 'en';
/** Every text's key: the officer pages' table, and the console's (added by its pages alone). */
export type StringKey = OfficerKey | ConsoleKey;
/** Values for `{name}` marks; a nested message (e.g. a wait time) is translated too. */
export type Vars = Record<string, string | number | Message>;
export interface Message {
  key: StringKey;
  vars?: Vars;
}

/** The texts this page has: the officer pages' always, the console's once `addConsoleStrings` ran. */
const TABLES: Record<Lang, Partial<Record<StringKey, string>>> = { ms: { ...ms }, en: { ...en } };
const STORAGE_KEY = 'ispeks.lang';
/** Attributes that may carry a translated text, as `data-i18n-<attribute>="key"`. */
const TRANSLATED_ATTRIBUTES = ['aria-label', 'placeholder', 'title'] as const;

function storedLanguage(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ms';
  } catch {
    return 'ms'; // storage refused (privacy settings): Malay, the default
  }
}

let current: Lang = storedLanguage();
const listeners: ((lang: Lang) => void)[] = [];

export function language(): Lang {
  return current;
}

/** The console's pages add their texts (web/src/i18n/console-*.ts) before anything is shown. */
export function addConsoleStrings(consoleMs: ConsoleTable, consoleEn: ConsoleTable): void {
  Object.assign(TABLES.ms, consoleMs);
  Object.assign(TABLES.en, consoleEn);
}

export function isStringKey(key: string): key is StringKey {
  return Object.hasOwn(TABLES.ms, key);
}

export function interpolate(text: string, vars: Vars | undefined, lang: Lang = current): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? t(value.key, value.vars, lang) : String(value);
  });
}

export function t(key: StringKey, vars?: Vars, lang: Lang = current): string {
  // A key this page lacks (a console text on an officer page) shows as itself: a bug, not a crash.
  return interpolate(TABLES[lang][key] ?? key, vars, lang);
}

function readVars(el: HTMLElement): Vars | undefined {
  const raw = el.dataset.i18nVars;
  return raw ? (JSON.parse(raw) as Vars) : undefined;
}

/** Sets an element's text and remembers the key, so a language switch re-translates it. */
export function translate(el: HTMLElement, key: StringKey, vars?: Vars): void {
  el.dataset.i18n = key;
  if (vars) el.dataset.i18nVars = JSON.stringify(vars);
  else delete el.dataset.i18nVars;
  el.textContent = t(key, vars);
}

/** Same as `translate`, for an attribute (aria-label, placeholder, title); shares the element's vars. */
export function translateAttribute(
  el: HTMLElement,
  attribute: (typeof TRANSLATED_ATTRIBUTES)[number],
  key: StringKey,
  vars?: Vars,
): void {
  el.setAttribute(`data-i18n-${attribute}`, key);
  if (vars) el.dataset.i18nVars = JSON.stringify(vars);
  el.setAttribute(attribute, t(key, vars));
}

/** Re-translates every marked element and `<html lang>` into the current language. */
export function applyLanguage(root: ParentNode = document): void {
  document.documentElement.lang = current;
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = el.dataset.i18n ?? '';
    if (isStringKey(key)) el.textContent = t(key, readVars(el));
  }
  for (const attribute of TRANSLATED_ATTRIBUTES) {
    for (const el of root.querySelectorAll<HTMLElement>(`[data-i18n-${attribute}]`)) {
      const key = el.getAttribute(`data-i18n-${attribute}`) ?? '';
      if (isStringKey(key)) el.setAttribute(attribute, t(key, readVars(el)));
    }
  }
}

export function setLanguage(lang: Lang): void {
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered across pages, but this page still switches.
  }
  applyLanguage();
  for (const listener of listeners) listener(lang);
}

export function onLanguageChange(listener: (lang: Lang) => void): void {
  listeners.push(listener);
}

/** "45 saat" / "3 minit": seconds under a minute, else whole minutes rounded up. */
export function waitMessage(seconds: number, minutesOnly = false): Message {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60 && !minutesOnly)
    return s === 1 ? { key: 'time.second' } : { key: 'time.seconds', vars: { n: s } };
  const m = Math.max(1, Math.ceil(s / 60));
  return m === 1 ? { key: 'time.minute' } : { key: 'time.minutes', vars: { n: m } };
}
