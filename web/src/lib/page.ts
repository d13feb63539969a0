import { applyLanguage, type Lang, language, onLanguageChange, setLanguage } from './i18n.ts';

function syncLanguageButtons(lang: Lang): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  }
}

/** What every page does first: the language switch, and the page in the remembered language. */
export function initPage(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-lang]')) {
    button.addEventListener('click', () => setLanguage(button.dataset.lang === 'en' ? 'en' : 'ms'));
  }
  onLanguageChange(syncLanguageButtons);
  applyLanguage();
  syncLanguageButtons(language());
}
