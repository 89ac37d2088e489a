/**
 * A count as both first-view languages write it, 100,000: digits in threes with a comma, which is
 * what toLocaleString gives in en and zh-CN (tests/unit/first-view-count.test.ts). Not through Intl:
 * the first number Intl formats in a fresh window loads the language's number data, about 45 ms of
 * the first view's path; the real page pays it later.
 */
export function groupedCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+$)/g, ',');
}
