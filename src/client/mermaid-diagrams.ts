import { DIAGRAM_LIBRARY_ENTRY } from '../core/site-paths.ts';

/**
 * Draws the Mermaid diagrams of a page (`<pre class="mermaid">`, from pymdownx.superfences'
 * custom fences). Mermaid is loaded only when the page has one; without JavaScript the
 * diagram's source stays on the page, and after drawing it stays one click away.
 */
const sources = [...document.querySelectorAll<HTMLElement>('pre.mermaid')];
if (sources.length > 0) void drawDiagrams(sources);

async function drawDiagrams(sources: HTMLElement[]): Promise<void> {
  // Mermaid's own prebuilt browser build, which the build copies into the site as it ships
  // (src/integration/diagram-library.ts): bundling it with the site's scripts cost every build seconds.
  const library = `${import.meta.env.BASE_URL.replace(/\/+$/, '')}/${DIAGRAM_LIBRARY_ENTRY}`;
  const { default: mermaid } = (await import(/* @vite-ignore */ library)) as typeof import('mermaid');
  const root = document.documentElement;
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  const isDark = () => (root.dataset['theme'] ?? (dark.matches ? 'dark' : 'light')) === 'dark';
  const diagrams = sources.map((source) => ({
    source,
    text: source.textContent ?? '',
    figure: undefined as HTMLElement | undefined,
  }));

  const draw = async () => {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      suppressErrorRendering: true,
      theme: isDark() ? 'dark' : 'default',
    });
    for (const [index, diagram] of diagrams.entries()) {
      try {
        const { svg } = await mermaid.render(`mermaid-diagram-${index}`, diagram.text);
        diagram.figure ??= wrap(diagram.source);
        // Mermaid's SVG, sanitised by Mermaid itself under securityLevel "strict".
        diagram.figure.innerHTML = svg;
      } catch {
        // A diagram Mermaid cannot read stays as its source.
      }
    }
  };

  await draw();
  // Redraw in the other theme's colours when the reader or the system switches.
  new MutationObserver(() => void draw()).observe(root, {
    attributes: true,
    attributeFilter: ['data-theme'],
  });
  dark.addEventListener('change', () => void draw());
}

/** Puts the diagram before its source, and the source in a closed "Diagram source" disclosure. */
function wrap(source: HTMLElement): HTMLElement {
  const figure = document.createElement('div');
  figure.className = 'kb-mermaid-diagram';
  const details = document.createElement('details');
  details.className = 'kb-mermaid-source';
  const summary = document.createElement('summary');
  summary.textContent = 'Diagram source';
  source.before(figure);
  source.replaceWith(details);
  details.append(summary, source);
  return figure;
}
