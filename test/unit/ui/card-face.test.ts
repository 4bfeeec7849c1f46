// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
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
});
