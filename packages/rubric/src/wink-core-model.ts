import { createRequire } from 'node:module';

/**
 * wink's English core model, prepared as wink-eng-lite-web-model's own `core()` prepares it
 * (`dist/read-core-model.js` and `dist/load-core-model.js`), for about a third of the time.
 *
 * Why: `winkNLP(model)` calls `model.core()` once, and the package's version first deep-copies the
 * 3 MB model with `JSON.parse(JSON.stringify(model))`, then decodes the packed lexicon from base64
 * one character at a time: about 30 ms of a fresh `mlsd score` process. Here only the parts wink
 * changes while it reads (each feature's list, hash and counters: it adds every new word it meets)
 * are copied, so the JSON the package loaded stays untouched for any other wink instance, and the
 * base64 is decoded by Node. The result is the same object, field for field, but for the lexeme
 * hash, which answers every read and write as the package's does from a Map (`mapBackedHash`;
 * `wink-core-model.test.ts` compares it all with the package's own).
 */

/** The parts of the model's JSON (`eng-core-web-model.json`) read here; the rest is passed on as it is. */
interface CoreJson {
  packing: { layout: Record<string, number[]>; [key: string]: unknown };
  features: Record<string, { list: string[]; [key: string]: unknown }>;
  pos: { hash: Record<string, number> };
  lexicon: string;
  xpansions: string;
  [key: string]: unknown;
}

/** A feature as wink reads it: its values, a value's index, and where new values go. */
interface Feature {
  list: unknown[];
  hash?: Record<string, number>;
  intrinsicSize?: number;
  index?: number;
  maxIndex?: number;
  [key: string]: unknown;
}

// The very file the package's model.js requires: Node's module cache hands back the object it
// already parsed, so the 3 MB of JSON is read once.
const CORE_JSON = 'wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json';
const requireFromHere = createRequire(import.meta.url);

/** Column numbers of a feature's entry in `packing.layout`, as the package's loader reads them. */
const MASK = 1;
const SHIFT = 2;
/** 0 for a feature whose values are kept in its list (prefix, suffix, shape): its bits index the list. */
const LISTED = 3;
/** 1 for a feature worked out for words the lexicon does not know. */
const EXTRACTABLE = 4;

/** A drop-in for wink-eng-lite-web-model's `model.core`: a fresh core model each call. */
export function winkCoreModel(): unknown {
  const source = requireFromHere(CORE_JSON) as CoreJson;
  const layout = source.packing.layout;
  const features: Record<string, Feature> = {};
  for (const [name, feature] of Object.entries(source.features))
    features[name] = { ...feature, list: feature.list.slice() };
  const model = {
    ...source,
    packing: { ...source.packing, efList: [] as string[] },
    features,
    lexicon: uint32sFromBase64(source.lexicon),
    xpansions: uint32sFromBase64(source.xpansions),
  };
  // read-core-model.js: a hash from value to index for each listed feature and for the lexemes
  // (null-prototype objects, filled in list order, as wink looks values up and adds new ones to them).
  for (const name in layout) {
    const feature = features[name];
    if (layout[name]?.[LISTED] === 0 && feature) feature.hash = hashOf(feature.list as string[]);
  }
  const lexeme = features.lexeme!;
  lexeme.hash = mapBackedHash(lexeme.list as string[]);
  const clusters = features.posClusters!.list;
  for (let k = 0; k < clusters.length; k++)
    clusters[k] = new Set(
      String(clusters[k])
        .split('_')
        .map((tag) => source.pos.hash[tag] || 0),
    );
  // load-core-model.js: where each list's own values end and new ones begin, and which features
  // are worked out for unknown words.
  for (const name in layout) {
    const entry = layout[name]!;
    const feature = features[name];
    if (entry[LISTED] === 0 && feature) {
      feature.intrinsicSize = feature.list.length;
      feature.index = feature.list.length;
      feature.maxIndex = entry[MASK]! >>> entry[SHIFT]!;
    }
    if (entry[EXTRACTABLE] === 1) model.packing.efList.push(name);
  }
  lexeme.intrinsicSize = lexeme.list.length;
  lexeme.index = lexeme.list.length;
  return model;
}

function hashOf(list: readonly string[]): Record<string, number> {
  const hash: Record<string, number> = Object.create(null);
  for (let k = 0; k < list.length; k++) hash[list[k]!] = k;
  return hash;
}

/**
 * The lexeme hash (87,000 words) as an object whose reads and writes go to a Map. wink only reads
 * `hash[word]` and writes `hash[word] = index`, which the traps answer as the plain object would;
 * filling a Map takes a third of the time of adding as many properties to an object (about 20 ms
 * of a fresh process), and the few thousand look-ups of a transcript cost under a millisecond more.
 */
function mapBackedHash(list: readonly string[]): Record<string, number> {
  const indexes = new Map<string, number>();
  for (let k = 0; k < list.length; k++) indexes.set(list[k]!, k);
  return new Proxy(Object.create(null) as Record<string, number>, {
    get: (_, word) => (typeof word === 'string' ? indexes.get(word) : undefined),
    set: (_, word, index: number) => {
      if (typeof word !== 'string') return false;
      indexes.set(word, index);
      return true;
    },
  });
}

/** The package's `bufferFromBase64`, by Node's decoder, into an array buffer of its own. */
function uint32sFromBase64(data: string): Uint32Array {
  const bytes = Buffer.from(data, 'base64');
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}
