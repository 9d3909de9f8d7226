import { describe, expect, it } from 'vitest';
import model from 'wink-eng-lite-web-model';
import { winkCoreModel } from './wink-core-model.ts';

/** The package's own loader: `model.core` is typed `unknown` by wink's declarations. */
const packageCore = model.core as () => unknown;

describe('winkCoreModel', () => {
  it('prepares the same core model as the package, field for field', () => {
    expect(winkCoreModel()).toStrictEqual(packageCore());
  });

  it('leaves the loaded JSON untouched, so each call starts from the same model', () => {
    const first = winkCoreModel() as { features: { lexeme: { list: string[] } } };
    first.features.lexeme.list.push('a-word-wink-learned');
    expect(winkCoreModel()).toStrictEqual(packageCore());
  });
});
