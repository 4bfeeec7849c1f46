import { ImportError } from './errors';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes UTF-8 (a leading BOM is dropped); invalid bytes are an error, never replaced silently. */
export function decodeUtf8(bytes: Uint8Array, fileName: string, where: string | null = null): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new ImportError(fileName, where ?? firstBadByte(bytes), 'the text is not valid UTF-8; save it as UTF-8 and try again');
  }
}

/** Names the line of the first invalid byte so the learner can find it in an editor. */
function firstBadByte(bytes: Uint8Array): string {
  let line = 1;
  let start = 0;
  for (let end = 0; end <= bytes.length; end++) {
    if (end < bytes.length && bytes[end] !== 0x0a) continue;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return `line ${line}`;
    }
    line++;
    start = end + 1;
  }
  return `line ${line - 1}`;
}
