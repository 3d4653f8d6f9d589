// The saved-model document: a scene plus every ensemble member's parameters, as versioned JSON.
//
//   {
//     "format": "nn-playground/model@1",
//     "scene": { "format": "nn-playground/scene@1", … },
//     "parameters": [ { "0.weight": [ … ], "0.bias": [ … ], "2.weight": [ … ], … }, … ]
//   }
//
// One parameter record per ensemble member (training.ensemble.members, else 1), named as torch
// names nn.Sequential's Linear modules: layer i of scene.model.layers is "<2i>.weight", [units, in]
// row-major, and "<2i>.bias", [units] — Trainer.parameters(m) (web/src/wasm/core.d.mts). The
// numbers are the engine's float32 values written as JSON numbers: JSON.stringify writes the
// shortest text that reads back as the same double, and a float32 widened to a double reads back
// as itself, so save → JSON → load is exact (stringifyModel also keeps −0, which JSON.stringify
// writes as 0).
//
// Versions: this build reads nn-playground/scene@1 and nn-playground/model@1. A document in an
// older format is brought up to date by MIGRATIONS (old format → a function returning the next
// version's document); any other format is refused, naming the versions this build reads.
// Pure module (no DOM, no wasm): the Trainer is passed in.
import { checkScene } from './engine/scene-rules.ts';
import { SCENE_FORMAT, type DataShape, type Scene } from './scene/index.ts';
import { isObject, shown } from './scene/fields.ts';
import type { ModelSpec, Trainer } from './wasm/core.mjs';

export const MODEL_FORMAT = 'nn-playground/model@1';

/** One member's parameters by torch name, in named_parameters() order. */
export type ParameterRecord<T = number[]> = Record<string, T>;

/** The saved-model document, as written to JSON. */
export interface SavedModel {
  format: typeof MODEL_FORMAT;
  scene: Scene;
  /** One record per ensemble member. */
  parameters: ParameterRecord[];
}

/** A checked saved model, ready for a Trainer built from its scene (applyModel). */
export interface LoadedModel {
  scene: Scene;
  parameters: ParameterRecord<Float32Array>[];
}

/** Turns a document of an older format into the next version's (whose `format` it sets). */
export type Migration = (document: Record<string, unknown>) => Record<string, unknown>;

/**
 * Old format → its migration, for scenes and saved models alike (a saved model's scene is migrated
 * on its own). Empty: scene@1 and model@1 are the first versions. When a version 2 arrives, its
 * predecessor's entry goes here, e.g. "nn-playground/scene@1": (old) => ({ ...old, format:
 * "nn-playground/scene@2", … }), and a chain of them takes any old document to the current one.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {};

export interface LoadOptions {
  /** The supplied rows' shape (suppliedShape) for a scene whose data.name is "supplied". */
  supplied?: DataShape | null;
  /** Replaces MIGRATIONS (tests). */
  migrations?: Readonly<Record<string, Migration>>;
}

/** Where each format kind's current version is, and what its documents are called. */
const KINDS = {
  scene: { current: SCENE_FORMAT, what: 'a scene' },
  model: { current: MODEL_FORMAT, what: 'a saved model' },
} as const;
type Kind = keyof typeof KINDS;

const FORMAT_PATTERN = /^nn-playground\/(scene|model)@(\d+)$/;

/** The formats this build reads: the current ones and those a migration chain leads from. */
export function readableFormats(
  migrations: Readonly<Record<string, Migration>> = MIGRATIONS,
): string[] {
  return [SCENE_FORMAT, MODEL_FORMAT, ...Object.keys(migrations)];
}

// ---- errors --------------------------------------------------------------------------------

function fail(path: string, expected: string, value: unknown): never {
  if (value === undefined) throw new Error(`${path}: missing; expected ${expected}`);
  throw new Error(`${path}: expected ${expected}, got ${shown(value, 60)}`);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

// ---- versions ------------------------------------------------------------------------------

/**
 * Brings `input` to the current format of `kind` through the migrations, or throws naming
 * `path`.format and the versions this build reads.
 */
function migrate(
  input: unknown,
  kind: Kind,
  path: string,
  migrations: Readonly<Record<string, Migration>>,
): Record<string, unknown> {
  const { current, what } = KINDS[kind];
  let document = input;
  const seen = new Set<string>();
  for (;;) {
    if (!isObject(document)) fail(path, `${what} (a JSON object)`, document);
    const format = document.format;
    if (format === current) return document;
    const field = `${path}.format`;
    if (typeof format !== 'string') fail(field, `"${current}"`, format);
    const match = FORMAT_PATTERN.exec(format);
    const migration = Object.hasOwn(migrations, format) ? migrations[format] : undefined;
    if (migration && match?.[1] === kind) {
      if (seen.has(format)) throw new Error(`${field}: the migrations loop at "${format}"`);
      seen.add(format);
      try {
        document = migration(document);
      } catch (error) {
        throw new Error(`${field}: migrating from "${format}" failed: ${(error as Error).message}`);
      }
      continue;
    }
    const reads = readableFormats(migrations)
      .filter((f) => FORMAT_PATTERN.exec(f)?.[1] === kind)
      .join(', ');
    if (match && match[1] !== kind) {
      const other = match[1] as Kind;
      throw new Error(
        `${field}: "${format}" is ${KINDS[other].what}, not ${what} (this build reads ${what} ` +
          `as ${reads})`,
      );
    }
    const version = match ? Number(match[2]) : NaN;
    const currentVersion = Number(FORMAT_PATTERN.exec(current)![2]);
    const why = !match
      ? 'not an nn-playground format'
      : version > currentVersion
        ? 'a newer version than this build reads'
        : 'a version this build no longer reads';
    throw new Error(`${field}: "${format}" is ${why}; this build reads ${what} as ${reads}`);
  }
}

/**
 * Checks an untrusted scene (parsed JSON): migrates an older format, refuses an unknown one, then
 * checkScene (its fields, then the engine's rules). Errors start with the path of the bad field
 * ("scene.format: …"). The engine's scene rules must be loaded (loadSceneRules).
 */
export function loadScene(input: unknown, options: LoadOptions = {}): Scene {
  const document = migrate(input, 'scene', 'scene', options.migrations ?? MIGRATIONS);
  return checkScene(document, options.supplied);
}

// ---- parameters ----------------------------------------------------------------------------

export interface ParameterShape {
  /** Torch's name: "0.weight", "0.bias", "2.weight", … */
  name: string;
  /** [out, in] for a weight, [out] for a bias. */
  shape: [number, number] | [number];
  /** Numbers it holds. */
  size: number;
}

/** Every parameter of the model, in named_parameters() order (the engine's MLP, core/src/nn). */
export function parameterShapes(model: ModelSpec): ParameterShape[] {
  const shapes: ParameterShape[] = [];
  let inputs = model.inputs;
  model.layers.forEach(({ units }, i) => {
    shapes.push({ name: `${2 * i}.weight`, shape: [units, inputs], size: units * inputs });
    shapes.push({ name: `${2 * i}.bias`, shape: [units], size: units });
    inputs = units;
  });
  return shapes;
}

/** Ensemble members a scene trains (training.ensemble.members, else 1). */
export function memberCount(scene: Scene): number {
  return scene.training.ensemble?.members ?? 1;
}

function describe(p: ParameterShape): string {
  return `${plural(p.size, 'number')} ([${p.shape.join(', ')}])`;
}

/** One member's record checked against the shapes: exactly these names, lengths, finite. */
function parameterRecord(
  value: unknown,
  path: string,
  shapes: readonly ParameterShape[],
): ParameterRecord<Float32Array> {
  const names = shapes.map((p) => p.name);
  if (!isObject(value)) {
    fail(path, `an object of the parameters by name (${names.join(', ')})`, value);
  }
  for (const key of Object.keys(value)) {
    if (!names.includes(key)) {
      throw new Error(
        `${path}[${JSON.stringify(key)}]: unknown parameter; the scene's model has ` +
          names.join(', '),
      );
    }
  }
  const record: ParameterRecord<Float32Array> = {};
  for (const p of shapes) {
    const field = `${path}[${JSON.stringify(p.name)}]`;
    const data = value[p.name];
    if (!Array.isArray(data)) fail(field, describe(p), data);
    if (data.length !== p.size) {
      throw new Error(`${field}: expected ${describe(p)}, got ${data.length}`);
    }
    const floats = new Float32Array(p.size);
    for (let i = 0; i < p.size; i++) {
      const x: unknown = data[i];
      if (typeof x !== 'number' || !Number.isFinite(Math.fround(x))) {
        fail(`${field}[${i}]`, "a finite number in float32's range (about ±3.4e38)", x);
      }
      floats[i] = x;
    }
    record[p.name] = floats;
  }
  return record;
}

/** The scene's path inside a model: "scene.data.name" → "model.scene.data.name". */
function inModel<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    const message = (error as Error).message;
    throw new Error(message.startsWith('scene') ? `model.${message}` : message);
  }
}

const MODEL_FIELDS = ['format', 'scene', 'parameters'];

/**
 * Checks an untrusted saved model (parsed JSON): its format (migrating an older one), its scene
 * (as loadScene, errors under "model.scene…"), and its parameters against the scene's model —
 * one record per ensemble member, every name the model has and no other, each the length its
 * shape gives, every number finite. Throws an Error starting with the bad field's path, e.g.
 * `model.parameters[0]["2.weight"]: expected 32 numbers ([4, 8]), got 31`.
 */
export function loadModel(input: unknown, options: LoadOptions = {}): LoadedModel {
  const migrations = options.migrations ?? MIGRATIONS;
  const document = migrate(input, 'model', 'model', migrations);
  for (const key of Object.keys(document)) {
    if (!MODEL_FIELDS.includes(key)) {
      throw new Error(`model.${key}: unknown field; accepted: ${MODEL_FIELDS.join(', ')}`);
    }
  }
  const scene = inModel(() =>
    loadScene(document.scene, {
      migrations,
      ...(options.supplied !== undefined ? { supplied: options.supplied } : {}),
    }),
  );
  const shapes = parameterShapes(scene.model);
  const members = memberCount(scene);
  const list = document.parameters;
  const expected =
    `an array of ${plural(members, 'parameter record')} (one per ensemble member` +
    `${scene.training.ensemble ? ', scene.training.ensemble.members' : ''})`;
  if (!Array.isArray(list)) fail('model.parameters', expected, list);
  if (list.length !== members) {
    throw new Error(`model.parameters: expected ${expected}, got ${list.length}`);
  }
  const parameters = list.map((record: unknown, m) =>
    parameterRecord(record, `model.parameters[${m}]`, shapes),
  );
  return { scene, parameters };
}

/** A file's document, told apart by its format: a saved model or a scene alone. */
export type LoadedDocument = ({ kind: 'model' } & LoadedModel) | { kind: 'scene'; scene: Scene };

/**
 * Checks an untrusted document that may be a saved model or a scene (a file the user opens):
 * its `format` says which, then loadModel or loadScene checks it (an older version migrated).
 * Anything else is refused naming `format` and the formats this build reads.
 */
export function loadDocument(input: unknown, options: LoadOptions = {}): LoadedDocument {
  if (!isObject(input)) fail('file', 'a saved model or a scene (a JSON object)', input);
  const format = input.format;
  const kind = typeof format === 'string' ? FORMAT_PATTERN.exec(format)?.[1] : undefined;
  if (kind === 'model') return { kind, ...loadModel(input, options) };
  if (kind === 'scene') return { kind, scene: loadScene(input, options) };
  fail(
    'format',
    `"${MODEL_FORMAT}" (a saved model) or "${SCENE_FORMAT}" (a scene); not an nn-playground ` +
      'file',
    format,
  );
}

// ---- saving and applying -------------------------------------------------------------------

/**
 * The saved model of a trained scene: the scene (validated, a copy) and every member's parameters
 * from the Trainer built from it. Throws when the Trainer does not fit the scene.
 */
export function saveModel(scene: Scene, trainer: Trainer, supplied?: DataShape | null): SavedModel {
  return modelOf(checkScene(scene, supplied), trainer);
}

/**
 * saveModel for a scene already checked by the engine (the worker's running scene): every
 * member's parameters from its Trainer. Throws when the Trainer does not fit the scene.
 */
export function modelOf(checked: Scene, trainer: Trainer): SavedModel {
  const members = memberCount(checked);
  if (trainer.members() !== members) {
    throw new Error(
      `saveModel: the trainer has ${plural(trainer.members(), 'member')}, the scene ` +
        `${plural(members, 'member')}: it was not built from this scene`,
    );
  }
  const shapes = parameterShapes(checked.model);
  const parameters = Array.from({ length: members }, (_, m): ParameterRecord => {
    const own = trainer.parameters(m);
    const record: ParameterRecord = {};
    for (const p of shapes) {
      const data = own[p.name];
      if (data?.length !== p.size) {
        throw new Error(
          `saveModel: member ${m}'s "${p.name}" has ${data ? data.length : 'no'} numbers; the ` +
            `scene's model has ${describe(p)}: the trainer was not built from this scene`,
        );
      }
      record[p.name] = Array.from(data);
    }
    return record;
  });
  return { format: MODEL_FORMAT, scene: structuredClone(checked), parameters };
}

/**
 * Sets every member's parameters on a Trainer built from the model's scene (setParameters).
 * Takes a LoadedModel's parameters or a SavedModel's.
 */
export function applyModel(
  trainer: Trainer,
  parameters: readonly ParameterRecord<Float32Array | number[]>[],
): void {
  if (trainer.members() !== parameters.length) {
    throw new Error(
      `applyModel: the model has ${plural(parameters.length, 'member')}, the trainer ` +
        `${trainer.members()}: build the Trainer from the model's scene`,
    );
  }
  parameters.forEach((record, m) => trainer.setParameters(m, record));
}

/**
 * The saved model as JSON text: the scene indented, each parameter on one line, every number as
 * JSON.stringify writes it (exact for float32 values) except −0, kept as "-0" (valid JSON that
 * JSON.parse reads back as −0).
 */
export function stringifyModel(model: SavedModel): string {
  const number = (x: number) => (Object.is(x, -0) ? '-0' : JSON.stringify(x));
  const indent = (text: string, by: string) => text.replaceAll('\n', `\n${by}`);
  const records = model.parameters.map((record) => {
    const lines = Object.entries(record).map(
      ([name, data]) => `      ${JSON.stringify(name)}: [${data.map(number).join(', ')}]`,
    );
    return `    {\n${lines.join(',\n')}\n    }`;
  });
  return (
    '{\n' +
    `  "format": ${JSON.stringify(model.format)},\n` +
    `  "scene": ${indent(JSON.stringify(model.scene, null, 2), '  ')},\n` +
    `  "parameters": [\n${records.join(',\n')}\n  ]\n` +
    '}\n'
  );
}
