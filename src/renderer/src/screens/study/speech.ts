import type { SpokenText } from '../../../../core/cards/tts';

/**
 * Reads texts aloud with the Web Speech API, in a voice of their language. Where the system has
 * no such voice, or no speech at all, it stays silent rather than reading Japanese in English.
 */
export function speak(texts: readonly SpokenText[], synth: SpeechSynthesis | undefined = globalThis.speechSynthesis): void {
  if (!synth || texts.length === 0) return;
  synth.cancel();
  const voices = synth.getVoices();
  for (const { lang, text } of texts) {
    const base = lang.split('-')[0]?.toLowerCase() ?? '';
    const voice = voices.find((v) => v.lang.toLowerCase() === lang.toLowerCase()) ?? voices.find((v) => v.lang.toLowerCase().startsWith(base));
    if (!voice || text === '') continue;
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    synth.speak(utterance);
  }
}
