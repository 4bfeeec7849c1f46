// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import type { MediaFile } from '../../../src/core/collection/model';
import { namesMedia, soundTagsToAudio, withMedia, withoutMedia } from '../../../src/renderer/src/card-html/media';
import { sanitizeCardHtml } from '../../../src/renderer/src/card-html/sanitize';
import { hostileFields } from '../../fixtures/hostile/generated';

const stored: MediaFile[] = [
  { name: '東京 tower.jpg', mime: 'image/jpeg', data: new Uint8Array([0xff, 0xd8, 0xff]) },
  { name: 'inu.mp3', mime: 'audio/mpeg', data: new Uint8Array([0x49, 0x44, 0x33]) },
];
const source = async (name: string) => stored.find((file) => file.name === name);

describe('media on cards', () => {
  it('shows a stored picture and an Anki sound through blob: URLs, and frees them afterwards', async () => {
    const created: string[] = [];
    const revoked: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => {
      created.push(`blob:kioku/${created.length}`);
      return created.at(-1)!;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void revoked.push(url));
    const safe = sanitizeCardHtml(soundTagsToAudio('<img src="%E6%9D%B1%E4%BA%AC%20tower.jpg"> [sound:inu.mp3]'));
    expect(namesMedia(safe)).toBe(true);
    const card = await withMedia(safe, source);
    expect(card.html).toContain('<img src="blob:kioku/0">');
    expect(card.html).toContain('<audio controls="" src="blob:kioku/1">');
    card.release();
    expect(revoked).toEqual(created);
    vi.restoreAllMocks();
  });

  it('never shows a file as what the deck declares it to be: a page called a picture, a sound in <img>, unknown bytes', async () => {
    const files: MediaFile[] = [
      { name: 'page.png', mime: 'text/html', data: new TextEncoder().encode('<!doctype html><script>parent.x=1</script>') },
      { name: 'inu.mp3', mime: 'image/png', data: new Uint8Array([0x49, 0x44, 0x33]) },
      { name: 'foo.wav', mime: 'audio/wav', data: new TextEncoder().encode('abc\n') },
    ];
    const card = await withMedia(
      sanitizeCardHtml('<img alt="a" src="page.png"><video src="page.png"></video><img alt="b" src="inu.mp3"><audio src="foo.wav"></audio>'),
      async (name) => files.find((file) => file.name === name),
    );
    expect(card.html).toBe('<img alt="a"><video></video><img alt="b"><audio></audio>');
  });

  it('gives a stored file a blob of the type read from its bytes, not the one the deck declares', async () => {
    const types: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      types.push((blob as Blob).type);
      return 'blob:kioku/0';
    });
    await withMedia(sanitizeCardHtml('<audio src="inu.mp3"></audio>'), async () => ({ name: 'inu.mp3', mime: 'text/html', data: new Uint8Array([0x49, 0x44, 0x33]) }));
    expect(types).toEqual(['audio/mpeg']);
    vi.restoreAllMocks();
  });

  it('drops the src of a file the collection does not have, so nothing is asked of the server', async () => {
    const card = await withMedia(sanitizeCardHtml('<img src="missing.png" alt="a diagram">'), source);
    expect(card.html).toBe('<img alt="a diagram">');
  });

  it('leaves cards without stored media alone', async () => {
    const safe = sanitizeCardHtml('<b>IAM</b><img src="data:image/png;base64,AAAA">');
    expect(namesMedia(safe)).toBe(false);
    expect((await withMedia(safe, source)).html).toBe(safe);
  });

  it('never turns a hostile sound tag into markup', () => {
    expect(soundTagsToAudio('[sound:"><script>x</script>]')).toBe('[sound:"><script>x</script>]');
  });

  it('finds the real sound among unclosed ones, in one pass over 1 MiB of them', () => {
    expect(soundTagsToAudio('[sound:<b>[sound:inu.mp3] [sound:a')).toBe('[sound:<b><audio controls src="inu.mp3"></audio> [sound:a');
    // Each unclosed opener used to scan on to the next stop character: hours of work for a field the reveal waited on.
    for (const { name, text } of hostileFields()) {
      const spoiled = `${text}<]`;
      expect(soundTagsToAudio(spoiled), name).toBe(spoiled);
    }
  });
});

describe('a card whose files are still being looked up', () => {
  it('shows without them rather than asking the server for a bare name', () => {
    expect(withoutMedia(sanitizeCardHtml('<p>Macie</p><img src="s3.png"><img src="data:image/png;base64,AAAA">'))).toBe(
      '<p>Macie</p><img><img src="data:image/png;base64,AAAA">',
    );
  });
});
