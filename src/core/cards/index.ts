export { BASIC_NOTE_TYPE, BASIC_REVERSED_NOTE_TYPE, CLOZE_NOTE_TYPE, BUILT_IN_NOTE_TYPES } from './note-types';
export { cardTemplatesFor, renderCard, type RenderedCard } from './render';
export { cardId } from './card-id';
export { newCardsFor } from './new-cards';
export { clozeAnswers, clozeNumbers, renderCloze } from './cloze';
export { stripHtml } from './html';
export { cardText, htmlToTextLine, shortened, MEDIA_MARKERS, type CardSide } from './plain-text';
export { compareAnswer, replaceTypeAnswer, type TypeAnswerKind } from './type-answer';
export { furigana, kana, kanji } from './furigana';
