import { joinItems } from '../decks/split-items';
import { noteIdFor } from '../decks/ids';
import { maskTerms } from '../decks/mask';
import { isNfrTable, nfrItemsOf, type NfrItem } from '../decks/nfr-table';
import { isThreatTable, threatRowsOf, type ThreatRow } from '../decks/threat-table';
import { giveawayTerms, isServiceSection } from '../decks/topic';
import { sectionDefinition } from '../decks/topic-drafts';
import type { ParsedNotes } from '../notes';
import type { Category, RelationQuestionKind } from './types';

/** One way of asking a relation: subject → its right answers, over the whole table. */
export interface Direction {
  kind: RelationQuestionKind;
  subjectCategory: Category;
  answerCategory: Category;
  answers: Map<string, string[]>;
  /**
   * Values the notes tie to the subject less directly (a service an NFR item lists for its threats
   * as a whole): neither right nor safely wrong, so never offered as a wrong option.
   */
  unsure: Map<string, Set<string>>;
  /** The generated notes (by id) that teach each subject's answers. */
  notes: Map<string, string[]>;
}

/** The relations of one notes file: NFR item ↔ threat ↔ countermeasure ↔ AWS service, service ↔ description. */
export interface RelationTable {
  /** The notes file's key (`aws-security`), part of every generated note id. */
  deckKey: string;
  /** NFR items in the notes' order, so "next to" means next in the table. */
  items: NfrItem[];
  /** Every value of each category, in the order first met. */
  universe: Map<Category, string[]>;
  directions: Direction[];
  /** `category\0value` → indexes into `items` of the NFR items the value belongs to. */
  itemsOf: Map<string, number[]>;
}

export function valueKey(category: Category, value: string): string {
  return `${category}\u0000${value}`;
}

/** Only names with `AWS`/`Amazon` are services; TLS, VPC, アンチウイルス stay countermeasures. */
const AWS_NAME = /^(?:AWS|Amazon)\s*[A-Za-z]/;

class Pairs {
  readonly answers = new Map<string, string[]>();
  readonly notes = new Map<string, string[]>();
  add(subject: string, answer: string, noteId: string): void {
    const list = this.answers.get(subject) ?? [];
    if (!list.includes(answer)) list.push(answer);
    this.answers.set(subject, list);
    const notes = this.notes.get(subject) ?? [];
    if (!notes.includes(noteId)) notes.push(noteId);
    this.notes.set(subject, notes);
  }
}

function addUnsure(map: Map<string, Set<string>>, subject: string, value: string): void {
  map.set(subject, (map.get(subject) ?? new Set()).add(value));
}

/** Reads the relation tables out of parsed notes, naming the notes `buildDeck` makes for each fact. */
export function relationsOf(parsed: ParsedNotes, deckKey: string): RelationTable {
  const tables = parsed.sections.flatMap((section) => section.blocks.flatMap((block) => (block.kind === 'table' ? [block] : [])));
  const items = tables.flatMap((table) => (isNfrTable(table) ? nfrItemsOf(table) : []));
  const rows: ThreatRow[] = tables.flatMap((table) => (isThreatTable(table) ? threatRowsOf(table) : []));
  const note = (kind: string, subject: string): string => noteIdFor(deckKey, kind, subject);

  const itemThreat = new Pairs();
  const threatItem = new Pairs();
  const itemCounter = new Pairs();
  const counterItem = new Pairs();
  for (const item of items) {
    for (const threat of item.threats) {
      itemThreat.add(item.label, threat, note('nfr-threat', `threats-of:${item.number}`));
      threatItem.add(threat, item.label, note('nfr-threat', `item-of:${threat}`));
    }
    for (const countermeasure of item.countermeasures) {
      const id = note('nfr-threat', `countermeasures-of:${item.number}`);
      itemCounter.add(item.label, countermeasure, id);
      counterItem.add(countermeasure, item.label, id);
    }
  }

  const threatService = new Pairs();
  const serviceThreat = new Pairs();
  const threatDescription = new Pairs();
  const descriptionThreat = new Pairs();
  for (const row of rows) {
    for (const threat of row.threats) {
      for (const service of row.services) {
        threatService.add(threat, service, note('threat-service', `service-for:${threat}`));
        serviceThreat.add(service, threat, note('threat-service', `threats-countered-by:${service}`));
      }
    }
    if (row.summary !== null) {
      const description = maskTerms(row.summary, row.threats);
      const id = note('threat-description', `threat-described:${joinItems(row.threats)}`);
      for (const threat of row.threats) {
        threatDescription.add(threat, description, id);
        descriptionThreat.add(description, threat, id);
      }
    }
  }

  const serviceDefinition = new Pairs();
  const definitionService = new Pairs();
  for (const section of parsed.sections) {
    if (section.blocks.some((block) => block.kind === 'table') || !isServiceSection(section)) continue;
    const found = sectionDefinition(section);
    if (found === undefined) continue;
    const definition = maskTerms(found.text, giveawayTerms(section.title));
    const ids = [note('service-description', `which-fits:${section.title}`), note('service-description', `what-is:${section.title}`)];
    for (const id of ids) {
      definitionService.add(definition, section.title, id);
      serviceDefinition.add(section.title, definition, id);
    }
  }

  // An item lists countermeasures for its threats as a whole: a service it lists may or may not
  // counter any one of them, so it is never offered as wrong for one of its threats.
  const unsureServiceOfThreat = new Map<string, Set<string>>();
  const unsureThreatOfService = new Map<string, Set<string>>();
  const unsureCounterOfItem = new Map<string, Set<string>>();
  const unsureItemOfCounter = new Map<string, Set<string>>();
  for (const item of items) {
    for (const threat of item.threats) {
      for (const countermeasure of item.countermeasures) {
        addUnsure(unsureServiceOfThreat, threat, countermeasure);
        addUnsure(unsureThreatOfService, countermeasure, threat);
      }
      for (const service of threatService.answers.get(threat) ?? []) {
        addUnsure(unsureCounterOfItem, item.label, service);
        addUnsure(unsureItemOfCounter, service, item.label);
      }
    }
  }

  const services = [
    ...items.flatMap((item) => item.countermeasures.filter((c) => AWS_NAME.test(c))),
    ...rows.flatMap((row) => row.services),
  ];
  const threats = [...items.flatMap((item) => item.threats), ...rows.flatMap((row) => row.threats)];
  const universe = new Map<Category, string[]>([
    ['nfr-item', items.map((item) => item.label)],
    ['threat', threats],
    ['service', services],
    ['countermeasure', items.flatMap((item) => item.countermeasures)],
    ['threat-description', [...descriptionThreat.answers.keys()]],
    ['service-name', [...serviceDefinition.answers.keys()]],
    ['service-definition', [...definitionService.answers.keys()]],
  ]);
  for (const [category, values] of universe) universe.set(category, [...new Set(values)]);

  const direction = (
    kind: RelationQuestionKind,
    subjectCategory: Category,
    answerCategory: Category,
    pairs: Pairs,
    unsure = new Map<string, Set<string>>(),
  ): Direction => ({ kind, subjectCategory, answerCategory, answers: pairs.answers, notes: pairs.notes, unsure });
  const directions = [
    direction('threats-of-item', 'nfr-item', 'threat', itemThreat),
    direction('item-of-threat', 'threat', 'nfr-item', threatItem),
    direction('countermeasures-of-item', 'nfr-item', 'countermeasure', itemCounter, unsureCounterOfItem),
    direction('item-of-countermeasure', 'countermeasure', 'nfr-item', counterItem, unsureItemOfCounter),
    direction('services-for-threat', 'threat', 'service', threatService, unsureServiceOfThreat),
    direction('threats-of-service', 'service', 'threat', serviceThreat, unsureThreatOfService),
    direction('description-of-threat', 'threat', 'threat-description', threatDescription),
    direction('threat-described', 'threat-description', 'threat', descriptionThreat),
    direction('definition-of-service', 'service-name', 'service-definition', serviceDefinition),
    direction('service-described', 'service-definition', 'service-name', definitionService),
  ];

  return { deckKey, items, universe, directions, itemsOf: itemIndexes(items, threatService, descriptionThreat) };
}

/** Which NFR items each value belongs to: the base of topics and of "confusable" distractors. */
function itemIndexes(items: readonly NfrItem[], threatService: Pairs, descriptionThreat: Pairs): Map<string, number[]> {
  const sets = new Map<string, Set<number>>();
  const add = (category: Category, value: string, index: number): void => {
    const key = valueKey(category, value);
    sets.set(key, (sets.get(key) ?? new Set()).add(index));
  };
  items.forEach((item, i) => {
    add('nfr-item', item.label, i);
    for (const threat of item.threats) add('threat', threat, i);
    for (const countermeasure of item.countermeasures) {
      add('countermeasure', countermeasure, i);
      add('service', countermeasure, i);
    }
  });
  const threatItems = (threat: string): number[] => [...(sets.get(valueKey('threat', threat)) ?? [])];
  for (const [threat, services] of threatService.answers) {
    for (const service of services) for (const i of threatItems(threat)) add('service', service, i);
  }
  for (const [description, threats] of descriptionThreat.answers) {
    for (const threat of threats) for (const i of threatItems(threat)) add('threat-description', description, i);
  }
  return new Map([...sets].map(([key, set]) => [key, [...set].sort((a, b) => a - b)]));
}
