import { createDb, type Db } from '@dermino/db';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectImagesLoaded, launchBrowser, openPage, saveScreenshot, signIn } from './support/browser';
import { type LabellingSeed, seedLabelling } from './support/seed-labelling';

const webUrl = inject('webUrl');
const CLINICIAN = 'clinician@dermino.local';
let browser: Browser;
let db: Db;
let seeded: LabellingSeed;
/** The image the clinician marks unsure, with the tentative code the workbench sent. */
let unsure: { imageId: string; code: string };

beforeAll(async () => {
  db = createDb({ url: inject('databaseUrl') });
  seeded = await seedLabelling(db, inject('dataHome'), 14);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

async function signedIn(email: string, password = 'dermino-demo') {
  const tracked = await openPage(browser, webUrl);
  await tracked.page.goto('/login');
  await signIn(tracked.page, email, password);
  await tracked.page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return tracked;
}

// Between pages of the queue no image may be on screen for a moment: null then, not a 30 s wait.
const currentImage = (page: Page) =>
  page
    .getByTestId('label-task')
    .getAttribute('data-image-id', { timeout: 1000 })
    .catch(() => null);

/** Presses a key and waits until the workbench shows another image (answers apply at once, saved behind). */
async function pressAndAdvance(page: Page, key: string): Promise<string> {
  const before = await currentImage(page);
  await page.keyboard.press(key);
  await expect.poll(() => currentImage(page), { timeout: 15_000 }).not.toBe(before);
  await page.getByTestId('label-task').waitFor();
  return before as string;
}

async function settled(page: Page) {
  // Answers are saved one after another behind the screen: wait for the last to be confirmed.
  await expect
    .poll(() => page.getByTestId('label-workbench').getAttribute('data-pending'), { timeout: 30_000 })
    .toBe('0');
  expect(await page.getByTestId('label-message').count()).toBe(0);
}

const counter = async (page: Page) =>
  Number.parseInt((await page.getByTestId('labelled-today').textContent()) ?? '', 10);

describe('labelling workbench', () => {
  it('a clinician labels 10 images with the keyboard alone and undoes one', async () => {
    const { page, errors } = await signedIn(CLINICIAN);
    await page.goto(`/label?source=${seeded.source}`);
    await page.getByTestId('label-task').waitFor();
    await expectImagesLoaded(page, '[data-testid=label-image]');
    // The champion's suggestion (five classes, best first) and its uncertainty in words.
    expect(await page.getByTestId('suggestion').count()).toBe(5);
    expect(await page.getByTestId('label-uncertainty').textContent()).toMatch(
      /^(Uncertain|Moderately sure|Confident)/,
    );
    await saveScreenshot(page, 'label-workbench');
    // Shift+H lays the champion's attention over the image (a grid over the square the model saw); again hides it.
    await page.keyboard.press('Shift+H');
    const heat = page.getByTestId('label-heatmap');
    await heat.waitFor({ timeout: 30_000 });
    const grid = Number((await heat.getAttribute('viewBox'))?.split(' ')[2]);
    expect(grid).toBeGreaterThan(1);
    expect(await heat.locator('rect').count()).toBe(grid * grid);
    expect(await page.getByTestId('heatmap-toggle').getAttribute('aria-pressed')).toBe('true');
    await saveScreenshot(page, 'label-heatmap');
    await page.keyboard.press('Shift+H');
    await heat.waitFor({ state: 'detached' });
    expect(await page.getByTestId('heatmap-toggle').getAttribute('aria-pressed')).toBe('false');
    // Shift+H is not a search: the taxonomy box stays empty.
    expect(await page.locator('#concept-search').inputValue()).toBe('');
    const start = await counter(page);

    // 1 and 2 take the first and second suggestion, u is unsure (the highlighted code as tentative), and typing a
    // name searches the taxonomy (Enter takes the first match).
    const answered: { imageId: string; key: string; code: string; top: string }[] = [];
    for (let i = 0; i < 10; i += 1) {
      const key = i === 3 ? 'u' : i === 5 ? 'search' : i % 3 === 0 ? '1' : '2';
      const suggestions = page.getByTestId('suggestion');
      const top = (await suggestions.first().getAttribute('data-code')) as string;
      let code = (await suggestions.nth(key === '2' ? 1 : 0).getAttribute('data-code')) as string;
      if (key === 'search') {
        await page.keyboard.type('dermato');
        code = (await page.getByTestId('concept-match').first().getAttribute('data-code')) as string;
        expect(code).toBe('df');
      }
      answered.push({
        imageId: await pressAndAdvance(page, key === 'search' ? 'Enter' : key),
        key,
        code,
        top,
      });
    }
    await settled(page);
    expect(await counter(page)).toBe(start + 10);
    unsure = { imageId: answered[3]!.imageId, code: answered[3]!.code };

    // z takes back the newest answer: its image is on screen again, open, and its annotation is gone.
    const last = answered[9]!;
    await page.keyboard.press('z');
    await expect.poll(() => currentImage(page), { timeout: 15_000 }).toBe(last.imageId);
    await settled(page);
    expect(await counter(page)).toBe(start + 9);
    expect(await page.getByTestId('task-answer').count()).toBe(0);
    await saveScreenshot(page, 'label-after-undo');

    const clinician = await db.user.findUniqueOrThrow({ where: { email: CLINICIAN }, select: { id: true } });
    const tasks = await db.labellingTask.findMany({
      where: { readerId: clinician.id, imageId: { in: seeded.imageIds }, outcome: { not: null } },
      select: {
        imageId: true,
        outcome: true,
        conceptCode: true,
        suggestionShown: true,
        suggestionAccepted: true,
      },
    });
    expect(tasks).toHaveLength(9);
    expect(tasks.find((t) => t.imageId === last.imageId)).toBeUndefined();
    for (const { imageId, key, code, top } of answered.slice(0, 9)) {
      const stored = tasks.find((t) => t.imageId === imageId);
      expect(stored).toMatchObject({
        outcome: key === 'u' ? 'UNSURE' : 'LABELLED',
        conceptCode: code,
        suggestionShown: true,
        // Taking the top suggestion, also as an unsure answer's tentative code, counts as accepting it.
        suggestionAccepted: code === top,
      });
    }
    const annotations = await db.annotation.count({
      where: { imageId: { in: seeded.imageIds }, annotator: CLINICIAN, confirmation: 'SINGLE_READER' },
    });
    expect(annotations).toBe(8);

    // Labelled again (Enter takes the highlighted suggestion after ArrowDown moves to the second).
    await page.keyboard.press('ArrowDown');
    await pressAndAdvance(page, 'Enter');
    await settled(page);
    expect(await counter(page)).toBe(start + 10);
    expect(errors).toEqual([]);
  });

  it('a second reader disagrees blind, and the data team adjudicates; agreement shows on the curation page', async () => {
    const reader = await signedIn(seeded.secondReader.email, seeded.secondReader.password);
    await reader.page.goto(`/label?source=${seeded.source}`);
    await reader.page.getByTestId('label-task').waitFor();
    // Second reads come first; skip any other image until the clinician's unsure one is on screen.
    for (let i = 0; i < 6 && (await currentImage(reader.page)) !== unsure.imageId; i += 1) {
      await pressAndAdvance(reader.page, 's');
    }
    expect(await currentImage(reader.page)).toBe(unsure.imageId);
    expect(await reader.page.getByTestId('label-task').getAttribute('data-round')).toBe('2');
    expect(await reader.page.getByText('Second read').count()).toBe(1);
    const codes = await reader.page
      .getByTestId('suggestion')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
    const index = codes.findIndex((code) => code !== unsure.code);
    const other = codes[index] as string;
    // The clinician still holds the images left unanswered: this may have been the reader's last one.
    await reader.page.keyboard.press(String(index + 1));
    await settled(reader.page);
    expect(await currentImage(reader.page)).not.toBe(unsure.imageId);
    expect(reader.errors).toEqual([]);

    const data = await signedIn('data@dermino.local');
    await data.page.goto('/curation#second-reads');
    const row = data.page.locator(`[data-testid=disagreement][data-image-id="${unsure.imageId}"]`);
    await row.waitFor();
    expect(await row.getByTestId('disagreement-codes').textContent()).toBe(`${unsure.code} / ${other}`);
    await saveScreenshot(data.page, 'label-disagreement');
    await row.getByRole('button', { name: `Adjudicate as ${other}` }).click();
    await row.waitFor({ state: 'detached' });
    const agreement = data.page.locator('[data-testid=reader-agreement-row]', {
      hasText: seeded.secondReader.email,
    });
    await agreement.waitFor();
    // One adjudicated label, kept: 100% agreement; kappa is undefined with a single class.
    expect(await agreement.textContent()).toContain('100%');
    expect(await agreement.textContent()).toContain('not defined');
    await saveScreenshot(data.page, 'label-reader-agreement');
    const adjudicated = await db.annotation.findFirst({
      where: { imageId: unsure.imageId, annotator: 'data@dermino.local' },
      select: { concept: { select: { code: true } } },
    });
    expect(adjudicated?.concept.code).toBe(other);
    expect(data.errors).toEqual([]);
  });

  it('a manager cannot label: the page answers 403 with a message, and no Label link is offered', async () => {
    const { page } = await signedIn('manager@dermino.local');
    expect(await page.getByRole('link', { name: 'Label', exact: true }).count()).toBe(0);
    const response = await page.goto('/label');
    expect(response?.status()).toBe(403);
    expect(await page.getByTestId('forbidden').textContent()).toContain('Not for your role');
    expect(await page.getByTestId('label-workbench').count()).toBe(0);
    await saveScreenshot(page, 'label-manager-forbidden');
  });

  it('an empty queue says so, and a bad strategy in the URL is named', async () => {
    const { page, errors } = await signedIn(CLINICIAN);
    await page.goto('/label?source=no-such-source');
    expect(await page.getByTestId('label-done').textContent()).toContain('Nothing left in your queue');
    await page.goto('/label?strategy=loudest');
    expect(await page.getByTestId('label-bad-url').textContent()).toContain('Unknown strategy "LOUDEST"');
    expect(errors).toEqual([]);
  });

  it('a blind read hides the suggestion and records that it was not shown', async () => {
    // The clinician's new queue above released the images it held: the data team reads one of them blind.
    const { page, errors } = await signedIn('data@dermino.local');
    await page.goto(`/label?source=${seeded.source}`);
    await page.getByTestId('blind-toggle').click();
    await page.getByTestId('blind-read').waitFor();
    expect(page.url()).toContain('blind=1');
    expect(await page.getByTestId('suggestion').count()).toBe(0);
    await page.keyboard.press('1');
    expect(await page.getByTestId('label-workbench').getAttribute('data-pending')).toBe('0');
    const imageId = await currentImage(page);
    await page.keyboard.type('dermato');
    await page.keyboard.press('Enter');
    await settled(page);
    const data = await db.user.findUniqueOrThrow({
      where: { email: 'data@dermino.local' },
      select: { id: true },
    });
    const task = await db.labellingTask.findMany({
      where: { readerId: data.id, imageId: { in: seeded.imageIds }, outcome: { not: null } },
      select: { imageId: true, conceptCode: true, suggestionShown: true, suggestionAccepted: true },
    });
    expect(task).toEqual([{ imageId, conceptCode: 'df', suggestionShown: false, suggestionAccepted: false }]);
    await saveScreenshot(page, 'label-blind-read');
    // No heatmap on a blind read: no button, and Shift+H says why.
    expect(await page.getByTestId('heatmap-toggle').count()).toBe(0);
    await page.keyboard.press('Shift+H');
    expect(await page.getByTestId('label-message').textContent()).toContain('the heatmap is hidden');
    expect(await page.getByTestId('label-heatmap').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
