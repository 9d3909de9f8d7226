import { describe, expect, it } from 'vitest';
import { analyse } from './analyse.ts';
import { isGeneralRemark } from './voice.ts';

const general = (text: string) => analyse(text).segments.every((segment) => isGeneralRemark(segment));

describe('general remarks', () => {
  it.each([
    "There's always a tension between what's measurable and what matters.",
    'At big companies everything is big, so you have to think about distributed systems from day one.',
    'In a lot of companies the metric becomes the goal, and then people game it.',
    'You can use SMOTE or class weights, or focal loss.',
    'Teams often retrain too rarely, because pipelines are fragile.',
  ])('reads "%s" as a remark about the world, not this design', (text) => {
    expect(general(text)).toBe(true);
  });

  it.each([
    "We'd retrain daily because clicks drift.",
    'In a lot of companies the metric becomes the goal, so we would track return visits instead.',
    'The label is whether the user clicked within an hour, because later clicks are rare.',
    'I think you can see position bias in our logs, so I would log the slot.',
  ])('keeps "%s" as the candidate\'s own design', (text) => {
    expect(general(text)).toBe(false);
  });
});
