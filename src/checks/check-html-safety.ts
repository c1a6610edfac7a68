import type { Element, Properties, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize } from 'hast-util-sanitize';
import { find, html } from 'property-information';
import type { HtmlFact, LinkFact, Place } from '../model/document-facts.ts';
import type { ContentDocument } from '../model/load-document.ts';
import { CONTRIBUTOR_HTML_SCHEMA } from './contributor-html-schema.ts';
import type { Finding } from './finding.ts';

const SETTING = "`trust: 'contributors'`";

/**
 * A raw fragment is parsed as a `<template>`'s content, where a browser accepts every element
 * (a `<td>` or `<tr>` too, which a page may place inside a table around it).
 */
const WRAPPER = '<template>';

/** Why an element the sanitizer removes is not for contributors, by kind; others are simply not on its list. */
const ELEMENT_REASONS: [RegExp, string][] = [
  [/^script$/, 'it runs code in the reader’s browser'],
  [/^(iframe|frame|frameset|object|embed|applet|portal|fencedframe)$/, 'it embeds another page or a plugin'],
  [/^(style|link)$/, 'its CSS can restyle the whole page and load from other sites'],
  [
    /^(form|input|button|select|textarea|option|optgroup|datalist|fieldset|label|output)$/,
    'a form can send what a reader types anywhere',
  ],
  [/^(svg|math)$/, 'SVG and MathML carry links and script of their own'],
  [/^(base|meta)$/, 'it redirects the page or changes where its links go'],
];

/**
 * For a site that does not trust its authors: every piece of raw HTML, attribute list and
 * Markdown link of a document, judged by `hast-util-sanitize` with {@link CONTRIBUTOR_HTML_SCHEMA};
 * whatever the sanitizer would remove is a finding at its place, saying what was found.
 */
export function checkHtmlSafety(doc: ContentDocument): Finding[] {
  const facts = doc.facts;
  if (!facts) return [];
  return [
    ...facts.html.flatMap((fact) => (fact.kind === 'html' ? rawHtmlFindings(fact) : attributeFindings(fact))),
    ...facts.links.flatMap(linkFindings),
  ];
}

/** The elements and attributes of one raw HTML fragment that a contributor may not publish. */
function rawHtmlFindings(fact: Extract<HtmlFact, { kind: 'html' }>): Finding[] {
  const findings: Finding[] = [];
  // Each raw node is parsed on its own, as the page's renderer (hast-util-raw) parses it.
  const tree = fromHtml(`${WRAPPER}${fact.html}`, { fragment: true, verbose: true });
  const at = (point: { line: number; column: number } | undefined): Place => placeInFragment(fact, point);
  walk(tree, (element) => {
    const opening = element.data?.position?.opening?.start ?? element.position?.start;
    if (element.tagName === 'template' && opening?.offset === 0) return true; // The wrapper.
    const verdict = judgeElement(element.tagName, element.properties);
    if (!verdict.elementKept) {
      // Removing it removes what it holds: one finding says so.
      findings.push({ ...at(opening), ...finding(elementMessage(element.tagName)) });
      return false;
    }
    for (const removed of verdict.removed) {
      const place = element.data?.position?.properties?.[removed.name]?.start ?? opening;
      findings.push({ ...at(place), ...finding(attributeMessage(removed, `on \`<${element.tagName}>\``)) });
    }
    return true;
  });
  return findings;
}

/** The attributes an author wrote with `{: … }` or on an `md_in_html` element that a contributor may not. */
function attributeFindings(fact: Extract<HtmlFact, { kind: 'attributes' }>): Finding[] {
  const verdict = judgeElement(fact.tagName ?? 'span', fact.attributes);
  const place = { line: fact.line, column: fact.column };
  if (!verdict.elementKept) return [{ ...place, ...finding(elementMessage(fact.tagName!)) }];
  const where = fact.tagName ? `on \`<${fact.tagName}>\`` : 'in an attribute list `{: … }`';
  return verdict.removed.map((removed) => ({ ...place, ...finding(attributeMessage(removed, where)) }));
}

/** A Markdown link, image or definition whose address a contributor may not use. */
function linkFindings(link: LinkFact): Finding[] {
  const [tagName, property] = link.kind === 'image' ? ['img', 'src'] : ['a', 'href'];
  const verdict = judgeElement(tagName, { [property]: link.url });
  if (verdict.removed.length === 0) return [];
  const what = link.kind === 'image' ? 'image' : link.kind === 'definition' ? 'link definition' : 'link';
  return [
    {
      line: link.line,
      column: link.column,
      ...finding(
        `the ${what} \`${shown(link.url)}\` uses the scheme \`${shown(schemeOf(link.url))}\`, which contributed content may not use (${SETTING}); ${addressAdvice(property)}`,
      ),
    },
  ];
}

/** An attribute the sanitizer removed, and whether only its address (its scheme) was the reason. */
interface RemovedAttribute {
  name: string;
  value: string;
  scheme: boolean;
}

/**
 * What the sanitizer does to one element, its children aside: whether it keeps the element,
 * and which attributes it removes. An attribute it keeps once addresses are not judged was
 * removed for its scheme. Schemes are compared in lower case, as browsers read them.
 */
function judgeElement(
  tagName: string,
  properties: Properties,
): { elementKept: boolean; removed: RemovedAttribute[] } {
  const written = lowerCaseSchemes(properties);
  const kept = sanitize(
    { type: 'element', tagName, properties: written, children: [] },
    CONTRIBUTOR_HTML_SCHEMA,
  );
  if (kept.type !== 'element') return { elementKept: false, removed: [] };
  const missing = Object.keys(written).filter((name) => !(name in kept.properties));
  if (missing.length === 0) return { elementKept: true, removed: [] };
  const withoutSchemes = sanitize(
    { type: 'element', tagName, properties: written, children: [] },
    { ...CONTRIBUTOR_HTML_SCHEMA, protocols: {} },
  );
  const keptOnceSchemesAside = withoutSchemes.type === 'element' ? withoutSchemes.properties : {};
  return {
    elementKept: true,
    removed: missing.map((name) => ({
      name,
      value: valueText(properties[name]),
      scheme: name in keptOnceSchemesAside,
    })),
  };
}

function lowerCaseSchemes(properties: Properties): Properties {
  const protocols = CONTRIBUTOR_HTML_SCHEMA.protocols ?? {};
  return Object.fromEntries(
    Object.entries(properties).map(([name, value]) =>
      name in protocols && typeof value === 'string'
        ? [name, value.replace(/^[^:/?#]*:/, (scheme) => scheme.toLowerCase())]
        : [name, value],
    ),
  );
}

function elementMessage(tagName: string): string {
  const reason =
    ELEMENT_REASONS.find(([pattern]) => pattern.test(tagName))?.[1] ??
    'it is not among the elements contributed content may use';
  return `the raw HTML element \`<${tagName}>\` is not allowed in contributed content (${SETTING}): ${reason}; remove it`;
}

function attributeMessage(removed: RemovedAttribute, where: string): string {
  const found = `\`${attributeText(removed)}\` ${where}`;
  if (removed.scheme)
    return `the address ${found} uses the scheme \`${shown(schemeOf(removed.value))}\`, which contributed content may not use (${SETTING}); ${addressAdvice(removed.name)}`;
  if (/^on/.test(removed.name))
    return `the event handler ${found} runs code in the reader’s browser, which contributed content may not do (${SETTING}); remove it`;
  if (removed.name === 'style')
    return `the inline style ${found} can restyle the page around it, which contributed content may not do (${SETTING}); use a class, which the site's \`extraCss\` styles`;
  return `the attribute ${found} is not among those contributed content may use (${SETTING}); remove it`;
}

function addressAdvice(property: string): string {
  return property === 'href'
    ? 'use an `https:`, `http:`, `mailto:` or relative address'
    : 'use an `https:`, `http:` or relative address (an image in the content folder, rather than `data:`)';
}

/** An attribute as HTML writes it (`onerror="alert(1)"`), from its hast property. */
function attributeText(removed: RemovedAttribute): string {
  const name = find(html, removed.name).attribute;
  return removed.value === '' ? name : `${name}="${shown(removed.value)}"`;
}

function schemeOf(url: string): string {
  return `${url.slice(0, url.indexOf(':')).trim()}:`;
}

function valueText(value: Properties[string]): string {
  if (value === true || value === false || value === null || value === undefined) return '';
  return Array.isArray(value) ? value.join(' ') : String(value);
}

/** A value as a message shows it: on one line, tabs and line breaks written as escapes, cut when long. */
function shown(value: string): string {
  const line = value.replace(/[\t\n\r]/g, (control) => JSON.stringify(control).slice(1, -1));
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

function finding(message: string): Pick<Finding, 'ruleId' | 'message'> {
  return { ruleId: 'html-unsafe', message };
}

/** Calls `visit` for each element of a parsed fragment, a template's content included, and within it unless `visit` says no. */
function walk(node: Root | RootContent, visit: (element: Element) => boolean): void {
  if (node.type === 'element') {
    if (!visit(node)) return;
    if (node.content) walk(node.content, visit);
  }
  if ('children' in node) for (const child of node.children) walk(child, visit);
}

/**
 * A place in the fragment as a place in the file: the fragment's first line starts where the
 * node does (after the wrapper), and its later lines are taken to have the first line's indent,
 * which the tree removed (a container's, such as an admonition's four spaces).
 */
function placeInFragment(fact: Place, point: { line: number; column: number } | undefined): Place {
  if (!point) return { line: fact.line, column: fact.column };
  return point.line === 1
    ? { line: fact.line, column: fact.column + point.column - 1 - WRAPPER.length }
    : { line: fact.line + point.line - 1, column: fact.column - 1 + point.column };
}
