import type { MediaFile } from '../../collection/model';
import { ImportError } from '../errors';
import { mediaNameProblem } from '../../collection/validity';
import { mimeFromName } from '../mime';
import { progressReporter, type ProgressOptions } from '../progress';
import type { SkippedItem } from '../skipped';
import { decodeUtf8 } from '../utf8';
import type { ZipReader } from '../zip/read-zip';
import { isZstd, unzstd } from '../zstd';
import type { AnkiSchema } from './open-package';
import { protoString, readProtobuf } from './protobuf';

/**
 * Reads the package's media. The `media` entry maps zip entry names (0, 1, 2…) to file names:
 * JSON in legacy packages, a zstd-compressed protobuf MediaEntries list (entry i is zip entry
 * "i") in anki21b packages, whose media files are zstd-compressed as well.
 */
export function readPackageMedia(zip: ZipReader, schema: AnkiSchema, fileName: string, options: ProgressOptions, skipped: SkippedItem[]): MediaFile[] {
  if (!zip.has('media')) return [];
  const raw = zip.read('media');
  const map = isZstd(raw) ? protobufMediaMap(unzstd(raw, fileName, 'zip entry "media"'), fileName) : jsonMediaMap(raw, fileName);
  const progress = progressReporter(options, fileName, map.length);
  const seen = new Set<string>();
  const media: MediaFile[] = [];
  map.forEach(([entry, name], index) => {
    progress.tick(index + 1);
    const problem = mediaNameProblem(name);
    if (problem) return skipped.push({ kind: 'media', name: JSON.stringify(name), reason: 'unsafe-media-name', detail: {} });
    if (seen.has(name)) return skipped.push({ kind: 'media', name, reason: 'duplicate-media-name', detail: {} });
    if (!zip.has(entry)) return skipped.push({ kind: 'media', name, reason: 'missing-media-data', detail: { entry } });
    seen.add(name);
    const stored = zip.read(entry);
    const data = schema === 'anki21b' && isZstd(stored) ? unzstd(stored, fileName, `zip entry "${entry}"`) : stored;
    media.push({ name, mime: mimeFromName(name), data });
  });
  return media;
}

function jsonMediaMap(raw: Uint8Array, fileName: string): [string, string][] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeUtf8(raw, fileName, 'zip entry "media"'));
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(fileName, 'zip entry "media"', `is not valid JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ImportError(fileName, 'zip entry "media"', 'is not a map of entry numbers to file names');
  }
  return Object.entries(parsed).map(([entry, name]) => {
    if (typeof name !== 'string') throw new ImportError(fileName, `zip entry "media", entry ${entry}`, 'file name is not text');
    return [entry, name];
  });
}

function protobufMediaMap(bytes: Uint8Array, fileName: string): [string, string][] {
  try {
    const entries = readProtobuf(bytes).get(1) ?? [];
    return entries.map((entry, index) => {
      if (!(entry instanceof Uint8Array)) throw new Error(`entry ${index} is not a message`);
      return [String(index), protoString(readProtobuf(entry), 1)];
    });
  } catch (error) {
    throw new ImportError(fileName, 'zip entry "media"', `the media list is damaged (${(error as Error).message})`);
  }
}
