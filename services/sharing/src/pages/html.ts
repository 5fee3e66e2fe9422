/** Markup that is already safe: built only by `html` below, never from a plain string. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an element's content or a quoted attribute: every character that could end either. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => entities[character]!);
}

type Slot = SafeHtml | string | number | null | undefined | false | readonly Slot[];

function render(slot: Slot): string {
  if (slot === null || slot === undefined || slot === false) return '';
  if (slot instanceof SafeHtml) return slot.value;
  if (Array.isArray(slot)) return slot.map(render).join('');
  return escapeHtml(String(slot));
}

/**
 * A template tag for pages: every interpolated value is escaped unless it is SafeHtml made by
 * this same tag, so user and model text (titles, questions, timelines, overrides) can only ever be text.
 */
export function html(strings: TemplateStringsArray, ...slots: Slot[]): SafeHtml {
  let out = strings[0] ?? '';
  slots.forEach((slot, index) => {
    out += render(slot) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}
