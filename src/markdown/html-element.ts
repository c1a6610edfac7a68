import type { Properties } from 'hast';
import type { RootContent } from 'mdast';
import type { HtmlElement } from './mdast-block-extensions.ts';

/** An `htmlElement` node: the element an extension renders, with its hast properties. */
export function htmlElement(
  tagName: string,
  children: RootContent[],
  properties: Properties = {},
): HtmlElement {
  return { type: 'htmlElement', tagName, children, data: { hName: tagName, hProperties: properties } };
}
