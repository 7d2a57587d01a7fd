import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../../src/util/calendar-date.js';

describe('isCalendarDate', () => {
  it.each([['2024-02-29', true], ['2023-02-28', true], ['0001-01-01', true], ['0099-12-31', true], ['9999-12-31', true]])('takes %s', (s, ok) => {
    expect(isCalendarDate(s)).toBe(ok);
  });
  it.each(['2023-02-29', '2024-02-31', '2024-13-01', '2024-00-10', '2024-04-31', '0000-01-01', '2024-1-01', '2024-01-01T00:00', ' 2024-01-01', ''])('refuses %j', (s) => {
    expect(isCalendarDate(s)).toBe(false);
  });
});
