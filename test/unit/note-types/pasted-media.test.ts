import { describe, expect, it } from 'vitest';
import { MAX_PASTED_AUDIO_BYTES, MAX_PASTED_IMAGE_BYTES, pastedMedia } from '../../../src/core/media/pasted-media';
import { duplicateKey, findDuplicate } from '../../../src/core/note-types/duplicate';

const png = (size = 64) => {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return bytes;
};

describe('a pasted or dropped file', () => {
  it('is named by its content, so the same picture pasted twice is one file, and another picture another', async () => {
    const first = await pastedMedia(png());
    const again = await pastedMedia(png());
    const other = png();
    other[40] = 1;
    expect(first).toMatchObject({ ok: true, kind: 'image', type: 'image/png' });
    expect(first.ok && first.name).toMatch(/^paste-[0-9a-f]{40}\.png$/);
    expect(again).toEqual(first);
    const changed = await pastedMedia(other);
    expect(changed.ok && changed.name).not.toBe(first.ok && first.name);
    expect(first.ok && first.html).toBe(`<img src="${first.ok && first.name}">`);
  });

  it("is typed by its bytes: a sound becomes Anki's [sound:] tag, a page named .png is refused", async () => {
    const mp3 = new Uint8Array([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0]);
    const sound = await pastedMedia(mp3);
    expect(sound).toMatchObject({ ok: true, kind: 'audio', type: 'audio/mpeg' });
    expect(sound.ok && sound.html).toMatch(/^\[sound:paste-[0-9a-f]{40}\.mp3\]$/);
    expect(await pastedMedia(new TextEncoder().encode('<html><script>alert(1)</script>'))).toEqual({ ok: false, reason: 'type' });
    const film = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0, 0, 0, 0]);
    expect(await pastedMedia(film)).toEqual({ ok: false, reason: 'type' });
  });

  it('over the size limit is refused with the limit to show', async () => {
    expect(await pastedMedia(png(MAX_PASTED_IMAGE_BYTES + 1))).toEqual({ ok: false, reason: 'size', kind: 'image', limit: MAX_PASTED_IMAGE_BYTES });
    expect((await pastedMedia(png(MAX_PASTED_IMAGE_BYTES))).ok).toBe(true);
    expect(MAX_PASTED_AUDIO_BYTES).toBeGreaterThan(MAX_PASTED_IMAGE_BYTES);
  });
});

describe('a duplicate first field, as Anki flags it', () => {
  const notes = [{ id: 'a', noteTypeId: 'basic', fields: ['<b>VPC</b>&nbsp;', 'x'] }];
  it('is the same text whatever its markup, in a note of the same note type', () => {
    expect(duplicateKey('<b>VPC</b>&nbsp;')).toBe('VPC');
    expect(findDuplicate(notes, { noteTypeId: 'basic', fields: ['VPC', ''] })).toBe('a');
    expect(findDuplicate(notes, { noteTypeId: 'cloze', fields: ['VPC', ''] })).toBeNull();
    expect(findDuplicate(notes, { noteTypeId: 'basic', fields: ['VPCs', ''] })).toBeNull();
  });
  it('is not the note being edited itself, nor an empty field', () => {
    expect(findDuplicate(notes, { id: 'a', noteTypeId: 'basic', fields: ['VPC'] })).toBeNull();
    expect(findDuplicate([{ id: 'b', noteTypeId: 'basic', fields: [''] }], { noteTypeId: 'basic', fields: ['<br>'] })).toBeNull();
  });
});
