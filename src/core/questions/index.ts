export type { Category, Question, QuestionKind, RelationQuestionKind } from './types';
export { relationsOf, type RelationTable, type Direction } from './relations';
export { relationAsks, relationQuestion, type RelationAsk } from './relation-questions';
export { noteAsks, noteQuestion, type NoteAsk } from './note-questions';
export { questionPool, poolTopics, defaultWeights, allocate, buildExam, DEFAULT_BLUEPRINT, type Ask, type ExamRequest, type PoolInput } from './exam';
export { isRight, scoreOf, scoreByTopic, calibrationGap, type ExamAttempt, type QuestionResult, type Score } from './attempt';
export { attemptsCsv } from './attempts-csv';
export { OPTION_COUNT } from './options';
