import { writeApkg } from '../../../src/core/formats';
import { parseDeckFile } from '../../../src/core/deck-format';
import { BYTE_MUTATIONS } from './byte-mutations';
import { NOW, fixture, studiedCollection } from './collection';
import { JSON_MUTATIONS, parseJson } from './json-mutations';
import { Random } from './random';
import { everyAnkiCollectionMutation } from './sql-mutations';
import { TEXT_MUTATIONS } from './text-mutations';
import { ZIP_MUTATIONS } from './zip-mutations';

export interface HostileFile {
  name: string;
  /** Which damage made it, for the failure message. */
  how: string;
  bytes: Uint8Array;
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function byteDamage(bytes: Uint8Array, random: Random): { how: string; bytes: Uint8Array } {
  const mutation = random.pick(BYTE_MUTATIONS);
  return { how: mutation.name, bytes: mutation.apply(bytes, random) };
}

function textDamage(source: string, random: Random): { how: string; bytes: Uint8Array } {
  const mutation = random.pick(TEXT_MUTATIONS);
  return { how: mutation.name, bytes: mutation.apply(source, random) };
}

export function hostileDeckFiles(count: number, seedNumber: number): HostileFile[] {
  const random = new Random(seedNumber);
  const source = fixture('faults/deck.json');
  return Array.from({ length: count }, (_, i) => {
    const kind = i % 3;
    let damage: { how: string; bytes: Uint8Array };
    if (kind === 0) damage = byteDamage(source, random);
    else if (kind === 1) damage = textDamage(text(source), random);
    else {
      const mutation = random.pick(JSON_MUTATIONS);
      damage = { how: mutation.name, bytes: new TextEncoder().encode(mutation.apply(parseJson(text(source)), random)) };
    }
    return { name: `hostile-${i}.json`, ...damage };
  });
}

export function hostileCsvFiles(count: number, seedNumber: number): HostileFile[] {
  const random = new Random(seedNumber);
  const source = fixture('faults/vocab.csv');
  return Array.from({ length: count }, (_, i) => ({
    name: `hostile-${i}.${i % 4 === 3 ? 'tsv' : 'csv'}`,
    ...(i % 3 === 0 ? byteDamage(source, random) : textDamage(text(source), random)),
  }));
}

export function hostileNotesFiles(count: number, seedNumber: number): HostileFile[] {
  const random = new Random(seedNumber);
  const source = fixture('faults/notes.md');
  return Array.from({ length: count }, (_, i) => ({
    name: `hostile-${i}.md`,
    ...(i % 3 === 0 ? byteDamage(source, random) : textDamage(text(source), random)),
  }));
}

/** A real Anki package (from Anki's own test suite) and one Kioku wrote from the seed deck. */
export async function ankiSeeds(): Promise<Uint8Array[]> {
  const data = parseDeckFile(text(fixture('faults/deck.json')), 'deck.json');
  return [fixture('anki/media.apkg'), await writeApkg(data, { withScheduling: true, now: NOW })];
}

/** Each hostile SQL statement on each seed package, then `count` files damaged at random. */
export async function hostileAnkiFiles(count: number, seedNumber: number): Promise<HostileFile[]> {
  const random = new Random(seedNumber);
  const seeds = await ankiSeeds();
  const damaged: { how: string; bytes: Uint8Array }[] = [];
  for (const source of seeds) damaged.push(...(await everyAnkiCollectionMutation(source, random)));
  for (let i = 0; i < count; i++) {
    const source = seeds[i % seeds.length]!;
    if (i % 2 === 0) damaged.push(byteDamage(source, random));
    else {
      const mutation = random.pick(ZIP_MUTATIONS);
      damaged.push({ how: mutation.name, bytes: mutation.apply(source, random) });
    }
  }
  return damaged.map((damage, i) => ({ name: `hostile-${i}.apkg`, ...damage }));
}

export async function hostileBackups(count: number, seedNumber: number): Promise<HostileFile[]> {
  const random = new Random(seedNumber);
  const collection = await studiedCollection();
  const source = await collection.createBackup(NOW);
  collection.close();
  return Array.from({ length: count }, (_, i) => {
    const name = `hostile-${i}.kioku-backup`;
    if (i % 2 === 0) return { name, ...byteDamage(source, random) };
    const mutation = random.pick(ZIP_MUTATIONS);
    return { name, how: mutation.name, bytes: mutation.apply(source, random) };
  });
}

/** Every seed under every other format's extension: the learner picked the wrong file, or renamed one. */
export async function misnamedFiles(): Promise<HostileFile[]> {
  const collection = await studiedCollection();
  const seeds: Record<string, Uint8Array> = {
    json: fixture('faults/deck.json'),
    csv: fixture('faults/vocab.csv'),
    apkg: fixture('anki/media.apkg'),
    'kioku-backup': await collection.createBackup(NOW),
  };
  collection.close();
  const extensions = ['json', 'md', 'csv', 'tsv', 'apkg', 'anki2', 'kioku-backup'];
  return Object.entries(seeds).flatMap(([format, bytes]) =>
    extensions.filter((extension) => extension !== format).map((extension) => ({ name: `misnamed-${format}.${extension}`, how: `a ${format} file named .${extension}`, bytes })),
  );
}
