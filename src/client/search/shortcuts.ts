/** The parts of a key press that decide whether it is a search shortcut. */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/** True for `/` (unless the reader is typing somewhere) and for Ctrl+K / Cmd+K anywhere. */
export function isSearchShortcut(press: KeyPress, typingInField: boolean): boolean {
  if (press.key === '/') return !typingInField && !press.ctrlKey && !press.metaKey && !press.altKey;
  return (
    press.key.toLowerCase() === 'k' && (press.ctrlKey || press.metaKey) && !press.altKey && !press.shiftKey
  );
}

/** True when key presses on `target` type text: inputs, text areas, selects and editable content. */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !['button', 'checkbox', 'radio', 'submit', 'reset', 'image', 'file', 'color', 'range'].includes(
      target.type,
    )
  );
}

/**
 * Focuses the page's main search field on `/` and Ctrl/Cmd+K: the search page's own field
 * where there is one (`data-search-primary`), else the header's.
 */
export function listenForSearchShortcuts(document: Document): void {
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.isComposing) return;
    if (!isSearchShortcut(event, isEditable(event.target))) return;
    const input =
      document.querySelector<HTMLInputElement>('[data-search-primary]') ??
      document.querySelector<HTMLInputElement>('[data-search-box] input[type="search"]');
    if (!input) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}
