import { BASIC_NOTE_TYPE, CLOZE_NOTE_TYPE } from '../cards';
import type { Block, ListItem, Section } from '../notes';
import type { NoteDraft } from './draft';
import { escapeHtml } from './html';
import { maskTerms } from './mask';
import { definitionOf, giveawayTerms, isPointer, isServiceSection } from './topic';

type ListBlock = Extract<Block, { kind: 'bullets' | 'numbered' }>;
type DraftBase = Pick<NoteDraft, 'subdeck' | 'sectionNumber' | 'nfrItems'>;

/**
 * Notes for a section about a service or concept: what it is (both directions), question/answer
 * pairs (`・…のか?` followed by `→ …`), and a cloze note per list.
 */
export function topicDrafts(section: Section): NoteDraft[] {
  const service = isServiceSection(section);
  const base: DraftBase = { subdeck: service ? 'services' : 'compliance', sectionNumber: section.number, nfrItems: [] };
  const descriptionKind = service ? 'service-description' : 'concept';
  const drafts: NoteDraft[] = [];
  const answered = new Set<number>();

  for (const qa of questionAnswers(section.blocks)) {
    answered.add(qa.questionLine).add(qa.answerLine);
    drafts.push({
      ...base,
      kind: descriptionKind,
      subject: `question:${qa.question}`,
      noteTypeId: BASIC_NOTE_TYPE.id,
      fields: [escapeHtml(qa.question), escapeHtml(qa.answer)],
      line: qa.questionLine,
    });
  }

  const found = sectionDefinition(section, answered);
  if (found !== undefined) {
    const { text: definition, line: definitionLine } = found;
    const asked = service ? '次の説明に当てはまるAWSサービスは？' : '次の説明に当てはまるものは？';
    drafts.push(
      {
        ...base,
        kind: descriptionKind,
        subject: `what-is:${section.title}`,
        noteTypeId: BASIC_NOTE_TYPE.id,
        fields: [escapeHtml(`${section.title} とは？`), escapeHtml(definition)],
        line: definitionLine,
      },
      {
        ...base,
        kind: descriptionKind,
        subject: `which-fits:${section.title}`,
        noteTypeId: BASIC_NOTE_TYPE.id,
        fields: [
          `${escapeHtml(asked)}<br>${escapeHtml(maskTerms(definition, giveawayTerms(section.title)))}`,
          escapeHtml(section.title),
        ],
        line: definitionLine,
      },
    );
  }

  let lead: string[] = [];
  for (const block of section.blocks) {
    if (block.kind === 'paragraph') {
      lead.push(block.text);
    } else if (block.kind === 'bullets' || block.kind === 'numbered') {
      if (block.items.length >= 2) drafts.push(listCloze(section, block, lead, base));
      lead = [];
    }
  }
  return drafts;
}

/**
 * The sentence that says what a section's topic is, skipping pointers and the lines of its
 * question/answer pairs; undefined when the section has none.
 */
export function sectionDefinition(
  section: Section,
  answered: ReadonlySet<number> = answeredLines(section.blocks),
): { text: string; line: number } | undefined {
  const facts = section.blocks.flatMap((block) =>
    block.kind === 'paragraph' && !answered.has(block.line) && !isPointer(block.text, section.title) ? [block] : [],
  );
  const text = definitionOf(facts.map((fact) => fact.text));
  return text === undefined ? undefined : { text, line: facts.find((fact) => fact.text === text)?.line ?? section.line };
}

function answeredLines(blocks: readonly Block[]): Set<number> {
  return new Set(questionAnswers(blocks).flatMap((qa) => [qa.questionLine, qa.answerLine]));
}

interface QuestionAnswer {
  question: string;
  answer: string;
  questionLine: number;
  answerLine: number;
}

/** A one-line question (a paragraph or single bullet ending in ?) answered by the next line starting with →. */
function questionAnswers(blocks: readonly Block[]): QuestionAnswer[] {
  const found: QuestionAnswer[] = [];
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    const question = block.kind === 'paragraph' ? block.text : block.kind === 'bullets' && block.items.length === 1 ? block.items[0]?.text : undefined;
    if (question === undefined || !/[?？]$/.test(question) || next?.kind !== 'paragraph') return;
    const answer = /^[→⇒]\s*(.+)$/.exec(next.text)?.[1];
    if (answer !== undefined) found.push({ question, answer: answer.trim(), questionLine: block.line, answerLine: next.line });
  });
  return found;
}

/**
 * A list as one cloze note, one deletion per item so each card asks for one item. In a `label:explanation`
 * item the shorter part is the one worth recalling (`確認`, `AWSの責任範囲`).
 */
function listCloze(
  section: Section,
  list: ListBlock,
  lead: readonly string[],
  base: DraftBase,
): NoteDraft {
  const items = list.items.map((item, i) => {
    const marker = list.kind === 'numbered' ? `${i + 1}. ` : '・';
    return `${marker}${clozeItem(item, i + 1)}`;
  });
  const label = lead[lead.length - 1] ?? '';
  const text = [`<b>${escapeHtml(section.title)}</b>`, ...lead.map(escapeHtml), ...items].join('<br>');
  return {
    ...base,
    kind: 'concept',
    subject: `list:${section.title}:${label}`,
    noteTypeId: CLOZE_NOTE_TYPE.id,
    fields: [text, ''],
    line: list.line,
  };
}

function clozeItem(item: ListItem, n: number): string {
  const match = /^(.+?)\s*([:：])\s*(.+)$/.exec(item.text);
  const cloze = (text: string): string => `{{c${n}::${escapeHtml(text)}}}`;
  if (!match) return cloze(item.text);
  const [, label = '', colon = ':', explanation = ''] = match;
  return label.length <= explanation.length
    ? `${cloze(label)}${colon}${escapeHtml(explanation)}`
    : `${escapeHtml(label)}${colon}${cloze(explanation)}`;
}
