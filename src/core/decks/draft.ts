import type { Id } from '../collection/model';

/** The sub-decks of a generated deck, one per kind of knowledge. */
export type SubdeckKey = 'nfr' | 'threats' | 'services' | 'compliance';

export const SUBDECK_NAMES: Record<SubdeckKey, string> = {
  nfr: '非機能要求グレード',
  threats: '脅威と対策サービス',
  services: 'サービス',
  compliance: 'コンプライアンス',
};

export type NoteKind = 'nfr-threat' | 'threat-service' | 'threat-description' | 'service-description' | 'concept';

/** A note before it gets its id and deck: what it is about and what it shows. */
export interface NoteDraft {
  kind: NoteKind;
  /** What the note asks about; with the kind, this is the note's identity. */
  subject: string;
  subdeck: SubdeckKey;
  noteTypeId: Id;
  fields: string[];
  sectionNumber: number | null;
  nfrItems: string[];
  line: number;
}

export interface GeneratorWarning {
  line: number;
  message: string;
}
