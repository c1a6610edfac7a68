import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, ElementContent } from 'hast';
import type { Data } from 'mdast';
import { fromHtml } from 'hast-util-from-html';
import type { CompileContext, Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import type { Code, Extension, State, Token, TokenizeContext, Tokenizer } from 'micromark-util-types';
import type { Processor } from 'unified';
import { createEmojiIndex, type EmojiEntry, type EmojiIndex, type EmojiNames } from './emoji-index.ts';
import './mdast-inline.ts';

/** The options of `pymdownx.emoji` as `mkdocs.yml` gives them (`!!python/name:` values as strings). */
export interface EmojiOptions {
  /** `material.extensions.emoji.twemoji` (emoji and Material's icons), `pymdownx.emoji.twemoji`, … */
  emoji_index?: string;
  /** `material.extensions.emoji.to_svg`, `pymdownx.emoji.to_svg`, `pymdownx.emoji.to_alt`, … */
  emoji_generator?: string;
  /** The tooltip of an emoji: `short` (its shortcode, the default), `long` or `none`. */
  title?: string;
  /** The text alternative of an emoji: `unicode` (the default), `html_entity` or `short`. */
  alt?: string;
  options?: {
    /** Folders of more icons, relative to the MkDocs project (Material's `custom_icons`). */
    custom_icons?: string[];
    /** The class of the element that holds an emoji or icon; by default the index's name. */
    classes?: string;
  };
  /** The folder `custom_icons` are relative to: the MkDocs project. Not an `mkdocs.yml` option. */
  baseDir?: string;
}

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    emojiShortcode: 'emojiShortcode';
  }
}

const COLON = 58;

/**
 * pymdownx.emoji: emoji and icon shortcodes, drawn as inline SVG.
 *
 * ```md
 * Done :white_check_mark:   →  Done <span class="twemoji" role="img" aria-label="✅" title=":white_check_mark:"><svg …>
 * :material-timer-sand:     →  <span class="twemoji"><svg xmlns=… viewBox="0 0 24 24"><path …/></svg></span>
 * ```
 *
 * With Material's index (`material.extensions.emoji.twemoji`) shortcodes name emoji and
 * the icons of Material for MkDocs (`:material-…:`, `:fontawesome-brands-…:`,
 * `:octicons-…-16:`, `:simple-…:`, and `custom_icons`), read from the npm packages that
 * draw them; other indexes name emoji only. Emoji are Twemoji's art inlined, where pymdownx
 * would link to a CDN; `to_alt` writes the Unicode character instead. A shortcode that names
 * nothing stays text, as in MkDocs. The names are read when a page first uses a shortcode,
 * and each SVG when a page first uses it.
 */
export function remarkEmoji(this: Processor, options: EmojiOptions = {}) {
  const indexName = pythonName(options.emoji_index ?? 'pymdownx.emoji.emojione');
  const names: EmojiNames = indexName.endsWith('gemoji')
    ? 'gemoji'
    : indexName.endsWith('emojione')
      ? 'emojione'
      : 'twemoji';
  const materialIndex = /^material(x|\.extensions)\.emoji\.twemoji$/.test(indexName);
  const index = createEmojiIndex({
    names,
    icons: materialIndex,
    customIconDirs: (options.options?.custom_icons ?? []).map((dir) =>
      path.resolve(options.baseDir ?? '.', dir),
    ),
  });
  const data = this.data();
  (data.micromarkExtensions ??= []).push(emojiSyntax(index));
  (data.fromMarkdownExtensions ??= []).push(
    emojiFromMarkdown(index, options, materialIndex ? 'twemoji' : names),
  );
}

/** `!!python/name:material.extensions.emoji.twemoji` and `material.extensions.emoji.twemoji` alike. */
function pythonName(value: string): string {
  return value
    .replace(/^!!python\/name:/, '')
    .replace(/''$/, '')
    .trim();
}

function isShortcodeCharacter(code: Code): boolean {
  return code !== null && code >= 0 && /[\p{L}\p{N}\p{M}_+-]/u.test(String.fromCodePoint(code));
}

/** `:name:` where the name is letters, digits, `_`, `+` and `-`, and the index knows it. */
function emojiSyntax(index: EmojiIndex): Extension {
  return { text: { [COLON]: { name: 'pymdownxEmoji', tokenize } } };

  function tokenize(this: TokenizeContext, effects: Parameters<Tokenizer>[0], ok: State, nok: State): State {
    let name = '';
    return start;

    function start(code: Code): State | undefined {
      effects.enter('emojiShortcode');
      effects.consume(code);
      return first;
    }

    function first(code: Code): State | undefined {
      return isShortcodeCharacter(code) ? inside(code) : nok(code);
    }

    function inside(code: Code): State | undefined {
      if (isShortcodeCharacter(code)) {
        name += String.fromCodePoint(code!);
        effects.consume(code);
        return inside;
      }
      if (code !== COLON || !index.lookup(`:${name}:`)) return nok(code);
      effects.consume(code);
      effects.exit('emojiShortcode');
      return ok;
    }
  }
}

function emojiFromMarkdown(
  index: EmojiIndex,
  options: EmojiOptions,
  indexName: string,
): FromMarkdownExtension {
  const svgs = new Map<string, Element>();
  const className = (options.options?.classes ?? indexName).split(' ').filter(Boolean);
  const generator = pythonName(options.emoji_generator ?? 'pymdownx.emoji.to_png');
  const svg = (file: string) => {
    let element = svgs.get(file);
    if (!element) {
      element = readSvg(file);
      svgs.set(file, element);
    }
    return structuredClone(element);
  };

  return {
    enter: {
      emojiShortcode(this: CompileContext, token: Token) {
        const shortcode = this.sliceSerialize(token);
        const entry = index.lookup(shortcode);
        const alt = entry?.kind === 'emoji' && options.alt !== 'short' ? entry.text : shortcode;
        // `to_alt` writes the emoji itself, as text.
        if (entry?.kind === 'emoji' && generator.endsWith('.to_alt'))
          this.enter({ type: 'text', value: alt }, token);
        else
          this.enter(
            { type: 'emoji', value: shortcode, ...(entry ? { data: render(entry, alt) } : {}) },
            token,
          );
      },
    },
    exit: {
      emojiShortcode(this: CompileContext, token: Token) {
        this.exit(token);
      },
    },
  };

  function render(entry: EmojiEntry, alt: string): Data {
    if (entry.kind === 'icon')
      return { hName: 'span', hProperties: { className }, hChildren: [svg(entry.file)] };
    let art: ElementContent = { type: 'text', value: entry.text };
    if (entry.file) {
      const element = svg(entry.file);
      element.properties['ariaHidden'] = 'true';
      art = element;
    }
    const title = options.title === 'none' ? {} : { title: entry.shortcode };
    return {
      hName: 'span',
      hProperties: { className, role: 'img', ariaLabel: alt, ...title },
      hChildren: [art],
    };
  }
}

/** An SVG file as a hast element, trimmed as Material trims its icons: no size, id, role or title. */
function readSvg(file: string): Element {
  const tree = fromHtml(readFileSync(file, 'utf8'), { fragment: true });
  const svg = tree.children.find(
    (child): child is Element => child.type === 'element' && child.tagName === 'svg',
  );
  if (!svg) throw new Error(`${file} holds no <svg> element`);
  const { viewBox, xmlns } = svg.properties;
  svg.properties = { xmlns: xmlns ?? 'http://www.w3.org/2000/svg', viewBox };
  svg.children = svg.children.filter((child) => !(child.type === 'element' && child.tagName === 'title'));
  return svg;
}
