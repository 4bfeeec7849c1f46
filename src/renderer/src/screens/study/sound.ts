/**
 * A side's sounds, played one after another as Anki plays them, and stopped when the card
 * changes. The players live in the card's shadow root, out of reach of the page's selectors.
 */
let playing: HTMLAudioElement[] = [];

export function stopSounds(): void {
  for (const audio of playing) audio.pause();
  playing = [];
}

export function soundsIn(face: ParentNode | null | undefined): HTMLAudioElement[] {
  return face ? [...face.querySelectorAll('audio')].filter((audio) => audio.getAttribute('src')) : [];
}

export function playInTurn(audios: readonly HTMLAudioElement[]): void {
  stopSounds();
  playing = [...audios];
  const queue = [...audios];
  const next = (): void => {
    const audio = queue.shift();
    if (!audio || !playing.includes(audio)) return;
    audio.currentTime = 0;
    audio.addEventListener('ended', next, { once: true });
    // A browser may refuse to play before the learner has touched the page; the player stays there to press.
    audio.play().catch(next);
  };
  next();
}
