/**
 * The names of the learner's changes, as the undo menu shows them ("Undo Suspend"). Each has a
 * label under `undo.actions` in both i18n catalogs (a unit test checks). Whoever adds an
 * undoable change adds its name here and its label there.
 */
export const UNDO_ACTIONS = [
  'answer',
  'bury',
  'buryNote',
  'suspend',
  'suspendNote',
  'unsuspend',
  'flag',
  'mark',
  'addNote',
  'editNote',
  'deleteNote',
  'resetCard',
  'setDueDate',
  'moveCards',
  'deckOptions',
  'collectionOptions',
  'import',
  'customStudy',
  'filteredDeck',
  'fsrsParameters',
  'addTags',
  'removeTags',
  'unbury',
  'reposition',
  'markAgain',
  'addDeck',
  'renameDeck',
  'moveDeck',
  'deleteDeck',
  'deckDescription',
  'presetOptions',
  'addPreset',
  'renamePreset',
  'deletePreset',
  'usePreset',
  'addNoteType',
  'editNoteType',
  'deleteNoteType',
] as const;

export type UndoAction = (typeof UNDO_ACTIONS)[number];
