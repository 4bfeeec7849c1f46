import type { Page } from 'playwright-core';

/** Where Browse drew its first row the moment its first rows were in the page, and which card it was. */
export interface FirstRow {
  card: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Recorded {
  firstRow?: FirstRow;
  firstRowElement?: HTMLElement;
}

/** Before the page loads: remembers Browse's first row as first drawn, before anything else is read. */
export async function recordFirstRow(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      const row = document.querySelector<HTMLElement>('[data-testid="browse-table"] tbody tr[aria-rowindex="2"]');
      if (!row) return;
      observer.disconnect();
      const box = row.getBoundingClientRect();
      const recorded = window as unknown as Recorded;
      recorded.firstRowElement = row;
      recorded.firstRow = { card: row.dataset.card ?? '', x: box.x, y: box.y, width: box.width, height: box.height };
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

export async function firstRow(page: Page): Promise<FirstRow> {
  const handle = await page.waitForFunction(() => (window as unknown as Recorded).firstRow);
  return (await handle.jsonValue()) as FirstRow;
}

/** The element first drawn as Browse's first row, as it is now. */
export function firstRowNow(page: Page): Promise<FirstRow & { inPage: boolean }> {
  return page.evaluate(() => {
    const row = (window as unknown as Recorded).firstRowElement!;
    const box = row.getBoundingClientRect();
    return { card: row.dataset.card ?? '', x: box.x, y: box.y, width: box.width, height: box.height, inPage: row.isConnected };
  });
}

/** Browse has read every card (`cards` rows) and filled its deck filter from the collection. */
export async function browseDoneReading(page: Page, cards: number): Promise<void> {
  await page.waitForFunction(
    (n) =>
      document.querySelector('[data-testid="browse-table"] table')?.getAttribute('aria-rowcount') === String(n + 1) &&
      (document.querySelector('form[role="search"] select')?.querySelectorAll('option').length ?? 0) > 1,
    cards,
  );
}
