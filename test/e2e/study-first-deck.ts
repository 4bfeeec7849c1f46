import type { Page } from 'playwright-core';

/**
 * Studies the first deck of the deck list by keyboard, one card per grade key ('1'–'4'), then
 * leaves through the session summary. `showAnswer` is the reveal button's name in the page's language.
 */
export async function studyFirstDeck(page: Page, grades: readonly string[], showAnswer: string): Promise<void> {
  await page.locator('tr[data-deck-id] td.action > button').first().click();
  for (const grade of grades) {
    await page.getByRole('button', { name: showAnswer }).waitFor();
    await page.keyboard.press('Space');
    await page.locator('.answers').waitFor();
    await page.keyboard.press(grade);
  }
  await page.getByRole('button', { name: showAnswer }).waitFor();
  await page.keyboard.press('Escape');
  await page.locator('.summary').waitFor();
}
