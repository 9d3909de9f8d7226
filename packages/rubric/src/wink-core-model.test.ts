import { describe, expect, it } from 'vitest';
import model from 'wink-eng-lite-web-model';
import { winkCoreModel } from './wink-core-model.ts';

interface Core {
  features: { lexeme: { list: string[]; hash?: Record<string, number> } };
}

/** The package's own loader: `model.core` is typed `unknown` by wink's declarations. */
const packageCore = () => (model.core as () => unknown)() as Core;
const ours = () => winkCoreModel() as Core;

/** The lexeme hash apart (ours answers through a Map, so it has no own keys to compare), and the rest. */
function split(core: Core): { hash: Record<string, number>; rest: Core } {
  const hash = core.features.lexeme.hash!;
  delete core.features.lexeme.hash;
  return { hash, rest: core };
}

describe('winkCoreModel', () => {
  it('prepares the same core model as the package, field for field', () => {
    const expected = split(packageCore());
    const actual = split(ours());
    expect(actual.rest).toStrictEqual(expected.rest);
    const words = expected.rest.features.lexeme.list;
    expect(words.length).toBeGreaterThan(80_000);
    for (const word of words)
      if (actual.hash[word] !== expected.hash[word]) expect(word).toBe('answered alike');
    for (const word of ['not-a-word-at-all', '__proto__', 'constructor', 'toString', ''])
      expect(actual.hash[word]).toBe(expected.hash[word]);
  });

  it('adds a new word to the lexeme hash as the package does', () => {
    const expected = packageCore().features.lexeme.hash!;
    const actual = ours().features.lexeme.hash!;
    for (const hash of [expected, actual]) hash['a-word-wink-learned'] = 90_000;
    expect(actual['a-word-wink-learned']).toBe(expected['a-word-wink-learned']);
  });

  it('leaves the loaded JSON untouched, so each call starts from the same model', () => {
    ours().features.lexeme.list.push('a-word-wink-learned');
    expect(split(ours()).rest).toStrictEqual(split(packageCore()).rest);
  });
});
