import { describe, expect, it } from 'vitest';
import { wordPieces } from '../../../src/core/text/word-pieces';

describe('wordPieces', () => {
  it('breaks a Japanese deck name only between words, with particles kept on the word before', () => {
    expect(wordPieces('脅威と対策サービス')).toEqual(['脅威と', '対策', 'サービス']);
    expect(wordPieces('脅威とAWSサービス')).toEqual(['脅威と', 'AWS', 'サービス']);
    expect(wordPieces('非機能要求グレード')).toEqual(['非', '機能', '要求', 'グレード']);
    expect(wordPieces('バックアップを書き出してください')).toEqual(['バックアップを', '書き出してください']);
  });

  it('keeps a single word whole', () => {
    expect(wordPieces('サービス')).toEqual(['サービス']);
    expect(wordPieces('コンプライアンス')).toEqual(['コンプライアンス']);
    expect(wordPieces('ファイアウォール')).toEqual(['ファイアウォール']);
  });

  it('leaves Latin names, numbers and punctuation to the browser', () => {
    expect(wordPieces('AWS Security')).toEqual(['AWS Security']);
    expect(wordPieces('E.5 システム環境')).toEqual(['E.5 システム', '環境']);
    expect(wordPieces('AWS::IAM')).toEqual(['AWS::IAM']);
  });

  it('gives back the name unchanged when joined', () => {
    for (const name of ['', ' ', '脅威と対策サービス', 'AWS Security::サービス', '「引用」と、句読点。']) {
      expect(wordPieces(name).join('')).toBe(name);
    }
  });
});
