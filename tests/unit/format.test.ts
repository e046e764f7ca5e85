// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatFactDate } from '../../components/categories';

describe('dates as the card and popup show them', () => {
  it('gives day, month and year as far as the record knows them, in UTC', () => {
    expect(formatFactDate('2021-02-17')).toBe('17 Feb 2021');
    expect(formatFactDate('2017-09')).toBe('Sep 2017');
    expect(formatFactDate('2014')).toBe('2014');
    expect(formatFactDate('2016-02-04')).toBe('4 Feb 2016');
    expect(formatFactDate(undefined)).toBe('Undated');
  });
});
