import * as v from 'valibot';
import type { CollectionData, MediaFile } from '../collection/model';
import { base64ToBytes } from './base64';
import { crossCheck } from './cross-check';
import { DeckFormatError } from './errors';
import { issuePath, issueProblem } from './issue-path';
import { findJsonSyntaxProblem } from './json-syntax';
import { DECK_FILE_FORMAT, DECK_FILE_VERSION, deckFileSchema } from './schema';

/** Reads a Kioku deck file, all or nothing: any problem throws a DeckFormatError naming the file and where. */
export function parseDeckFile(text: string, fileName: string): CollectionData {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    const { line, column, problem } = findJsonSyntaxProblem(text.replace(/^\uFEFF/, ''));
    throw new DeckFormatError(fileName, `line ${line}, column ${column}`, `not valid JSON: ${problem}`);
  }
  checkHeader(json, fileName);

  const result = v.safeParse(deckFileSchema, json, { abortEarly: true });
  if (!result.success) {
    const [issue] = result.issues;
    throw new DeckFormatError(fileName, issuePath(issue), issueProblem(issue));
  }
  const file = result.output;
  const problem = crossCheck(file);
  if (problem) throw new DeckFormatError(fileName, problem.where, problem.problem);

  const data: CollectionData = { decks: file.decks, noteTypes: file.noteTypes, notes: file.notes };
  if (file.cards) data.cards = file.cards;
  if (file.reviews) data.reviews = file.reviews;
  if (file.media) data.media = file.media.map((item, i) => decodeMedia(item, i, fileName));
  return data;
}

/** A clearer message than a schema mismatch when the file is some other JSON or a newer version. */
function checkHeader(json: unknown, fileName: string): void {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new DeckFormatError(fileName, 'top level', 'expected a JSON object');
  }
  const { format, version } = json as { format?: unknown; version?: unknown };
  if (format !== DECK_FILE_FORMAT) {
    throw new DeckFormatError(fileName, 'format', `expected "${DECK_FILE_FORMAT}", got ${JSON.stringify(format) ?? 'nothing'}`);
  }
  if (version !== DECK_FILE_VERSION) {
    throw new DeckFormatError(fileName, 'version', `unsupported version ${JSON.stringify(version) ?? '(missing)'}; this Kioku reads version ${DECK_FILE_VERSION}`);
  }
}

function decodeMedia(item: { name: string; mime: string; data: string }, index: number, fileName: string): MediaFile {
  try {
    return { name: item.name, mime: item.mime, data: base64ToBytes(item.data) };
  } catch {
    throw new DeckFormatError(fileName, `media[${index}].data`, 'expected base64 text');
  }
}
