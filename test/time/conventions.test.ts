// TimeML conventions the timex rules follow, each on sentences written for this test: spoken years, offsets in
// decades, ages, quarters and halves in earnings reports, PRESENT_REF/PAST_REF/FUTURE_REF words, "the year" and
// "that year", sets of weekdays and months, and the tense cues that pick a past or a coming date.

import { describe, expect, it } from 'vitest';
import { findTimexes, sameUnitAs } from '../../src/time/timex.js';

// 2020-01-08 is a Wednesday; 2019-10-28 a Monday.
const WEDNESDAY = '2020-01-08';
const MONDAY = '2019-10-28';

const values = (text: string, anchor: string | null = WEDNESDAY) =>
  findTimexes(text, anchor).map((t) => [t.text, t.value]);

const find = (text: string, phrase: string, anchor: string | null = WEDNESDAY) =>
  findTimexes(text, anchor).find((t) => t.text.includes(phrase));

const resolved = (text: string, phrase: string, anchor: string | null = WEDNESDAY) =>
  find(text, phrase, anchor)?.value;

describe('years read aloud', () => {
  it('joins a spoken year to the month or season before it', () => {
    expect(resolved('Prices last fell this low in March nineteen ninety-eight.', 'March')).toBe('1998-03');
    expect(resolved('The storm hit in the spring of two thousand and three.', 'spring')).toBe('2003-SP');
  });

  it('reads a spoken year on its own, but not a bare "nineteen"', () => {
    expect(resolved('The bridge opened in nineteen sixty-four.', 'nineteen')).toBe('1964');
    expect(values('Nineteen people were hurt.')).toEqual([]);
  });
});

describe('offsets, ages and durations', () => {
  it('counts "a decade ago" back to a year', () => {
    expect(resolved('A decade ago the town had no road.', 'decade ago')).toBe('2010');
  });

  it('does not take an age for a duration', () => {
    expect(values('The driver, 37 years old, was unhurt.')).toEqual([]);
  });

  it('reads more, additional and extra amounts as durations', () => {
    expect(resolved('The mission will stay for two more weeks.', 'weeks')).toBe('P2W');
    expect(resolved('The lease can be renewed for an additional year.', 'year')).toBe('P1Y');
  });

  it('keeps a duration before a comma inside a clause, but not an opening "one day"', () => {
    expect(resolved('The panel will report within a year, the minister said.', 'a year')).toBe('P1Y');
    expect(values('One day, the river simply stopped.')).toEqual([]);
  });

  it('reads "will one day" as an unspecified future', () => {
    expect(resolved('She hopes the league will one day admit women.', 'one day')).toBe('FUTURE_REF');
  });
});

describe('quarters and halves in earnings reports', () => {
  it('reads fiscal-first and the halves of a year', () => {
    expect(resolved('Profit rose in the fiscal-first quarter ended Sept. 30.', 'fiscal-first', MONDAY)).toBe(
      '2019-Q1',
    );
    expect(resolved('Margins should improve in the last half of 2020.', 'half')).toBe('2020-H2');
    expect(resolved('Orders are booked through the first two quarters of 2021.', 'two quarters')).toBe(
      '2021-H1',
    );
  });

  it('leaves "the last half of" a decade to the decade', () => {
    expect(resolved('Fashion changed in the last half of the 1970s.', '1970s')).toBe('197');
  });

  it('puts "the 2018 quarter" and "last year’s quarter" on the quarter the report is about', () => {
    const text =
      'The brewer earned $4 million in the third quarter. In the 2018 quarter it lost $1 million. ' +
      'Sales in last year’s quarter were lower, and costs for the corresponding period last year were higher.';
    expect(resolved(text, '2018 quarter', MONDAY)).toBe('2018-Q3');
    expect(resolved(text, 'last year’s quarter', MONDAY)).toBe('2018-Q3');
    expect(resolved(text, 'corresponding period', MONDAY)).toBe('2018-Q3');
  });

  it('does not take a quarter for the focus once the report has moved to nine months', () => {
    const text =
      'Net rose in the third quarter. In the first nine months, net was $5 million, up from the 2018 period.';
    expect(resolved(text, '2018 period', MONDAY)).toBe('2018');
  });

  it('reads "the latest period" as the last quarter reported', () => {
    expect(resolved('Revenue jumped in the latest period.', 'latest period', MONDAY)).toBe('2019-Q3');
  });
});

describe('present, past and future references', () => {
  it('reads "current" and "recent" before a noun', () => {
    expect(resolved('Investors fear the current slowdown.', 'current')).toBe('PRESENT_REF');
    expect(resolved('A recent filing shows the stake.', 'recent')).toBe('PAST_REF');
    expect(resolved('Holders may buy at the then current price.', 'then current')).toBe('PAST_REF');
  });

  it('leaves the fixed economic term "current account" alone', () => {
    expect(values('The current account deficit widened.')).toEqual([]);
  });

  it('reads "soon" ahead, but not "as soon as <event>", "soon after" or a past "soon"', () => {
    expect(resolved('The bank will soon raise rates.', 'soon')).toBe('FUTURE_REF');
    expect(resolved('They want an answer as soon as possible.', 'soon')).toBe('FUTURE_REF');
    expect(values('Talks resume as soon as the envoy lands.')).toEqual([]);
    expect(values('He resigned soon after the vote.')).toEqual([]);
    expect(values('The driver was soon released.')).toEqual([]);
  });
});

describe('the year, that year and the end of the year', () => {
  it('reads "the year" as the article’s year, and "the year ended …" as a fiscal year', () => {
    expect(resolved('Shares hit a high for the year in June.', 'the year', MONDAY)).toBe('2019');
    expect(resolved('Rains delayed planting earlier in the year.', 'earlier in the year', MONDAY)).toBe(
      '2019',
    );
    expect(resolved('Net income for the year ended June 30 fell.', 'the year', MONDAY)).toBe('P1Y');
  });

  it('reads "the current fiscal year", "year end" and "year’s end" as the article’s year', () => {
    expect(resolved('Sales in the current fiscal year will be flat.', 'fiscal year', MONDAY)).toBe('2019');
    expect(resolved('The sale should close by year end.', 'year end', MONDAY)).toBe('2019');
    expect(resolved('Rules take effect by year’s end.', 'year’s end', MONDAY)).toBe('2019');
  });

  it('resolves "that year" and "that day" from the date last mentioned, unknown parts as X', () => {
    expect(resolved('She left Havana in June 2011 and came back later that year.', 'that year')).toBe('2011');
    expect(resolved('The mill burned on Oct. 3, 2016. Earlier that day, a guard left.', 'that day')).toBe(
      '2016-10-03',
    );
    expect(resolved('Troops crossed in March 2003. That same day, oil rose.', 'same day')).toBe('2003-03-XX');
  });

  it('fills unknown parts with X for a coarser antecedent', () => {
    expect(sameUnitAs('1998-10-23', 'year')).toBe('1998');
    expect(sameUnitAs('1998', 'month')).toBe('1998-XX');
    expect(sameUnitAs('1998-10', 'day')).toBe('1998-10-XX');
    expect(sameUnitAs('2020-01-08', 'week')).toBe('2020-W02');
  });

  it('counts "the following month" from a date in the paragraph before', () => {
    const text = 'In March, the board rejected the bid.\n\nThe following month, it sold the unit.';
    expect(resolved(text, 'following month', MONDAY)).toBe('2019-04');
  });
});

describe('tense cues for months and weekdays', () => {
  it('reads a capitalised lead word before an ambiguous month', () => {
    expect(resolved('In March, the company hired a new chief.', 'March', MONDAY)).toBe('2019-03');
  });

  it('takes the latest past month for an event told in the past', () => {
    expect(resolved('The firm changed its fiscal year in December.', 'December', MONDAY)).toBe('2018-12');
    expect(resolved('The merger will close in December.', 'December', MONDAY)).toBe('2019-12');
  });

  it('reads "since" as a cue of the past', () => {
    expect(resolved('Police have hunted him since the Oct. 23 raid.', 'Oct. 23', '2020-05-06')).toBe(
      '2019-10-23',
    );
  });

  it('looks ahead for "this coming", "until" and "planning to"', () => {
    expect(resolved('The rally is this coming Sunday.', 'Sunday')).toBe('2020-01-12');
    expect(resolved('Officials postponed the vote until Tuesday.', 'Tuesday')).toBe('2020-01-14');
    expect(resolved('Marchers were planning to gather on Monday.', 'Monday')).toBe('2020-01-13');
  });

  it('reads a plan seen from the past as past', () => {
    expect(resolved('The offer had been due to expire Friday evening.', 'Friday', MONDAY)).toBe(
      '2019-10-25TEV',
    );
  });

  it('counts "the previous Friday" from the date mentioned before it', () => {
    const text = 'Stocks rose on Friday, Jan. 3. They had fallen the previous Friday.';
    expect(resolved(text, 'previous Friday')).toBe('2019-12-27');
  });

  it('does not read a programme title as a week', () => {
    expect(values('The minister spoke on "This Week" with reporters.')).toEqual([]);
  });
});

describe('sets, decades and parts of the day', () => {
  it('writes recurring weekdays and months as sets', () => {
    const found = findTimexes('Buses leave on Monday and Tuesday nights, and every Thursday.', WEDNESDAY);
    expect(found.map((t) => [t.text, t.value, t.type])).toEqual([
      ['Monday', 'XXXX-WXX-1TNI', 'SET'],
      ['Tuesday nights', 'XXXX-WXX-2TNI', 'SET'],
      ['every Thursday', 'XXXX-WXX-4', 'SET'],
    ]);
    expect(resolved('The fair opens on Sundays.', 'Sundays')).toBe('XXXX-WXX-7');
    expect(resolved('Pilgrims gather each August.', 'August')).toBe('XXXX-08');
  });

  it('reads decades in words, a past season and "post-" years', () => {
    expect(resolved('Growth was strong through the nineties.', 'nineties')).toBe('199');
    expect(values('She was in her forties.')).toEqual([]);
    expect(resolved('The plant shut this past spring.', 'spring', MONDAY)).toBe('2019-SP');
    expect(resolved('Post-1989 politics split the country.', '1989')).toBe('1989');
  });

  it('reads "mid-afternoon" on the day named', () => {
    const t = find('Shares were up at mid-afternoon yesterday.', 'mid-afternoon');
    expect([t?.value, t?.type]).toEqual(['2020-01-07TAF', 'TIME']);
  });
});

describe('the tense of the clause around a bare weekday or month', () => {
  it('looks ahead from a plan to what follows it, not to when it was made or recalled', () => {
    expect(resolved('The delegation planned to leave Oslo on Thursday for Bergen.', 'Thursday')).toBe(
      '2020-01-09',
    );
    expect(resolved('On Monday, the ministry planned to publish the figures.', 'Monday')).toBe('2020-01-06');
    expect(resolved('The strike went ahead as previously planned Saturday.', 'Saturday')).toBe('2020-01-04');
  });

  it('reads a present-tense schedule as ahead, but not a noun like "the close"', () => {
    expect(resolved('Arafat and Netanyahu meet separately Monday with the envoy.', 'Monday')).toBe(
      '2020-01-13',
    );
    expect(resolved('The talks resume on Friday in Geneva.', 'Friday')).toBe('2020-01-10');
    expect(resolved('At the close of business Thursday, 500 shares had been tendered.', 'Thursday')).toBe(
      '2020-01-02',
    );
  });

  it('does not take a verb that merely ends in -ed, or a passive after "be", for a past', () => {
    expect(resolved('Ms. Lund will succeed Mr. Berg Feb. 1, the bank said.', 'Feb. 1', MONDAY)).toBe(
      '2020-02-01',
    );
    expect(resolved('The board set a new rate, effective Feb. 1.', 'Feb. 1', MONDAY)).toBe('2020-02-01');
    expect(
      resolved('Col. Ames will be named commander for a flight in December.', 'December', '2020-03-04'),
    ).toBe('2020-12');
  });

  it('reads a month with no cue at all as past unless it is at most two months ahead', () => {
    expect(resolved('The stock rose to $42 in June from $29 in March.', 'March', MONDAY)).toBe('2019-03');
    expect(resolved('The stock rose to $42 in June from $29 in March.', 'June', MONDAY)).toBe('2019-06');
  });

  it('does not let a relative clause about someone make the month ahead', () => {
    expect(
      resolved('In January, the firm hired a new chief, who will stay on as chairman.', 'January', MONDAY),
    ).toBe('2019-01');
  });

  it('reads a quotation by its own verbs, not by the reporting verb outside it', () => {
    expect(resolved('"We will sign the accord at 9 a.m. Thursday," the minister said.', '9 a.m.')).toBe(
      '2020-01-09T09:00',
    );
  });

  it('reads "last February" said in March as the February a year before', () => {
    expect(resolved('The crash happened last February.', 'February', '2020-03-02')).toBe('2019-02');
    expect(resolved('The crash happened last November.', 'November', '2020-03-02')).toBe('2019-11');
  });

  it('puts "this year through August" in the article’s year', () => {
    expect(resolved('Sales were flat this year through August.', 'August', MONDAY)).toBe('2019-08');
  });
});

describe('vague amounts of time', () => {
  it('reads "coming" and "recent" weeks, years and days as some number of them', () => {
    expect(resolved('Prices may rise in the coming weeks.', 'weeks')).toBe('PXW');
    expect(find('Prices may rise in coming years.', 'years')?.type).toBe('DURATION');
    expect(resolved('Fighting has eased in recent days.', 'days')).toBe('PXD');
    expect(values('The deal could close in days.')).toEqual([]);
  });

  it('writes unknown numbers of decades and centuries with TimeML’s letters', () => {
    expect(resolved('The feud has gone on for centuries.', 'centuries')).toBe('PXC');
    expect(resolved('The feud has gone on for decades.', 'decades')).toBe('PXE');
  });
});

describe('the past year, the week of a date, and loose counts', () => {
  it('writes "the past year" and "the next year or so" as the calendar year before or after', () => {
    expect(resolved('Exports doubled over the past year.', 'past year')).toBe('2019');
    expect(find('Exports doubled over the past year.', 'past year')?.type).toBe('DATE');
    expect(resolved('Rates should stay low for the next year or so.', 'next year', MONDAY)).toBe('2020');
    expect(find('Rates should stay low for the next year or so.', 'next year', MONDAY)?.text).toBe(
      'the next year or so',
    );
    // Other units keep reading as a stretch of time, and a fiscal year stays what it was.
    expect(resolved('Exports doubled over the past week.', 'past week')).toBe('P1W');
  });

  it('writes "the week of March 6" as the calendar week holding that day', () => {
    expect(resolved('The vote is set for the week of March 6.', 'week of')).toBe('2020-W10');
    expect(resolved('Talks resume the week of Jan. 13, 2020.', 'week of', '2019-12-02')).toBe('2020-W03');
  });

  it('counts "the next couple of years" as two', () => {
    expect(resolved('Demand will grow over the next couple of years.', 'couple')).toBe('P2Y');
    expect(resolved('It took a couple of weeks.', 'couple')).toBe('P2W');
  });

  it('reads "the first two quarters of 2021" as the year’s first half, even after "at least"', () => {
    expect(resolved('Losses will last through at least the first two quarters of 2021.', 'quarters')).toBe(
      '2021-H1',
    );
    expect(resolved('Sales rose in the first two quarters.', 'quarters')).toBe('P6M');
  });

  it('reads "the weeks ahead" as some number of weeks', () => {
    expect(resolved('Talks will continue in the weeks ahead.', 'weeks ahead')).toBe('PXW');
    expect(find('Talks will continue in the months ahead.', 'months ahead')?.type).toBe('DURATION');
  });
});
