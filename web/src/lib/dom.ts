import type { StringKey } from './i18n.ts';
import { type Message, translate, type Vars } from './i18n.ts';

/** The element with this id; a missing one is a page bug, reported at once. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the page`);
  return el as T;
}

export function show(el: HTMLElement, visible = true): void {
  el.hidden = !visible;
}

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; id?: string; text?: Message } = {},
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.className) el.className = props.className;
  if (props.id) el.id = props.id;
  if (props.text) translate(el, props.text.key, props.text.vars);
  return el;
}

/** Fills a message area (a live region or a field's error) with translated lines. */
export function showMessages(area: HTMLElement, messages: Message[]): void {
  area.replaceChildren(...messages.map((m) => element('span', { className: 'line', text: m })));
}

export function message(key: StringKey, vars?: Vars): Message {
  return vars ? { key, vars } : { key };
}

/**
 * Marks a field invalid (or valid again when `messages` is empty): the error text sits in the
 * element named by the field's `aria-describedby`, `<id>-error`.
 */
export function setFieldError(field: HTMLElement, messages: Message[]): void {
  const area = byId(`${field.id}-error`);
  showMessages(area, messages);
  if (messages.length > 0) field.setAttribute('aria-invalid', 'true');
  else field.removeAttribute('aria-invalid');
}

/** Disables a form's submit button while a request runs, and marks the form busy. */
export function setBusy(form: HTMLFormElement, busy: boolean): void {
  form.setAttribute('aria-busy', String(busy));
  for (const button of form.querySelectorAll<HTMLButtonElement>('button[type="submit"]')) {
    button.disabled = busy;
  }
}

/** Moves focus to a heading or message so screen readers read the new state. */
export function focusTarget(el: HTMLElement): void {
  if (!el.hasAttribute('tabindex')) el.tabIndex = -1;
  el.focus();
}
