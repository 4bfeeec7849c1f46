// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitizeCardHtml } from '../../../src/renderer/src/card-html/sanitize';

function rendered(html: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = sanitizeCardHtml(html);
  return host;
}

describe('sanitizeCardHtml', () => {
  it('keeps the formatting a card needs, Japanese included', () => {
    const host = rendered('<b>東京</b><br><ruby>漢字<rt>かんじ</rt></ruby><ul><li>one</li></ul>');
    expect(host.querySelector('b')?.textContent).toBe('東京');
    expect(host.querySelector('rt')?.textContent).toBe('かんじ');
    expect(host.querySelector('li')).not.toBeNull();
  });

  it('drops scripts, frames, plugins, forms and meta refreshes', () => {
    const host = rendered(
      '<script>alert(1)</script><iframe src="https://x.test"></iframe><object data="x"></object><embed src="x"><form><input></form><meta http-equiv="refresh" content="0;url=https://x.test">ok',
    );
    for (const tag of ['script', 'iframe', 'object', 'embed', 'form', 'input', 'meta']) {
      expect(host.querySelector(tag), tag).toBeNull();
    }
    expect(host.textContent).toBe('ok');
  });

  it('drops event handlers and javascript: links', () => {
    const host = rendered('<img src="a.png" onerror="alert(1)"><a href="javascript:alert(1)">x</a><div onclick="x()">y</div>');
    expect(host.innerHTML).not.toMatch(/onerror|onclick|javascript:/i);
  });

  it('shows only images from this app: blob:, data: or same-origin', () => {
    const host = rendered(
      '<img alt="far" src="https://tracker.test/p.gif"><img alt="proto" src="//tracker.test/p.gif"><img alt="blob" src="blob:http://localhost/1"><img alt="data" src="data:image/png;base64,AAAA"><img alt="local" src="kanji.png">',
    );
    const sources = Object.fromEntries([...host.querySelectorAll('img')].map((img) => [img.alt, img.getAttribute('src')]));
    expect(sources).toEqual({
      far: null,
      proto: null,
      blob: 'blob:http://localhost/1',
      data: 'data:image/png;base64,AAAA',
      local: 'kanji.png',
    });
  });

  it('drops styles that load from another host but keeps plain ones', () => {
    const host = rendered(
      '<div id="a" style="background:url(https://x.test/a.png)">a</div><div id="b" style="color: red">b</div><div id="c" style="background:url(data:image/png;base64,AA)">c</div>',
    );
    expect(host.querySelector('#a')?.getAttribute('style')).toBeNull();
    expect(host.querySelector('#b')?.getAttribute('style')).toBe('color: red');
    expect(host.querySelector('#c')?.getAttribute('style')).toContain('data:image/png');
  });

  it('opens links outside the app', () => {
    const link = rendered('<a href="https://docs.aws.amazon.com/">docs</a>').querySelector('a');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('opens image-map areas outside the app too, never in place of it', () => {
    const area = rendered('<img src="a.png" usemap="#m"><map name="m"><area shape="rect" coords="0,0,9,9" href="https://x.test/"></map>').querySelector('area');
    expect(area?.getAttribute('target')).toBe('_blank');
    expect(area?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('drops styles that reach another host through CSS escapes or image-set()', () => {
    for (const style of [
      'background:u\\72 l(http://x.test/a.png)',
      'background-image:\\75rl(http://x.test/a.png)',
      "background-image:image-set('http://x.test/a.png' 1x)",
      'background-image:-webkit-image-set(url(http://x.test/a.png) 1x)',
      'background:url(http://x.test/a.png',
    ]) {
      expect(rendered(`<div style="${style.replace(/"/g, '&quot;')}">a</div>`).querySelector('div')?.getAttribute('style'), style).toBeNull();
    }
  });

  it('gives media no subtitle tracks, no cross-origin mode and no path to another host', () => {
    const host = rendered(
      '<video crossorigin src="a.webm"><track default src="/\\x.test/t.vtt"></video><img alt="slash" src="/\\x.test/p.gif"><img alt="tab" src="/\t/x.test/p.gif">',
    );
    expect(host.querySelector('track')).toBeNull();
    expect(host.querySelector('video')?.hasAttribute('crossorigin')).toBe(false);
    expect([...host.querySelectorAll('img')].map((img) => img.getAttribute('src'))).toEqual([null, null]);
  });
});
