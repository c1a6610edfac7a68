/** Switches between the light and dark theme and remembers the choice. */
const root = document.documentElement;
const dark = window.matchMedia('(prefers-color-scheme: dark)');

for (const button of document.querySelectorAll<HTMLButtonElement>('.kb-theme-toggle')) {
  button.hidden = false;
  const current = () => root.dataset['theme'] ?? (dark.matches ? 'dark' : 'light');
  const label = () => button.setAttribute('aria-pressed', String(current() === 'dark'));
  label();
  button.addEventListener('click', () => {
    const next = current() === 'dark' ? 'light' : 'dark';
    root.dataset['theme'] = next;
    try {
      localStorage.setItem('theme', next);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this page only.
    }
    label();
  });
}
