// Divergence everywhere (issue 17): every scene of divergence-scenes.ts at lr 10, run as the
// worker runs it (TrainingSession over core.wasm). A run that diverges stops with "diverged at
// step N" and the hint, keeps its last finite parameters (the snapshot the page draws stays
// available), and a new session at the scene's own rate (Reset, lower lr) trains. A run that stays
// finite has finite metrics. NNP_DIVERGENCE_STEPS (default 100) caps each run; with
// NNP_DIVERGENCE_MATRIX=<file> the scene × result table is written there
// (scripts/divergence-matrix.sh, for docs/reliability.md).
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrainingSession } from '../src/engine/session.ts';
import type { ShippedFiles } from '../src/engine/protocol.ts';
import { loadSceneRules } from '../src/engine/scene-rules.ts';
import { SHIPPED_CATALOGUE, type ShippedDataset } from '../src/scene/index.ts';
import type { CoreModule } from '../src/wasm/core.mjs';
import { divergenceScenes, HUGE_LR, withLr } from './divergence-scenes.ts';
import { loadTestCore } from './scene-rules.ts';

const MAX_STEPS = Number(process.env.NNP_DIVERGENCE_STEPS ?? 100);
const MATRIX = process.env.NNP_DIVERGENCE_MATRIX;
/** Steps the Reset run takes at the scene's own rate. */
const RESET_STEPS = 100;

let core: CoreModule;
const rows: string[] = [];

beforeAll(async () => {
  core = await loadTestCore();
  await loadSceneRules(() => Promise.resolve(core));
});

afterAll(() => {
  if (!MATRIX) return;
  const header = `| scene | optimiser | lr ${HUGE_LR}: engine (${MAX_STEPS} steps at most) | Reset at the scene's lr |`;
  writeFileSync(MATRIX, [header, '| --- | --- | --- | --- |', ...rows, ''].join('\n'));
});

function shippedFiles(name: ShippedDataset): ShippedFiles {
  const read = (file: string) => {
    const bytes = readFileSync(new URL(`../public/data/${file}`, import.meta.url));
    return {
      nnpd: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
      name: file,
    };
  };
  const { files } = SHIPPED_CATALOGUE[name];
  return { data: read(files.data), ...(files.test ? { test: read(files.test) } : {}) };
}

const allFinite = (values: Iterable<number>) => [...values].every(Number.isFinite);

describe(`every scene at lr ${HUGE_LR}`, () => {
  for (const { id, scene, shipped } of divergenceScenes()) {
    it(`${id}: diverges with its step and the hint, or stays finite; Reset trains`, () => {
      const files = shipped ? shippedFiles(shipped) : null;
      const session = TrainingSession.create(core, withLr(scene, HUGE_LR), files);
      let message = '';
      try {
        // An epoch's steps at a time, as Play runs them, until the cap or early stopping.
        for (let taken = 0; taken < MAX_STEPS;) {
          const steps = Math.min(session.stepsPerEpoch, MAX_STEPS - taken);
          taken += steps;
          if (session.run(steps).stopped) break;
        }
      } catch (error) {
        message = (error as Error).message;
      }
      // The view keeps the last finite state: a snapshot of finite parameters, at the step before.
      const snapshot = session.snapshot(false, { network: true, confusion: false, images: false });
      for (const record of session.saved().parameters) {
        for (const values of Object.values(record)) expect(allFinite(values)).toBe(true);
      }
      let result: string;
      if (message) {
        const step = /^diverged at step (\d+): /.exec(message);
        expect(step, message).not.toBeNull();
        expect(message).toContain('Lower the learning rate');
        expect(message).toContain('clip gradients');
        expect(snapshot.progress.step).toBe(Number(step![1]) - 1);
        result = `diverged at step ${step![1]}`;
      } else {
        const loss = snapshot.evaluation.train.loss;
        expect(Number.isFinite(loss), `train loss ${loss}`).toBe(true);
        result = `stayed finite: train loss ${loss.toPrecision(3)} after ${snapshot.progress.step} steps`;
      }
      session.dispose();
      // Reset at the scene's own learning rate: a new run that trains.
      const reset = TrainingSession.create(core, scene, files);
      const before = reset.snapshot(false).evaluation.train.loss;
      reset.run(RESET_STEPS);
      const after = reset.snapshot(false).evaluation.train.loss;
      reset.dispose();
      expect(Number.isFinite(after) && after < before, `${before} → ${after}`).toBe(true);
      const resetText = `trains: loss ${before.toPrecision(3)} → ${after.toPrecision(3)} in ${RESET_STEPS} steps at lr ${scene.optimizer.lr}`;
      rows.push(`| ${id} | ${scene.optimizer.name} | ${result} | ${resetText} |`);
    }, 120_000);
  }
});
