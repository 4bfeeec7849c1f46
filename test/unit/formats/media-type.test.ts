import { describe, expect, it } from 'vitest';
import { mediaTypeFits, sniffMediaType } from '../../../src/core/formats/media-type';

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);

describe('the type of a media file, read from its content', () => {
  it('knows the pictures, sounds and films a card can show', () => {
    expect(sniffMediaType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(sniffMediaType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffMediaType(ascii('GIF89a...'))).toBe('image/gif');
    expect(sniffMediaType(ascii('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffMediaType(ascii('RIFF\0\0\0\0WAVEfmt '))).toBe('audio/wav');
    expect(sniffMediaType(ascii('ID3\x04\0'))).toBe('audio/mpeg');
    expect(sniffMediaType(bytes(0xff, 0xfb, 0x90, 0x64))).toBe('audio/mpeg');
    expect(sniffMediaType(bytes(0xff, 0xf1, 0x50, 0x80))).toBe('audio/aac');
    expect(sniffMediaType(ascii('OggS\0\x02'))).toBe('audio/ogg');
    expect(sniffMediaType(ascii('fLaC\0'))).toBe('audio/flac');
    expect(sniffMediaType(ascii('\0\0\0\x20ftypM4A \0\0'))).toBe('audio/mp4');
    expect(sniffMediaType(ascii('\0\0\0\x20ftypisom\0\0'))).toBe('video/mp4');
    expect(sniffMediaType(ascii('\0\0\0\x20ftypavif\0\0'))).toBe('image/avif');
    expect(sniffMediaType(bytes(0x1a, 0x45, 0xdf, 0xa3, 0x9f))).toBe('video/webm');
  });

  it('recognises an SVG behind a declaration, comments and a doctype, so it is never shown as it is', () => {
    const svg = '\uFEFF<?xml version="1.0"?>\n<!-- drawn by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd">\n<svg xmlns="http://www.w3.org/2000/svg"></svg>';
    expect(sniffMediaType(ascii(svg))).toBe('image/svg+xml');
  });

  it('refuses a page, a script or anything else, whatever the deck calls it', () => {
    for (const text of ['<!doctype html><script>x</script>', '<html><body>', 'alert(1)', 'abc\n', '', '<?xml version="1.0"?><html/>']) {
      expect(sniffMediaType(ascii(text)), text).toBeNull();
    }
  });

  it('looks for <svg only in the head of a text, so a megabyte of comments or spaces is no picture', () => {
    expect(sniffMediaType(ascii('<!--'.repeat(1 << 18)))).toBeNull();
    expect(sniffMediaType(ascii(' '.repeat(1 << 20) + '<svg>'))).toBeNull();
  });

  it('lets a picture into <img> only and a sound or film into a player only', () => {
    expect(mediaTypeFits('image/png', 'img')).toBe(true);
    expect(mediaTypeFits('image/svg+xml', 'video')).toBe(false);
    expect(mediaTypeFits('audio/wav', 'img')).toBe(false);
    expect(mediaTypeFits('audio/wav', 'source')).toBe(true);
  });
});
