/** Reveals each code block's copy button and copies the block's text on click. */
for (const button of document.querySelectorAll<HTMLButtonElement>('.kb-copy-button')) {
  const code = button.closest('.kb-code-example')?.querySelector('pre');
  if (!code || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code.innerText);
      button.textContent = 'Copied';
    } catch {
      button.textContent = 'Copy failed';
    }
    setTimeout(() => (button.textContent = 'Copy'), 2000);
  });
}
