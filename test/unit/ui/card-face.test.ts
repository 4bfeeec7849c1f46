// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_SHOWN_CHARS } from '../../../src/renderer/src/card-html/safe-card';
import CardFace from '../../../src/renderer/src/components/CardFace.svelte';

afterEach(cleanup);

describe('CardFace', () => {
  it('shows the card text but never its scripts or handlers', () => {
    render(CardFace, {
      html: '<b>東京</b><img src="https://tracker.test/p.gif" onerror="alert(1)"><script>alert(2)</script>',
      label: 'Question',
    });
    // The card is shown inside the article's own shadow root, out of reach of the app's styles and layout.
    const card = screen.getByRole('article', { name: 'Question' }).shadowRoot!;
    expect(card.querySelector('b')?.textContent).toBe('東京');
    expect(card.querySelector('script')).toBeNull();
    expect(card.innerHTML).not.toMatch(/onerror|tracker\.test/);
  });

  it('shows the beginning of a card too long to lay out, and says how much is left out', () => {
    // 1 MiB of 「漢[」 took Chromium minutes to lay out: the app froze on the card.
    const html = `<b>先頭</b>${'漢['.repeat(300_000)}<i>末尾</i>`;
    render(CardFace, { html, label: 'Question' });
    const card = screen.getByRole('article', { name: 'Question' }).shadowRoot!;
    const face = card.querySelector('.face')!;
    const notice = face.querySelector('.too-long')!;
    expect(face.querySelector('b')?.textContent).toBe('先頭');
    expect(face.textContent!.length - notice.textContent!.length).toBe(MAX_SHOWN_CHARS);
    expect(face.textContent).not.toContain('末尾');
    expect(notice.textContent).toMatch(/too long to show whole/);
  });

  it('shows a card of ordinary length whole, with no notice', () => {
    render(CardFace, { html: `<p>${'記憶'.repeat(5000)}</p>`, label: 'Answer' });
    const face = screen.getByRole('article', { name: 'Answer' }).shadowRoot!.querySelector('.face')!;
    expect(face.textContent).toBe('記憶'.repeat(5000));
    expect(face.querySelector('.too-long')).toBeNull();
  });

  it('keeps a few of the combining marks stacked on one character, as many as any script needs', () => {
    render(CardFace, { html: `<p>Z${'\u0301\u0308'.repeat(5000)}algo ŝ̀ がぎ</p>`, label: 'Answer' });
    const face = screen.getByRole('article', { name: 'Answer' }).shadowRoot!.querySelector('.face')!;
    expect(face.textContent).toBe(`Z${'\u0301\u0308'.repeat(8)}algo ŝ̀ がぎ`);
  });
});
