import type { Page } from 'playwright-core';
import type { Phone } from './browser';

/** The two phone screens the layout is held to: a small Android and a current iPhone. */
export const PHONES: readonly Phone[] = [
  { width: 360, height: 740 },
  { width: 390, height: 844 },
];

export interface LayoutProblems {
  /** How far the page reaches past the screen's right edge, in CSS pixels (0 when nothing scrolls sideways). */
  overflow: number;
  /** Controls smaller than 44×44 CSS pixels, as "tag 'name' w×h". */
  small: string[];
  /** The innermost elements reaching past the right edge, to say what to fix. */
  widest: string[];
}

/**
 * Measures what a thumb would meet on the screen as it is now: whether the page scrolls sideways,
 * and every visible control smaller than 44×44 px. A checkbox or radio button is measured by its
 * label, which takes the tap for it.
 */
export function layoutProblems(page: Page): Promise<LayoutProblems> {
  return page.evaluate(() => {
    const MIN = 44 - 0.5;
    const root = document.documentElement;
    const controls = [...document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, summary, [role="button"], [role="grid"] tbody tr[aria-rowindex]')];
    const small: string[] = [];
    for (const control of controls) {
      if (!control.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue;
      if (control.closest('.visually-hidden')) continue;
      const target = (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio') && control.closest('label')) || control;
      const box = target.getBoundingClientRect();
      // Off-screen on purpose, as the skip link is until it is focused.
      if (box.right <= 0 || box.width === 0 || box.height === 0) continue;
      if (box.width < MIN || box.height < MIN) {
        const name = (control.getAttribute('aria-label') ?? control.textContent ?? (control as HTMLInputElement).name ?? '').trim().slice(0, 30);
        small.push(`${control.localName}${control instanceof HTMLInputElement ? `[${control.type}]` : ''} '${name}' ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    const describe = (element: Element): string => `${element.localName}${element.className ? `.${String(element.className).split(' ')[0]}` : ''}`;
    const widest = [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 0.5 && !element.closest('.visually-hidden'))
      .filter((element, _, all) => !all.some((other) => other !== element && element.contains(other)))
      .slice(0, 5)
      .map((element) => `${element.parentElement ? describe(element.parentElement) : ''} > ${describe(element)} right ${Math.round(element.getBoundingClientRect().right)}`);
    return { overflow: Math.max(0, root.scrollWidth - root.clientWidth), small, widest };
  });
}

/**
 * Japanese words split across two lines, as "word (in 'text')": 「サービ／ス」 for 「サービス」.
 * Words are found with the browser's own segmenter (ICU's dictionary, which cuts finer than a
 * learner would: 「くだ｜さい」), so every break it finds is inside a word; a run of katakana counts as
 * one word, as ICU does not know most loanwords. A word wider than its
 * line has to break and is not counted. Text separated only by <wbr> is read as one run. Text in
 * open shadow roots (a card's) is read too.
 */
export function midWordBreaks(page: Page, selector = 'body'): Promise<string[]> {
  return page.evaluate((selector) => {
    const japanese = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
    const katakana = /^[\p{Script=Katakana}ー]+$/u;
    const words = new Intl.Segmenter('ja', { granularity: 'word' });
    const found: string[] = [];
    const runsOf = (element: Element): Text[][] => {
      const runs: Text[][] = [[]];
      for (const child of element.childNodes) {
        if (child instanceof Text) runs[runs.length - 1]!.push(child);
        else if (!(child instanceof HTMLElement && child.localName === 'wbr')) runs.push([]);
      }
      return runs.filter((run) => run.some((node) => japanese.test(node.data)));
    };
    // A card is shown in a shadow root of its own, which querySelectorAll does not enter.
    const andShadow = (element: Element): Element[] => [element, ...(element.shadowRoot ? [...element.shadowRoot.querySelectorAll('*')].flatMap(andShadow) : [])];
    for (const root of document.querySelectorAll(selector)) {
      for (const element of [root, ...root.querySelectorAll('*')].flatMap(andShadow)) {
        if (!(element instanceof HTMLElement) || element.closest('.visually-hidden, option, script, style')) continue;
        if (!element.checkVisibility({ visibilityProperty: true })) continue;
        let block: HTMLElement = element;
        while (['inline', 'contents'].includes(getComputedStyle(block).display) && block.parentElement) block = block.parentElement;
        const style = getComputedStyle(block);
        const lineWidth = block.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        for (const run of runsOf(element)) {
          const text = run.map((node) => node.data).join('');
          // Where in the run's text nodes a character offset of the joined text falls.
          const at = (offset: number): [Text, number] => {
            for (const node of run) {
              if (offset <= node.data.length) return [node, offset];
              offset -= node.data.length;
            }
            const last = run[run.length - 1]!;
            return [last, last.data.length];
          };
          // ICU cuts loanwords it does not know anywhere (コン｜プライア｜ン｜ス): a katakana run is one word.
          const segments: { segment: string; index: number }[] = [];
          for (const { segment, index, isWordLike } of words.segment(text)) {
            const last = segments[segments.length - 1];
            if (last && katakana.test(segment) && katakana.test(last.segment) && last.index + last.segment.length === index) last.segment += segment;
            else if (isWordLike) segments.push({ segment, index });
          }
          for (const { segment, index } of segments) {
            if (segment.length < 2 || !japanese.test(segment)) continue;
            const range = document.createRange();
            range.setStart(...at(index));
            range.setEnd(...at(index + segment.length));
            const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
            const width = rects.reduce((sum, rect) => sum + rect.width, 0);
            if (rects.length < 2 || width > lineWidth) continue;
            const tops = rects.map((rect) => rect.top);
            if (Math.max(...tops) - Math.min(...tops) > rects[0]!.height / 2) found.push(`${segment} (in '${text.trim().slice(0, 40)}')`);
          }
        }
      }
    }
    return found;
  }, selector);
}
