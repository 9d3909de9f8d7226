import { describe, expect, it } from 'vitest';
import {
  caseLevels,
  judgedAtText,
  levelTag,
  loadSessionChoices,
  pickLevel,
  saveSessionChoices,
} from './session-choices.ts';
import { type KeyValueStore, memoryStore } from './storage.ts';

describe('caseLevels', () => {
  it('keeps the known levels in order and drops others', () => {
    expect(caseLevels(['staff', 'principal', 'mid'])).toEqual(['mid', 'staff']);
    expect(caseLevels([])).toEqual([]);
  });
});

describe('pickLevel', () => {
  it('prefers the remembered level, then senior, then the lowest level', () => {
    expect(pickLevel(['mid', 'senior', 'staff'], 'staff')).toBe('staff');
    expect(pickLevel(['mid', 'senior', 'staff'], null)).toBe('senior');
    expect(pickLevel(['senior', 'staff'], 'mid')).toBe('senior');
    expect(pickLevel(['mid', 'staff'], null)).toBe('mid');
    expect(pickLevel([], 'staff')).toBeNull();
  });
});

describe('session choices in storage', () => {
  it('round-trips a level and a persona', () => {
    const store = memoryStore();
    expect(loadSessionChoices(store)).toEqual({ level: null, persona: 'neutral' });
    saveSessionChoices(store, { level: 'staff', persona: 'tough' });
    expect(loadSessionChoices(store)).toEqual({ level: 'staff', persona: 'tough' });
  });

  it('falls back to the defaults on broken or unknown values', () => {
    const store = memoryStore();
    store.setItem('mlsd.session-choices', '{not json');
    expect(loadSessionChoices(store)).toEqual({ level: null, persona: 'neutral' });
    store.setItem('mlsd.session-choices', JSON.stringify({ level: 'principal', persona: 'grumpy' }));
    expect(loadSessionChoices(store)).toEqual({ level: null, persona: 'neutral' });
    store.setItem('mlsd.session-choices', '42');
    expect(loadSessionChoices(store)).toEqual({ level: null, persona: 'neutral' });
  });

  it('survives a storage that refuses writes', () => {
    const full: KeyValueStore = {
      getItem: () => null,
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {},
    };
    expect(() => saveSessionChoices(full, { level: 'mid', persona: 'supportive' })).not.toThrow();
  });
});

describe('judgedAtText and levelTag', () => {
  it('names the level and the persona', () => {
    expect(judgedAtText('staff', 'tough')).toBe('Judged at staff level · tough interviewer');
    expect(judgedAtText(undefined)).toBe('Judged at senior level');
    expect(judgedAtText('mid')).toBe('Judged at mid level');
  });

  it('tags a history row with the level, and the persona unless neutral', () => {
    expect(levelTag({ level: 'senior', persona: 'neutral' })).toBe('senior');
    expect(levelTag({ level: 'staff', persona: 'tough' })).toBe('staff · tough');
  });
});
