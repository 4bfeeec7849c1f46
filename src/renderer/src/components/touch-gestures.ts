import type { Action } from 'svelte/action';

export type SwipeDirection = 'left' | 'right';

export interface TouchGestures {
  /** A finger touched and lifted without moving: not a mouse click, which selects text as before. */
  ontap?: () => void;
  /** A quick sideways stroke, as AnkiDroid's gestures; undefined turns swipes off. */
  onswipe?: (direction: SwipeDirection) => void;
}

/** A finger moving less than this is still a tap (fingers wobble). */
const TAP_SLOP = 10;
const TAP_MS = 500;
/** A swipe covers this much ground, mostly sideways, within SWIPE_MS. */
const SWIPE_DISTANCE = 80;
const SWIPE_STRAIGHTNESS = 2.5;
const SWIPE_MS = 800;

/** What a tap on these means to them (follow the link, play the sound), not to the card. */
const OWN_TAP = 'a[href], area[href], button, input, select, textarea, label, summary, audio, video, [contenteditable]';

function tapIsTheirs(path: EventTarget[]): boolean {
  return path.some((target) => target instanceof Element && target.matches(OWN_TAP));
}

/** A sideways stroke over something that scrolls sideways (a wide table on a card) scrolls it. */
function scrollsSideways(path: EventTarget[]): boolean {
  return path.some((target) => {
    if (!(target instanceof Element) || target.scrollWidth <= target.clientWidth) return false;
    const overflow = getComputedStyle(target).overflowX;
    return overflow === 'auto' || overflow === 'scroll';
  });
}

/**
 * Taps and sideways swipes from a finger on the element. The element lets the browser pan it
 * vertically only (touch-action: pan-y), so a scroll makes the browser cancel the pointer and
 * never counts as a gesture; a second finger (pinch zoom) cancels it too.
 */
export const touchGestures: Action<HTMLElement, TouchGestures> = (node, initial) => {
  let gestures = initial;
  let start: { id: number; x: number; y: number; at: number; path: EventTarget[] } | null = null;

  const down = (event: PointerEvent): void => {
    if (event.pointerType === 'mouse') return;
    start = start ? null : { id: event.pointerId, x: event.clientX, y: event.clientY, at: event.timeStamp, path: event.composedPath() };
  };
  const cancel = (): void => {
    start = null;
  };
  const up = (event: PointerEvent): void => {
    const began = start;
    start = null;
    if (!began || began.id !== event.pointerId) return;
    const dx = event.clientX - began.x;
    const dy = event.clientY - began.y;
    const ms = event.timeStamp - began.at;
    if (Math.abs(dx) < TAP_SLOP && Math.abs(dy) < TAP_SLOP && ms < TAP_MS) {
      if (!tapIsTheirs(began.path) && !window.getSelection()?.toString()) gestures.ontap?.();
      return;
    }
    const swipe = gestures.onswipe;
    if (!swipe || ms > SWIPE_MS || Math.abs(dx) < SWIPE_DISTANCE || Math.abs(dx) < SWIPE_STRAIGHTNESS * Math.abs(dy)) return;
    if (scrollsSideways(began.path)) return;
    swipe(dx < 0 ? 'left' : 'right');
  };

  node.style.touchAction = 'pan-y pinch-zoom';
  node.addEventListener('pointerdown', down);
  node.addEventListener('pointerup', up);
  node.addEventListener('pointercancel', cancel);
  return {
    update(next) {
      gestures = next;
    },
    destroy() {
      node.removeEventListener('pointerdown', down);
      node.removeEventListener('pointerup', up);
      node.removeEventListener('pointercancel', cancel);
    },
  };
};
