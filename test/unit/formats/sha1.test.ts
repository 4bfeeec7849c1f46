import { describe, expect, it } from 'vitest';
import { fieldChecksum, stripHtmlKeepingMedia } from '../../../src/core/formats/apkg/checksum';
import { sha1Hex } from '../../../src/core/formats/sha1';

describe('sha1 and Anki’s field checksum', () => {
  it('matches the published SHA-1 test vectors', () => {
    expect(sha1Hex('')).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(sha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(sha1Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('84983e441c3bd26ebaae4aa1f95129e5e54670f1');
    expect(sha1Hex('a'.repeat(1_000_000))).toBe('34aa973cd4c4daa4f61eeb2bdbad27316534016f');
  });

  it('gives the checksums Anki stored in the real fixture packages', () => {
    // csum column values written by Anki in update2.apkg and diffmodeltemplates-1.apkg.
    expect(fieldChecksum('goodbye')).toBe(1015989383);
    expect(fieldChecksum('question?')).toBe(864360589);
  });

  it('keeps image file names when stripping HTML, as Anki does for the sort field', () => {
    expect(stripHtmlKeepingMedia('<div>猫 <img src="neko.jpg"></div>&nbsp;&lt;3')).toBe('猫  neko.jpg  <3');
  });
});
