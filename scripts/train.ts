// npm run train -- SCENE.json [--epochs N] [--data DATA.json]
//
// Trains a scene (web/src/scene.ts's format, checked by its validateScene) with the wasm engine
// under Node and prints JSON lines on stdout: one per evaluation (every epoch unless the scene sets
// training.evaluateEvery), then a summary. Bundled by scripts/vite.train.config.ts into
// build/train/train.mjs, since Node 20 cannot import the page's TypeScript; scripts/train.sh
// builds the wasm module and the bundle first. `npm run --silent train` keeps npm's own banner
// off stdout.
//
//   {"epoch":1,"step":25,"train":{"loss":0.69,"accuracy":0.5},"validation":null,"test":{…},"lr":0.1}
//   {"summary":true,"epochs":100,"steps":2500,"stopped":false,"bestEpoch":100,…,"seconds":0.4}
//
// Accuracy is null for a regression and validation is null without a validation set (JSON has no
// NaN). A bad argument, file, scene or data prints one line, "train: …", naming the field, on
// stderr and exits 1.
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  sceneToEngineConfig,
  SUPPLIED,
  suppliedShape,
  validateScene,
  type Scene,
} from '../web/src/scene.ts';
import createCore, {
  type CoreModule,
  type Evaluation,
  type Metrics,
  type SuppliedData,
  type Trainer,
} from '../web/src/wasm/core.mjs';

const USAGE = 'usage: npm run train -- SCENE.json [--epochs N] [--data DATA.json]';
const DEFAULT_EPOCHS = 100;
const MAX_EPOCHS = 1_000_000;

/** An expected failure: printed as one line, never as a stack trace. */
class Failure extends Error {}

interface Options {
  scene: string;
  epochs: number;
  data: string | null;
}

function parseArgs(args: readonly string[]): Options {
  let scene: string | null = null;
  let epochs = DEFAULT_EPOCHS;
  let data: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = (): string => {
      const next = args[++i];
      if (next === undefined) throw new Failure(`${arg} needs a value\n${USAGE}`);
      return next;
    };
    if (arg === '--epochs' || arg.startsWith('--epochs=')) {
      const text = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : value();
      epochs = Number(text);
      if (!/^\d+$/.test(text) || epochs < 1 || epochs > MAX_EPOCHS) {
        throw new Failure(`--epochs must be a whole number from 1 to ${MAX_EPOCHS}, got "${text}"`);
      }
    } else if (arg === '--data' || arg.startsWith('--data=')) {
      data = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : value();
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
  if (scene === null) throw new Failure(`no scene file given\n${USAGE}`);
  return { scene, epochs, data };
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

async function loadCore(): Promise<CoreModule> {
  const wasm = fileURLToPath(new URL('../../web/src/wasm/core.wasm', import.meta.url));
  return createCore({ wasmBinary: readFileSync(wasm) });
}

async function main(args: readonly string[]): Promise<void> {
  const options = parseArgs(args);
  const input = readJson(options.scene, 'scene');
  const supplied = options.data === null ? null : readSupplied(options.data);
  const isSupplied =
    typeof input === 'object' && input !== null && (input as Scene).data?.name === SUPPLIED;
  if (isSupplied && !supplied) {
    throw new Failure(`${options.scene}: scene.data.name is "supplied": give the rows with --data`);
  }
  if (!isSupplied && supplied) {
    throw new Failure(`--data is for a scene whose data.name is "supplied"`);
  }
  let scene: Scene;
  try {
    scene = validateScene(input, supplied ? suppliedShape(supplied) : undefined);
  } catch (error) {
    throw new Failure(`${options.scene}: ${(error as Error).message}`);
  }

  const core = await loadCore();
  let trainer: Trainer;
  try {
    trainer = supplied
      ? new core.Trainer(sceneToEngineConfig(scene), supplied)
      : new core.Trainer(sceneToEngineConfig(scene));
  } catch (error) {
    throw new Failure(`${options.data ?? options.scene}: ${(error as Error).message}`);
  }
  try {
    const hasValidation = (scene.data.validationFraction ?? 0) > 0;
    const start = performance.now();
    train(trainer, options.epochs, hasValidation);
    const progress = trainer.progress();
    print({
      summary: true,
      epochs: progress.epoch,
      steps: progress.step,
      stopped: progress.stopped,
      bestEpoch: trainer.bestEpoch(),
      ...evaluation(trainer.evaluate(), hasValidation),
      lr: trainer.learningRate(),
      seconds: Number(((performance.now() - start) / 1000).toFixed(3)),
    });
  } catch (error) {
    // The engine's errors while training (divergence) are Errors with a message.
    throw new Failure((error as Error).message ?? String(error));
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
