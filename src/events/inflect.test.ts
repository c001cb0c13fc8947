import { describe, expect, it } from 'vitest';
import { normal, nounPlural, verbForms, wordForms } from './inflect.js';

describe('inflection', () => {
  it('makes regular and irregular verb forms', () => {
    const forms = (v: string) => verbForms(v).map(([f]) => f);
    expect(forms('attack')).toEqual(expect.arrayContaining(['attack', 'attacks', 'attacked', 'attacking']));
    expect(forms('seize')).toEqual(expect.arrayContaining(['seizes', 'seized', 'seizing']));
    expect(forms('ban')).toEqual(expect.arrayContaining(['banned', 'banning']));
    expect(forms('strike')).toEqual(expect.arrayContaining(['struck', 'striking']));
    expect(forms('criticize')).toEqual(expect.arrayContaining(['criticise', 'criticised']));
    expect(forms('signal')).toEqual(expect.arrayContaining(['signalled', 'signaled']));
    expect(verbForms('withdraw').find(([f]) => f === 'withdrawn')?.[1]).toBe('pp');
    expect(forms('break')).toEqual(expect.arrayContaining(['broke', 'broken']));
    expect(forms('gun')).toEqual(expect.arrayContaining(['gunned', 'gunning']));
    expect(forms('admit')).toEqual(expect.arrayContaining(['admitted']));
    expect(forms('cancel')).toEqual(expect.arrayContaining(['cancelled', 'canceled']));
    expect(forms('appeal')).not.toContain('appealled');
    expect(forms('visit')).toContain('visited');
  });

  it('makes noun plurals and word forms', () => {
    expect(nounPlural('attack')).toBe('attacks');
    expect(nounPlural('air strike')).toBe('air strikes');
    expect(nounPlural('ally')).toBe('allies');
    expect(wordForms('talk')).toEqual(expect.arrayContaining(['talk', 'talks', 'talked']));
    expect(normal('US’s')).toBe("us's");
  });
});
