/**
 * Whether a sideways swipe answers a revealed card (left: Again, right: Good), as AnkiDroid's
 * gestures do. Off until the learner turns it on, since a stray stroke would grade a card; kept
 * per device, because a phone wants it and a desktop does not.
 */
const KEY = 'kioku.swipeToAnswer';

export function swipeToAnswer(): boolean {
  return localStorage.getItem(KEY) === 'on';
}

export function setSwipeToAnswer(on: boolean): void {
  localStorage.setItem(KEY, on ? 'on' : 'off');
}
