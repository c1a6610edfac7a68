import { foldText } from '../model/document-facts.ts';
import type { Finding } from './finding.ts';
import type { ContentDocument } from '../model/load-document.ts';

interface FaqQuestion {
  '@type'?: unknown;
  name?: unknown;
  acceptedAnswer?: { text?: unknown };
}

/** Checks hand-written JSON-LD: valid JSON, a schema.org FAQPage, agreeing with the title and the short answer. */
export function checkStructuredData(doc: ContentDocument): Finding[] {
  const findings: Finding[] = [];
  for (const block of doc.facts?.jsonLd ?? []) {
    const at = { line: block.line, column: block.column };
    if (block.unclosed || block.after !== '') {
      // The page never shows the block; the author still has to know that no browser reads it as written.
      findings.push({
        ...at,
        ...(block.unclosed ? {} : placeAfter(block, block.text.length)),
        ruleId: 'jsonld-invalid',
        message: block.unclosed
          ? 'the JSON-LD script never closes; end it with `</script>`'
          : `the JSON-LD holds \`</script>\`, where a browser ends the script and reads \`${truncate(block.after)}\` as HTML; inside JSON, write \`<\\/script>\``,
      });
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(block.text);
    } catch (error) {
      findings.push({ ...at, ...jsonErrorPlace(block, error as SyntaxError), ruleId: 'jsonld-invalid' });
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      findings.push({
        ...at,
        ruleId: 'jsonld-not-faq',
        message: `the JSON-LD is ${Array.isArray(value) ? 'a list' : `\`${JSON.stringify(value)}\``}; expected one FAQPage object, \`{"@context": "https://schema.org", "@type": "FAQPage", …}\``,
      });
      continue;
    }
    const record = value as Record<string, unknown>;
    const context = record['@context'];
    if (typeof context !== 'string' || !/^https?:\/\/schema\.org\/?$/.test(context)) {
      findings.push({
        ...at,
        ruleId: 'jsonld-not-faq',
        message:
          context === undefined
            ? 'the JSON-LD has no `@context`; add `"@context": "https://schema.org"`'
            : `the JSON-LD \`@context\` is \`${typeof context === 'string' ? context : JSON.stringify(context)}\`; expected \`https://schema.org\``,
      });
      continue;
    }
    if (record['@type'] !== 'FAQPage') {
      findings.push({
        ...at,
        ruleId: 'jsonld-not-faq',
        message: `${record['@type'] === undefined ? 'the JSON-LD has no `@type`' : `the JSON-LD \`@type\` is \`${JSON.stringify(record['@type']).replace(/^"|"$/g, '')}\``}; only a \`FAQPage\` belongs in an article (the build adds the other types)`,
      });
      continue;
    }
    const entities = record['mainEntity'];
    const question = (Array.isArray(entities) ? entities[0] : entities) as FaqQuestion | undefined;
    const title = doc.title;
    if (typeof question !== 'object' || question === null) {
      // Without a question there is no answer either: one finding, not two.
      findings.push({
        ...at,
        ruleId: 'jsonld-question-mismatch',
        message: `the FAQPage has no \`mainEntity\` question; expected one named like the title${title === undefined ? '' : ` \`${title}\``}`,
      });
      continue;
    }
    const name = typeof question?.name === 'string' ? question.name : undefined;
    if (title !== undefined && (name === undefined || foldText(name) !== foldText(title))) {
      findings.push({
        ...at,
        ruleId: 'jsonld-question-mismatch',
        message:
          name === undefined
            ? `the FAQPage question has no \`name\`; expected the title \`${title}\``
            : `the FAQPage question \`${name}\` differs from the title \`${title}\``,
      });
    }
    const answer = question?.acceptedAnswer?.text;
    const inShort = doc.facts?.inShort?.text;
    if (
      inShort !== undefined &&
      (typeof answer !== 'string' || foldText(stripMarkup(answer)) !== foldText(inShort))
    ) {
      findings.push({
        ...at,
        ruleId: 'jsonld-answer-mismatch',
        message: `the FAQPage answer differs from the In-short text, which the site publishes as the answer; copy the In-short text here, or delete this script (the build generates one).\n  answer:   ${typeof answer === 'string' ? answer : '(none)'}\n  In short: ${inShort}`,
      });
    }
  }
  return findings;
}

/** Turns V8's `… in JSON at position 42` into a line and column in the file. */
function jsonErrorPlace(
  block: { line: number; column: number; text: string; tagLength: number },
  error: SyntaxError,
): { line: number; column: number; message: string } {
  const position = /position (\d+)/.exec(error.message);
  const reason = error.message
    .replace(/\s*\(line \d+ column \d+\)$/, '')
    .replace(/ in JSON at position \d+.*$/, '');
  if (!position) return { line: block.line, column: 1, message: `the JSON-LD is not valid JSON: ${reason}` };
  return { ...placeAfter(block, Number(position[1])), message: `the JSON-LD is not valid JSON: ${reason}` };
}

/** The file position `offset` characters into a block's script text, which starts right after its opening tag. */
function placeAfter(
  block: { line: number; column: number; text: string; tagLength: number },
  offset: number,
): { line: number; column: number } {
  const lines = block.text.slice(0, offset).split('\n');
  return lines.length === 1
    ? { line: block.line, column: block.column + block.tagLength + offset }
    : { line: block.line + lines.length - 1, column: lines.at(-1)!.length + 1 };
}

function truncate(text: string): string {
  const line = text.split('\n')[0]!;
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}

/** JSON-LD answers may carry simple HTML or the In-short's Markdown (code, bold, links); compare text with text. */
function stripMarkup(text: string): string {
  return text
    .replace(/<[^>]+>/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`|\*\*|__/g, '');
}
