// npm run train -- SCENE.json [--epochs N] [--data DATA.json] [--save MODEL.json]
// npm run train -- --model MODEL.json [--epochs N] [--data DATA.json] [--save MODEL.json]
//
// Trains a scene (web/src/scene/'s format, checked by web/src/model.ts's loadScene) with the
// wasm engine under Node and prints JSON lines on stdout: one per evaluation (every epoch unless
// the scene sets training.evaluateEvery), then a summary. Bundled by scripts/vite.train.config.ts
// into build/train/train.mjs, since Node 20 cannot import the page's TypeScript; scripts/train.sh
// builds the wasm module and the bundle first. `npm run --silent train` keeps npm's own banner
// off stdout.
//
// --save writes the saved model (web/src/model.ts: the scene and every ensemble member's
// parameters) after training. --model starts from a saved model: its scene is the one trained (a
// scene file given too is still checked, and a note on stderr says when it differs) and its
// parameters replace the initial ones; the optimiser state, the schedule, the epoch count and
// early stopping start afresh. With --model, --epochs 0 evaluates without training.
//
//   {"epoch":1,"step":25,"train":{"loss":0.69,"accuracy":0.5},"validation":null,"test":{…},"lr":0.1}
//   {"summary":true,"epochs":100,"steps":2500,"stopped":false,"bestEpoch":100,…,"seconds":0.4}
//
// Accuracy is null for a regression and validation is null without a validation set (JSON has no
// NaN). A bad argument, file, scene, saved model or data prints one line, "train: …", naming the
// field, on stderr and exits 1.
import { readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  applyModel,
  loadModel,
  loadScene,
  saveModel,
  stringifyModel,
  type ParameterRecord,
  type SavedModel,
} from '../web/src/model.ts';
import {
  rowsToSupplied,
  sceneToEngineConfig,
  SUPPLIED,
  suppliedShape,
  type Scene,
} from '../web/src/scene/index.ts';
import { loadSceneRules } from '../web/src/engine/scene-rules.ts';
import createCore, {
  type CoreModule,
  type Evaluation,
  type Metrics,
  type SuppliedData,
  type Trainer,
} from '../web/src/wasm/core.mjs';

const USAGE =
  'usage: npm run train -- [SCENE.json] [--model MODEL.json] [--epochs N] [--data DATA.json] ' +
  "[--save MODEL.json]\n(a scene file, a saved model, or both: the saved model's scene is trained)";
const DEFAULT_EPOCHS = 100;
const MAX_EPOCHS = 1_000_000;

/** An expected failure: printed as one line, never as a stack trace. */
class Failure extends Error {}

interface Options {
  scene: string | null;
  epochs: number;
  data: string | null;
  /** A saved model to start from. */
  model: string | null;
  /** Where to write the saved model after training. */
  save: string | null;
}

function parseArgs(args: readonly string[]): Options {
  let scene: string | null = null;
  let epochs = DEFAULT_EPOCHS;
  let epochsText = '';
  let data: string | null = null;
  let model: string | null = null;
  let save: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = (): string => {
      const next = args[++i];
      if (next === undefined) throw new Failure(`${arg} needs a value\n${USAGE}`);
      return next;
    };
    if (arg === '--epochs' || arg.startsWith('--epochs=')) {
      epochsText = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : value();
      epochs = /^\d+$/.test(epochsText) ? Number(epochsText) : NaN;
    } else if (arg === '--data' || arg.startsWith('--data=')) {
      data = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : value();
    } else if (arg === '--model' || arg.startsWith('--model=')) {
      model = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : value();
    } else if (arg === '--save' || arg.startsWith('--save=')) {
      save = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : value();
    } else if (arg === '--help' || arg === '-h') {
      throw new Failure(USAGE);
    } else if (arg.startsWith('-')) {
      throw new Failure(`unknown option ${arg}\n${USAGE}`);
    } else if (scene === null) {
      scene = arg;
    } else {
      throw new Failure(`one scene file at a time, got "${scene}" and "${arg}"\n${USAGE}`);
    }
  }
  if (scene === null && model === null) throw new Failure(`no scene file given\n${USAGE}`);
  const least = model === null ? 1 : 0;
  if (!(epochs >= least && epochs <= MAX_EPOCHS)) {
    throw new Failure(
      `--epochs must be a whole number from 1 to ${MAX_EPOCHS} (0 with --model: evaluate the ` +
        `saved model without training), got "${epochsText}"`,
    );
  }
  return { scene, epochs, data, model, save };
}

/** A path as the user typed it: npm runs scripts from the package root, INIT_CWD is where the
 *  user was. */
function userPath(path: string): string {
  return isAbsolute(path) ? path : resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(userPath(path), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory' : code;
    throw new Failure(`cannot read the ${what} ${path}: ${reason ?? String(error)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Failure(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Supplied rows from JSON: {x, y, features, classes, test?}, checked by the engine. */
function readSupplied(path: string): SuppliedData {
  const data = readJson(path, 'data file');
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Failure(`${path}: expected an object {x, y, features, classes, test?}`);
  }
  return data as SuppliedData;
}

/** JSON has no NaN: a missing value is null. */
function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

function metrics(m: Metrics): { loss: number | null; accuracy: number | null } {
  return { loss: finite(m.loss), accuracy: finite(m.accuracy) };
}

function evaluation(e: Evaluation, hasValidation: boolean) {
  return {
    train: metrics(e.train),
    validation: hasValidation ? metrics(e.validation) : null,
    test: metrics(e.test),
  };
}

function print(line: object): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** Trains `epochs` epochs, printing each history record as it appears. History is read after
 *  chunks of epochs that grow with the run, so long runs copy it O(log n) times, not n. */
function train(trainer: Trainer, epochs: number, hasValidation: boolean): void {
  let printed = 0;
  while (trainer.progress().epoch < epochs && !trainer.progress().stopped) {
    const done = trainer.progress().epoch;
    const chunk = Math.min(epochs - done, Math.max(1, Math.floor(done / 8)));
    trainer.runEpochs(chunk);
    const history = trainer.history();
    for (const record of history.slice(printed)) {
      print({
        epoch: record.epoch,
        step: record.step,
        ...evaluation(record, hasValidation),
        lr: record.lr,
      });
    }
    printed = history.length;
  }
}

function writeModel(path: string, model: SavedModel): void {
  try {
    writeFileSync(userPath(path), stringifyModel(model));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such directory' : code === 'EISDIR' ? 'a directory' : code;
    throw new Failure(`cannot write the model ${path}: ${reason ?? String(error)}`);
  }
}

async function loadCore(): Promise<CoreModule> {
  const wasm = fileURLToPath(new URL('../../web/src/wasm/core.wasm', import.meta.url));
  return createCore({ wasmBinary: readFileSync(wasm) });
}

/** Supplied data goes with a scene whose data.name is "supplied" (and that does not carry its
 *  rows in data.rows), and only with one. */
function checkSupplied(scene: unknown, file: string, where: string, supplied: unknown): void {
  const data = typeof scene === 'object' && scene !== null ? (scene as Scene).data : undefined;
  if (data?.name === SUPPLIED && data.rows !== undefined) {
    if (supplied) throw new Failure(`${file}: ${where}.data.rows holds the rows: leave out --data`);
    return;
  }
  const isSupplied = data?.name === SUPPLIED;
  if (isSupplied && !supplied) {
    throw new Failure(`${file}: ${where}.data.name is "supplied": give the rows with --data`);
  }
  if (!isSupplied && supplied) {
    throw new Failure(`--data is for a scene whose data.name is "supplied"`);
  }
}

/** Runs a check whose Error names the field, as one line naming the file too. */
function checked<T>(file: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    throw new Failure(`${file}: ${(error as Error).message}`);
  }
}

async function main(args: readonly string[]): Promise<void> {
  const options = parseArgs(args);
  const supplied = options.data === null ? null : readSupplied(options.data);
  const shape = supplied ? suppliedShape(supplied) : undefined;
  const core = await loadCore();
  await loadSceneRules(() => Promise.resolve(core)); // loadScene checks by the engine's rules
  let scene: Scene | null = null;
  if (options.scene !== null) {
    const file = options.scene;
    const input = readJson(file, 'scene');
    checkSupplied(input, file, 'scene', supplied);
    scene = checked(file, () => loadScene(input, { supplied: shape ?? null }));
  }
  let parameters: ParameterRecord<Float32Array>[] | null = null;
  if (options.model !== null) {
    const file = options.model;
    const input = readJson(file, 'model');
    const loaded = checked(file, () => loadModel(input, { supplied: shape ?? null }));
    checkSupplied(loaded.scene, file, 'model.scene', supplied);
    if (scene && JSON.stringify(scene) !== JSON.stringify(loaded.scene)) {
      process.stderr.write(
        `train: note: training the scene saved in ${file}, which differs from ${options.scene}\n`,
      );
    }
    scene = loaded.scene;
    parameters = loaded.parameters;
  }
  if (scene === null) throw new Failure(`no scene file given\n${USAGE}`);

  const own =
    scene.data.name === SUPPLIED && scene.data.rows ? rowsToSupplied(scene.data.rows) : null;
  const rows = supplied ?? own;
  let trainer: Trainer;
  try {
    trainer = rows
      ? new core.Trainer(sceneToEngineConfig(scene), rows)
      : new core.Trainer(sceneToEngineConfig(scene));
  } catch (error) {
    throw new Failure(
      `${options.data ?? options.scene ?? options.model}: ${(error as Error).message}`,
    );
  }
  try {
    if (parameters) {
      const saved = parameters;
      checked(options.model!, () => applyModel(trainer, saved));
    }
    const hasValidation = (scene.data.validationFraction ?? 0) > 0;
    const start = performance.now();
    train(trainer, options.epochs, hasValidation);
    const progress = trainer.progress();
    const summary = {
      summary: true,
      epochs: progress.epoch,
      steps: progress.step,
      stopped: progress.stopped,
      bestEpoch: trainer.bestEpoch(),
      ...evaluation(trainer.evaluate(), hasValidation),
      lr: trainer.learningRate(),
      seconds: Number(((performance.now() - start) / 1000).toFixed(3)),
    };
    if (options.save !== null) writeModel(options.save, saveModel(scene, trainer, shape));
    print(summary);
  } catch (error) {
    if (error instanceof Failure) throw error;
    // The engine's errors while training (divergence) are Errors with a message.
    throw new Failure(error instanceof Error ? error.message : String(error));
  } finally {
    trainer.delete();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`train: ${message}\n`);
  if (!(error instanceof Failure) && process.env.NNP_DEBUG) console.error(error);
  process.exitCode = 1;
});
