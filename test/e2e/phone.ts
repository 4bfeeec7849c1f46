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
