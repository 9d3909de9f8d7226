import { describe, expect, it } from 'vitest';
import { stepAsked } from './step-asked.ts';

describe('stepAsked', () => {
  it('reads the part a request to move names as its goal', () => {
    expect(stepAsked("Honestly, can we skip ahead to evaluation? That's the interesting part.")).toBe(
      'evaluation',
    );
    expect(stepAsked('Can we go back to the model step? I wanted to add something about the judge.')).toBe(
      'model',
    );
    expect(stepAsked('Can we skip the rest of data and go to serving? I love infra.')).toBe('serving');
    expect(stepAsked('can we jump to talking about monitoring')).toBe('monitoring');
    expect(stepAsked("let's talk about the eval now")).toBe('evaluation');
    expect(stepAsked('Could we go back to requirements for a sec?')).toBe('requirements');
  });

  it('does not take the part being left, or a plain request, for a goal', () => {
    expect(stepAsked("I think that's enough about requirements, can we move on?")).toBeNull();
    expect(stepAsked("I'm done with data, next please")).toBeNull();
    expect(stepAsked('Can we move on to the next part?')).toBeNull();
    expect(stepAsked('Can we skip evaluation?')).toBeNull();
  });
});
