import { readFileSync } from 'node:fs';
import { renderInline } from '../test/markdown/helpers/render-inline.ts';
import { highlightOptionTransformers } from '../src/markdown/shiki-highlight-options.ts';
import { annotationMarkerTransformer } from '../src/markdown/shiki-annotation-markers.ts';
import { remarkCodeAnnotations } from '../src/markdown/remark-code-annotations.ts';
import { rehypeCodeAnnotations } from '../src/markdown/rehype-code-annotations.ts';
const text = readFileSync(0, 'utf8');
const r = await renderInline(text, { remark: [[remarkCodeAnnotations, { all: true }]], shiki: { transformers: [annotationMarkerTransformer(), ...highlightOptionTransformers({})] }, rehype: [rehypeCodeAnnotations] });
console.log(r.html.replace(/ style="[^"]*"/g, ''));
