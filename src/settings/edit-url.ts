/**
 * "Edit this page" links, as MkDocs makes them: `edit_uri` (or `edit_uri_template`) joined
 * to `repo_url`, then the page's source path put in.
 */

const PLACEHOLDER = /\{(path|path_noext)(!q)?\}/g;

/**
 * The edit link pattern of a site, with `{path}` (or `{path_noext}`, `{path!q}`) where the
 * page's source path goes; `undefined` when MkDocs shows no edit link. Without `edit_uri`,
 * GitHub and GitLab repositories get `edit/master/docs/` and Bitbucket ones
 * `src/default/docs/`, as MkDocs 1.4 derives it.
 */
export function editUrlPattern(options: {
  repoUrl?: string | undefined;
  editUri?: string | null | undefined;
  editUriTemplate?: string | null | undefined;
}): string | undefined {
  const { repoUrl, editUriTemplate } = options;
  let editUri = options.editUri;
  if (editUri == null && repoUrl !== undefined) editUri = defaultEditUri(repoUrl);
  if (editUri && !editUri.endsWith('/')) editUri += '/';
  if (!editUriTemplate && !editUri) return undefined;
  const relative = editUriTemplate || `${editUri}{path}`;
  if (!repoUrl) return relative;
  const base =
    relative.startsWith('?') || relative.startsWith('#') || repoUrl.endsWith('/') ? repoUrl : `${repoUrl}/`;
  return joinKeepingPlaceholders(base, relative);
}

/** The edit link of one page: `path` is its source path in the content folder, such as `topic/page.md`. */
export function editUrlFor(pattern: string, path: string): string {
  const noext = path.replace(/\.[^./]*$/, '');
  return pattern.replace(PLACEHOLDER, (_, name: string, quoted: string | undefined) => {
    const value = name === 'path' ? path : noext;
    return quoted ? quotePath(value) : value;
  });
}

/** The repository's name as MkDocs derives it when `repo_name` is not set: `GitHub`, `GitLab`, `Bitbucket`, else the host's first label. */
export function defaultRepoName(repoUrl: string): string {
  const host = hostOf(repoUrl);
  if (host === 'github.com') return 'GitHub';
  if (host === 'bitbucket.org') return 'Bitbucket';
  if (host === 'gitlab.com') return 'GitLab';
  // Python's `str.title()`: a letter after anything but a letter starts a word.
  return (host.split('.')[0] ?? '')
    .toLowerCase()
    .replace(/(^|[^\p{L}])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

function defaultEditUri(repoUrl: string): string | undefined {
  const host = hostOf(repoUrl);
  if (host === 'github.com' || host === 'gitlab.com') return 'edit/master/docs/';
  if (host === 'bitbucket.org') return 'src/default/docs/';
  return undefined;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
}

/** `urljoin(base, relative)`, with the placeholders kept as written (a URL parser would escape their braces). */
function joinKeepingPlaceholders(base: string, relative: string): string {
  const found: string[] = [];
  const marked = relative.replace(
    PLACEHOLDER,
    (placeholder) => `kb-placeholder-${found.push(placeholder) - 1}-`,
  );
  let joined: string;
  try {
    joined = new URL(marked, base).href;
  } catch {
    return base + relative;
  }
  return joined.replace(/kb-placeholder-(\d+)-/g, (_, index: string) => found[Number(index)]!);
}

/** Python's `urllib.parse.quote(value, safe='')`. */
function quotePath(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
