/** Material's documented `markdown_extensions` for inline syntax and code, as the mkdocs.yml reader hands them over. */
export const MATERIAL_INLINE_EXTENSIONS = {
  'pymdownx.arithmatex': { generic: true },
  'pymdownx.caret': {},
  'pymdownx.mark': {},
  'pymdownx.tilde': {},
  'pymdownx.keys': {},
  'pymdownx.emoji': {
    emoji_index: '!!python/name:material.extensions.emoji.twemoji',
    emoji_generator: '!!python/name:material.extensions.emoji.to_svg',
  },
  'pymdownx.highlight': { anchor_linenums: true, line_spans: '__span', pygments_lang_class: true },
  'pymdownx.superfences': {
    custom_fences: [
      { name: 'mermaid', class: 'mermaid', format: '!!python/name:pymdownx.superfences.fence_code_format' },
    ],
  },
  'pymdownx.tasklist': { custom_checkbox: true },
};
