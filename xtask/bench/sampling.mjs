// How the bench and its probes take and read samples: the pages of a comparison in turns,
// and medians. One place, so a probe's figure is the bench's figure.

/** Runs `measures` one after another, starting with the `round`-th: over the rounds each
 * takes every place in the order equally often. A page's timing depends on what ran just
 * before it: two loads of the same post, always in the same order, read 40 and 44 ms over
 * 15 rounds (December 2026), which is as large as the differences being measured. */
export async function inTurns(round, measures) {
  for (let k = 0; k < measures.length; k++) await measures[(round + k) % measures.length]();
}

/** The median; of an even count, the mean of the middle two. */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
