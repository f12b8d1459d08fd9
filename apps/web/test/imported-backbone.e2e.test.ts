import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DEMO_PASSWORD,
  findProjectionRows,
  findSimilarCaseImages,
  getImageEmbedding,
  getModelVersionById,
  getModelVersionByJobId,
  type ModelVersionRecord,
} from '@dermino/db';
import { createInferenceSession } from '@dermino/model';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectImagesLoaded, launchBrowser, openPage, saveScreenshot, signIn } from './support/browser';
import { type ImportedBackboneStack, startImportedBackboneStack } from './support/imported-backbone-stack';

// Released weights at work in the dashboard. On a platform of its own (fresh embedded database, small demo registry)
// a DINOv2 checkpoint written by PyTorch (teacher export, 2 registers, SwiGLU, patch 14; random weights, so no
// useful model) goes through the README's commands: import-backbone, embed, freeze, the label-efficiency sweep (a
// linear head on the cached embeddings, evaluated on the test split). Then, in the browser, a manager promotes the
// head, the data team opens the backbone's embedding map, and a clinician uploads a registry case's image.
const FIXTURE = path.resolve(
  import.meta.dirname,
  '../../../packages/model/test/fixtures/weights/dinov2-teacher-registers-swiglu.pth',
);
const DEMO_SIZE = 120;
const LICENCE = 'CC-BY-NC-ND-4.0';

let browser: Browser;
let stack: ImportedBackboneStack;
let webUrl: string;
let backbone: ModelVersionRecord;
let classifier: ModelVersionRecord;
let outDir: string;

const cosine = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let dot = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i += 1) {
    dot += a[i]! * b[i]!;
    aa += a[i]! ** 2;
    bb += b[i]! ** 2;
  }
  return dot / Math.sqrt(aa * bb);
};
const json = (stdout: string) => JSON.parse(stdout.slice(stdout.indexOf('{')));
const artifactPath = (model: ModelVersionRecord, kind: string) =>
  path.join(stack.home, model.artifacts.find((artifact) => artifact.kind === kind)!.storageKey);

/** The README's steps, each a real `dermino` command; the worker started with the stack runs the jobs. */
async function importEmbedAndTrainHeads(): Promise<void> {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dermino-imported-e2e-'));
  const importAndEmbed = async () => {
    const imported = json(
      await stack.dermino([
        ...['import-backbone', '--weights', FIXTURE, '--heads', '4', '--name', 'fixture-dinov2'],
        ...['--licence', LICENCE, '--alias', 'imported', '--out', outDir, '--json'],
      ]),
    );
    await stack.dermino(['train', 'embed', '--model', 'imported', '--follow']);
    return getModelVersionById(stack.db, { id: imported.modelId });
  };
  // The labelled version needs no backbone: frozen meanwhile, as a data team would.
  const freeze = async () =>
    json(
      await stack.dermino([
        ...['dataset', 'freeze', '--name', 'heads', '--filter', 'labelled=true'],
        ...['--split', '60/10/30', '--group-by', 'patient', '--json'],
      ]),
    );
  let frozen: { version: { id: string } };
  [backbone, frozen] = await Promise.all([importAndEmbed(), freeze()]);
  const sweep = json(
    await stack.dermino([
      ...['train', 'finetune', '--backbone', 'imported', '--dataset-version', frozen.version.id],
      ...['--methods', 'linear', '--fractions', '1', '--resamples', '20', '--follow', '--json'],
    ]),
  );
  classifier = (await getModelVersionByJobId(stack.db, { jobId: sweep.runs[0].finetune }))!;
}

beforeAll(async () => {
  [browser, stack] = await Promise.all([launchBrowser(), startImportedBackboneStack(DEMO_SIZE)]);
  [webUrl] = await Promise.all([stack.webUrl(), importEmbedAndTrainHeads()]);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

async function signedIn(email: string) {
  const tracked = await openPage(browser, webUrl);
  await tracked.page.goto('/login');
  await signIn(tracked.page, email, DEMO_PASSWORD);
  await tracked.page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return tracked;
}

describe('an imported backbone in the dashboard', () => {
  it('a manager sees the licence of the weights on the backbone and its head, and promotes the head', async () => {
    expect(classifier).toMatchObject({ kind: 'CLASSIFIER', parentId: backbone.id });
    const { page, errors } = await signedIn('manager@dermino.local');
    await page.goto('/models');
    const rowOf = (name: string) =>
      page
        .getByTestId('model-row')
        .filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${name}$`) }) });
    for (const name of ['fixture-dinov2', classifier.name]) {
      expect(await rowOf(name).getByTestId('model-licence').textContent()).toBe(`${LICENCE} non-commercial`);
    }
    const row = rowOf(classifier.name);
    await row.getByLabel(`Alias for ${classifier.name}`).selectOption('champion');
    await row.getByRole('button', { name: `Promote ${classifier.name}` }).click();
    await expect
      .poll(() => row.getByTestId('promote-ok').textContent())
      .toBe(`${classifier.name} is now champion.`);
    await saveScreenshot(page, 'imported-backbone-models');
    expect(errors).toEqual([]);
  });

  it('the data team sees the embedding map of the backbone: one point per registry image', async () => {
    const { page, errors } = await signedIn('data@dermino.local');
    // No model asked for: the champion has no embeddings of its own, so the map opens on the newest backbone.
    await page.goto('/embeddings');
    const points = page.getByTestId('projection-point');
    await points.first().waitFor();
    expect(await points.count()).toBe(DEMO_SIZE);
    expect(await page.getByTestId('projection-summary').textContent()).toBe(
      `${DEMO_SIZE} images of ${DEMO_SIZE} · fixture-dinov2 · PCA`,
    );
    expect(await page.getByLabel('Model').locator('option:checked').textContent()).toBe(
      `fixture-dinov2 (backbone, imported; ${DEMO_SIZE} embeddings)`,
    );
    expect(await page.getByTestId('x-title').textContent()).toMatch(/^PC1 \(\d+\.\d% of variance\)$/);
    await saveScreenshot(page, 'imported-backbone-embeddings');
    expect(errors).toEqual([]);
  });

  it('a clinician uploads a case image: the head gives the probabilities, the backbone finds the similar cases', async () => {
    const query = await stack.db.image.findFirstOrThrow({
      where: { annotations: { some: { confirmation: 'HISTOPATHOLOGY' } }, storageKey: { not: null } },
      // The demo's ids are random; its synthetic image ids are not, so every run asks with the same image.
      orderBy: { sourceImageId: 'asc' },
      select: { id: true, caseId: true, storageKey: true },
    });
    const folder = path.join(stack.home, 'images', query.storageKey!);
    const { page, errors } = await signedIn('clinician@dermino.local');
    await page.goto('/predict');
    await page.getByLabel('Image', { exact: true }).setInputFiles({
      name: 'case.png',
      mimeType: 'image/png',
      buffer: fs.readFileSync(path.join(folder, 'original.png')),
    });
    await page.getByRole('button', { name: 'Upload and analyse' }).click();
    await page.getByTestId('prediction').waitFor({ timeout: 30_000 });

    // The probabilities are the fine-tuned head's: its ONNX run here on the same working copy gives the same raw
    // outputs, for every class it learned (the bars are temperature-scaled from its evaluation).
    expect(await page.getByTestId('model-version').textContent()).toBe(
      `Model ${classifier.name} (champion) · ${classifier.id}`,
    );
    const session = await createInferenceSession({
      modelPath: artifactPath(classifier, 'onnx'),
      maxWaitMs: 0,
    });
    const [expected] = await session.predict([fs.readFileSync(path.join(folder, 'working.webp'))]);
    await session.close();
    const classes = classifier.classes as string[];
    const rows = page.getByTestId('probability-row');
    expect(await rows.count()).toBe(classes.length);
    for (const [index, name] of classes.entries()) {
      const row = rows.filter({ has: page.locator('.mono', { hasText: new RegExp(`^${name}$`) }) });
      expect(await row.getByTestId('probability-value').getAttribute('title')).toBe(
        `Raw model output ${(expected!.probabilities![index]! * 100).toFixed(1)}%`,
      );
    }
    // Calibrated on its evaluation, the head on random features is far from sure: the panel must say so in words
    // too, not read the raw output's near-zero entropy as "low uncertainty".
    const uncertainty = page.getByTestId('uncertainty');
    expect(await uncertainty.textContent()).toMatch(/Confidence\d+\.\d% \(calibrated, temperature \d/);
    const confidence = Number.parseFloat(
      (await page.getByTestId('probability-value').first().textContent())!,
    );
    expect(confidence).toBeLessThan(50);
    expect(await uncertainty.textContent()).not.toMatch(
      /low uncertainty|most of its probability on one class/,
    );

    // Similar cases come from the backbone's embeddings: the query's own case first at 1.000 (the upload embedded
    // now equals what the EMBED job stored), the others below it.
    const similar = page.getByTestId('similar-case');
    expect(await similar.count()).toBe(6);
    expect(await similar.first().locator('a').getAttribute('href')).toBe(`/cases/${query.caseId}`);
    const scores = (await similar.locator('.mono').allTextContents()).map((text) =>
      Number(text.replace('similarity ', '')),
    );
    expect(scores[0]).toBe(1);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(scores[5]).toBeLessThan(1);
    await expectImagesLoaded(page, '[data-testid=similar-case] img');
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, 'imported-backbone-predict');
    await similar.nth(1).getByRole('button', { name: 'Helpful', exact: true }).click();
    await expect.poll(() => similar.nth(1).getByTestId('rating-status').textContent()).toBe('Saved: helpful');
    const ratings = await stack.db.similarCaseFeedback.findMany({ select: { modelVersionId: true } });
    expect(ratings).toEqual([{ modelVersionId: backbone.id }]);

    // Not collapsed, unlike the demo's tiny backbone (0.99x for every pair): over the whole registry the query's
    // similarity falls far below that of its nearest cases. (With random weights the nearest confirmed cases of
    // this query are all at 0.99x: random features see colour and size, not what a lesion is.)
    const own = (await getImageEmbedding(stack.db, { modelVersionId: backbone.id, imageId: query.id }))!;
    const { rows: all } = await findProjectionRows(stack.db, {
      modelVersionId: backbone.id,
      limit: DEMO_SIZE,
    });
    const farthest = Math.min(...all.map((row) => cosine(own, row.vector)));
    expect(farthest).toBeLessThan(0.5);
    expect(errors).toEqual([]);
  });
  it('the labelling workbench reads an image with the head and shows its nearest confirmed cases in the backbone', async () => {
    const { page, errors } = await signedIn('clinician@dermino.local');
    await page.goto('/label');
    const task = page.getByTestId('label-task');
    await task.waitFor();
    const imageId = (await task.getAttribute('data-image-id'))!;
    const suggested = await page
      .getByTestId('suggestion')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-code')));
    expect(suggested.length).toBeGreaterThan(0);
    expect(classifier.classes).toEqual(expect.arrayContaining(suggested));
    // The image's stored embedding (EMBED job) searched in the backbone's index: the same cases, same order.
    const vector = (await getImageEmbedding(stack.db, { modelVersionId: backbone.id, imageId }))!;
    const nearest = await findSimilarCaseImages(stack.db, {
      modelVersionId: backbone.id,
      vector,
      k: 4,
      excludeImageId: imageId,
      filter: { confirmedOnly: true },
    });
    const shown = page.getByRole('list', { name: 'Similar confirmed cases' }).locator('a');
    expect(await shown.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(
      nearest.map((hit) => `/cases/${hit.caseId}`),
    );
    expect(await shown.locator('.muted').allTextContents()).toEqual(
      nearest.map((hit) => `${Math.round((1 - hit.distance) * 100)}%`),
    );
    await saveScreenshot(page, 'imported-backbone-label');
    expect(errors).toEqual([]);
  });
});
