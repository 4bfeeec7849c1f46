/** What the bench page hands back to the driver: raw samples; the driver summarizes and judges them. */
export interface PageSamples {
  figure: number[];
  floor?: number[];
  note?: string;
}

export interface SeedReport {
  cards: number;
  notes: number;
  reviews: number;
  generateMs: number;
  writeMs: number;
}

import type { ServerAccount } from '../src/renderer/src/storage/sync/pouch';
import type { SyncSamples } from './figures/sync';
import type { SyntheticSize } from './synthetic';

export interface BenchPage {
  seed(): Promise<SeedReport>;
  /** Sets an exam date 60 days out on the top deck, as the readiness figures assume. */
  setExamDate(): Promise<void>;
  queue(times: number): Promise<PageSamples>;
  commitFloor(times: number): Promise<number[]>;
  answerCalls(times: number): Promise<PageSamples>;
  deckListCalls(times: number): Promise<PageSamples>;
  readiness(times: number): Promise<{ warm: PageSamples; cold: PageSamples; projection: PageSamples }>;
  sqliteQueue(times: number): Promise<PageSamples>;
  imports(times: number): Promise<{ csv: PageSamples; apkg: PageSamples; apkgModern: PageSamples }>;
  questions(times: number): Promise<{ exam: PageSamples; scope: PageSamples }>;
  browse(times: number): Promise<Record<'searchWord' | 'searchDeckDue' | 'searchTag' | 'searchProp' | 'searchRated' | 'searchNegation' | 'browseFirstRows' | 'browseSort', PageSamples>>;
  hostileText(times: number): Promise<PageSamples>;
  /** Sends a collection of `size` to the server, then syncs it into an empty device and answers there. */
  sync(size: SyntheticSize, sessionReviews: number, account: ServerAccount): Promise<SyncSamples>;
}

declare global {
  interface Window {
    kiokuBench: BenchPage;
  }
}
