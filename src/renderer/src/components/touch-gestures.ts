import type { Action } from 'svelte/action';

export type SwipeDirection = 'left' | 'right';

export interface TouchGestures {
  /** A finger touched and lifted without moving: not a mouse click, which selects text as before. */
  ontap?: () => void;
  /** A sideways stroke, as AnkiDroid's gestures; undefined turns swipes off. */
  onswipe?: (direction: SwipeDirection) => void;
  /** A finger held still for LONG_PRESS ms (AnkiDroid's browser selects a card so); the tap and click it would end in are not. */
  onlongpress?: () => void;
}

/** A finger moving less than this is still a tap (fingers wobble). */
const TAP_SLOP = 10;
/** A swipe covers this much ground, mostly sideways. */
const SWIPE_DISTANCE = 80;
const SWIPE_STRAIGHTNESS = 2.5;
/** How long a finger rests before a press is long: Android's own long-press timeout. */
export const LONG_PRESS = 500;

/** What a tap on these means to them (follow the link, play the sound), not to the card. */
const OWN_TAP = 'a[href], area[href], button, input, select, textarea, label, summary, audio, video, [contenteditable]';

function tapIsTheirs(path: EventTarget[]): boolean {
  return path.some((target) => target instanceof Element && target.matches(OWN_TAP));
}

/** Where the page and every box under the finger are scrolled to: if any moved, the stroke was a scroll. */
function scrollPositions(path: EventTarget[]): string {
  const boxes = [document.scrollingElement, ...path].filter((target): target is Element => target instanceof Element);
  return boxes.map((box) => `${box.scrollLeft},${box.scrollTop}`).join(' ');
}

/**
 * Taps and sideways swipes from a finger on the element, read from touch events, which keep
 * coming while the browser scrolls: a stroke during which the page or anything under the finger
 * scrolled is a scroll and never a gesture, and a second finger (pinch zoom) cancels it.
 */
export const touchGestures: Action<HTMLElement, TouchGestures> = (node, initial) => {
  let gestures = initial;
  let start: { x: number; y: number; path: EventTarget[]; scrolled: string } | null = null;
  let holding: ReturnType<typeof setTimeout> | undefined;
  /** The press was long: the touch ends with no tap, and the browser's click after it is dropped. */
  let pressed = false;

  const stopHolding = (): void => {
    clearTimeout(holding);
    holding = undefined;
  };
  const begin = (event: TouchEvent): void => {
    const touch = event.touches[0];
    const path = event.composedPath();
    start = event.touches.length === 1 && touch ? { x: touch.clientX, y: touch.clientY, path, scrolled: scrollPositions(path) } : null;
    stopHolding();
    pressed = false;
    const began = start;
    if (began && gestures.onlongpress) {
      holding = setTimeout(() => {
        holding = undefined;
        if (start !== began || scrollPositions(began.path) !== began.scrolled) return;
        pressed = true;
        gestures.onlongpress?.();
      }, LONG_PRESS);
    }
  };
  const move = (event: TouchEvent): void => {
    const touch = event.touches[0];
    if (event.touches.length > 1) start = null;
    if (!start || !touch || Math.abs(touch.clientX - start.x) >= TAP_SLOP || Math.abs(touch.clientY - start.y) >= TAP_SLOP) stopHolding();
  };
  const cancel = (): void => {
    start = null;
    stopHolding();
  };
  const end = (event: TouchEvent): void => {
    const began = start;
    const touch = event.changedTouches[0];
    if (event.touches.length === 0) start = null;
    stopHolding();
    if (pressed) {
      // No click follows a touch whose end is cancelled, so the row is not also opened.
      if (event.cancelable) event.preventDefault();
      return;
    }
    if (!began || !touch || event.touches.length > 0 || scrollPositions(began.path) !== began.scrolled) return;
    const dx = touch.clientX - began.x;
    const dy = touch.clientY - began.y;
    if (Math.abs(dx) < TAP_SLOP && Math.abs(dy) < TAP_SLOP) {
      if (!tapIsTheirs(began.path) && !window.getSelection()?.toString()) gestures.ontap?.();
      return;
    }
    if (gestures.onswipe && Math.abs(dx) >= SWIPE_DISTANCE && Math.abs(dx) >= SWIPE_STRAIGHTNESS * Math.abs(dy)) {
      gestures.onswipe(dx < 0 ? 'left' : 'right');
    }
  };

  node.addEventListener('touchstart', begin, { passive: true });
  node.addEventListener('touchmove', move, { passive: true });
  node.addEventListener('touchend', end);
  node.addEventListener('touchcancel', cancel);
  return {
    update(next) {
      gestures = next;
    },
    destroy() {
      stopHolding();
      node.removeEventListener('touchstart', begin);
      node.removeEventListener('touchmove', move);
      node.removeEventListener('touchend', end);
      node.removeEventListener('touchcancel', cancel);
    },
  };
};
