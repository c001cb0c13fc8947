import { describe, expect, it } from 'vitest';
import { findTimexes } from './timex.js';

// 2020-01-08 is a Wednesday.
const ANCHOR = '2020-01-08';

const values = (text: string, anchor: string | null = ANCHOR) =>
  findTimexes(text, anchor).map((t) => [t.text, t.value]);

const resolved = (text: string, phrase: string, anchor: string | null = ANCHOR) =>
  findTimexes(text, anchor).find((t) => t.text.includes(phrase))?.value;

describe('bare years', () => {
  it('reads a year after a preposition as a year', () => {
    expect(values('The deal was signed in 2018 and abandoned since.')).toEqual([['2018', '2018']]);
    expect(findTimexes('The deal was signed in 2018.', ANCHOR)[0]?.granularity).toBe('year');
  });

  it('does not read counts and amounts as years', () => {
    expect(values('About 2000 troops arrived, costing $1990 each.')).toEqual([]);
    expect(values('Turnout reached 1,995 voters.')).toEqual([]);
  });

  it('resolves years without any anchor', () => {
    expect(values('The treaty dates from 1949.', null)).toEqual([['1949', '1949']]);
  });
});

describe('weekdays in news', () => {
  it('takes the article day for its own weekday', () => {
    expect(resolved('The minister said on Wednesday that talks would resume.', 'Wednesday')).toBe(
      '2020-01-08',
    );
  });

  it('takes the weekday before the article date in past-tense text', () => {
    expect(resolved('The strike ended on Friday after a week.', 'Friday')).toBe('2020-01-03');
    expect(resolved('Rebels attacked the town Monday.', 'Monday')).toBe('2020-01-06');
  });

  it('looks forward when the clause speaks of the future', () => {
    expect(resolved('The council will vote on Friday.', 'Friday')).toBe('2020-01-10');
  });

  it('looks forward from a future seen in the past', () => {
    expect(resolved('Farmers planned a blockade on Friday and were planning to march.', 'Friday')).toBe(
      '2020-01-10',
    );
    expect(resolved('Talks on Monday were due to settle the dispute.', 'Monday')).toBe('2020-01-13');
    expect(resolved('Talks on Monday were settling the dispute.', 'Monday')).toBe('2020-01-06');
  });

  it('steps a full week for last and next', () => {
    expect(resolved('They met last Wednesday.', 'Wednesday')).toBe('2020-01-01');
    expect(resolved('They meet next Wednesday.', 'Wednesday')).toBe('2020-01-15');
  });

  it('dates a weekday by the date written after it', () => {
    expect(resolved('Police arrived on Saturday, Dec. 28, the report said.', 'Saturday')).toBe('2019-12-28');
  });

  it('needs an anchor', () => {
    expect(values('The strike ended on Friday.', null)).toEqual([]);
  });
});

describe('months and days without a year', () => {
  it('places a recent date in the past in the anchor year', () => {
    expect(resolved('Trump ordered the January 3 killing of the general.', 'January 3')).toBe('2020-01-03');
  });

  it('takes last year for a date a few weeks back across new year', () => {
    expect(resolved('Protests began on Dec. 20 in the capital.', 'Dec. 20')).toBe('2019-12-20');
  });

  it('keeps a scheduled date ahead in the anchor year', () => {
    expect(resolved('The dividend is payable Feb. 14 to holders of record.', 'Feb. 14')).toBe('2020-02-14');
  });

  it('resolves bare month names by tense and preposition', () => {
    expect(resolved('The talks collapsed in November.', 'November')).toBe('2019-11');
    expect(resolved('Elections are expected by March.', 'March')).toBe('2020-03');
  });

  it('leaves "May" the modal alone', () => {
    expect(values('May I ask a question?')).toEqual([]);
  });

  it('combines a month with this or last year', () => {
    expect(resolved('In July last year the border closed.', 'July')).toBe('2019-07');
  });
});

describe('offsets anchored on another expression', () => {
  it('counts from the date that follows', () => {
    const text = 'Five days after the January 3 killing, the alliance met.';
    expect(resolved(text, 'Five days after')).toBe('2020-01-08');
    expect(resolved(text, 'January 3')).toBe('2020-01-03');
  });

  it('dates an opening offset by its sentence’s own date', () => {
    const text = 'Two weeks after the floods began, officials said on Monday that aid was arriving.';
    expect(resolved(text, 'Two weeks after')).toBe('2020-01-06');
  });

  it('is a duration when nothing dates it', () => {
    const t = findTimexes('The ceasefire broke down three days after the talks.', ANCHOR)[0];
    expect(t?.value).toBe('P3D');
  });

  it('counts "earlier" and "later" from the last date mentioned', () => {
    expect(
      resolved('Profit rose in the third quarter of 2018. A year earlier it fell.', 'A year earlier'),
    ).toBe('2017-Q3');
    expect(resolved('The plant opened in 2011. Two years later it closed.', 'Two years later')).toBe('2013');
  });

  it('counts "ago" from the article date', () => {
    expect(resolved('The law passed two years ago.', 'two years ago')).toBe('2018');
    expect(resolved('He arrived three days ago.', 'three days ago')).toBe('2020-01-05');
    expect(resolved('That was years ago.', 'years ago')).toBe('PAST_REF');
  });
});

describe('ranges, decades and relative periods', () => {
  it('reads year ranges', () => {
    expect(resolved('He served as ambassador between 2009 and 2013.', 'between')).toBe('2009/2013');
    expect(resolved('The war lasted from 1980 to 1988.', 'from 1980')).toBe('1980/1988');
    expect(resolved('the 2014-17 campaign', '2014')).toBe('2014/2017');
  });

  it('reads decades and centuries', () => {
    expect(resolved('Violence peaked in the 1990s.', '1990s')).toBe('199');
    expect(resolved('a relic of the ’80s and the 19th century', '19th')).toBe('18');
  });

  it('shifts years, months and weeks from the anchor', () => {
    expect(resolved('Exports fell last year.', 'last year')).toBe('2019');
    expect(resolved('Talks resume next month.', 'next month')).toBe('2020-02');
    expect(resolved('The vote is this week.', 'this week')).toBe('2020-W02');
    expect(resolved('Output rose earlier this year.', 'this year')).toBe('2020');
  });

  it('reads quarters', () => {
    expect(resolved('Profit rose in the third quarter.', 'third quarter')).toBe('2019-Q3');
    expect(resolved('first-quarter sales', 'first-quarter')).toBe('2020-Q1');
    expect(resolved('the fourth quarter of 2016', 'fourth quarter')).toBe('2016-Q4');
  });

  it('reads seasons', () => {
    expect(resolved('The offensive began last spring.', 'last spring')).toBe('2019-SP');
    expect(resolved('Elections are due this summer.', 'this summer')).toBe('2020-SU');
    expect(resolved('in the winter of 2017', 'winter')).toBe('2017-WI');
  });

  it('reads deictic words', () => {
    expect(resolved('The envoy arrived yesterday.', 'yesterday')).toBe('2020-01-07');
    expect(resolved('He is now in Geneva.', 'now')).toBe('PRESENT_REF');
    expect(resolved('Prices rose recently.', 'recently')).toBe('PAST_REF');
  });
});

describe('durations, sets and times', () => {
  it('writes durations in TIMEX3 form', () => {
    expect(resolved('The siege lasted five days.', 'five days')).toBe('P5D');
    expect(resolved('a two-year contract', 'two-year')).toBe('P2Y');
    expect(resolved('for several years', 'years')).toBe('PXY');
    expect(resolved('after 2 1/2 years in camps', 'years')).toBe('P2Y6M');
    expect(resolved('over the past two decades', 'decades')).toBe('P20Y');
  });

  it('writes sets', () => {
    expect(resolved('Flights leave daily.', 'daily')).toBe('P1D');
    expect(resolved('It costs $5 a year.', 'a year')).toBe('P1Y');
  });

  it('writes clock times on the article day', () => {
    expect(resolved('The blast came at 10:35 a.m. local time.', '10:35')).toBe('2020-01-08T10:35');
    expect(resolved('Polls close at 8 p.m. Friday.', '8 p.m.')).toBe('2020-01-03T20:00');
    expect(resolved('The blast came at about 10:35 a.m. (0735 GMT) Friday.', '10:35')).toBe(
      '2020-01-03T10:35',
    );
  });

  it('does not read prices and fractions as times or dates', () => {
    expect(values('Shares rose to $1.35 a share, up 7/8.')).toEqual([]);
  });

  it('reports offsets and granularities', () => {
    const [t] = findTimexes('It happened in March 2015.', null);
    expect(t).toMatchObject({
      start: 15,
      end: 25,
      text: 'March 2015',
      value: '2015-03',
      granularity: 'month',
    });
  });
});
