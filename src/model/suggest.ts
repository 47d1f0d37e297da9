/**
 * @module model/suggest
 * "Did you mean …?": the known names closest to a name that is not known, for messages. Pure string work; it decides
 * nothing about validity.
 */

/** Edit distance (insertions, deletions, substitutions) between two strings. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The part of an id after its type prefix, lower-cased: "sector:wind" → "wind". */
function bare(name: string): string {
  return name.slice(name.indexOf(":") + 1).toLowerCase();
}

/** Whether every word of one dash-separated name is a word of the other. */
function sharesAllWords(a: string, b: string): boolean {
  const wordsA = a.split("-");
  const wordsB = b.split("-");
  const [fewer, more] = wordsA.length <= wordsB.length ? [wordsA, new Set(wordsB)] : [wordsB, new Set(wordsA)];
  return fewer.every((w) => w !== "" && more.has(w));
}

/**
 * Up to `limit` candidates a user most likely meant by `input`, best first, or none when nothing is close: the same
 * name in another case ("dy" → "Dy"); names that contain it or that it contains, ignoring a type prefix
 * ("sector:wind-turbines" → "sector:wind"); then names within a few typing slips (about one in three characters).
 * @example closestNames("dy", ["Tb", "Dy"]) // ["Dy"]
 */
export function closestNames(input: string, candidates: readonly string[], limit = 3): string[] {
  const wanted = bare(input);
  if (wanted === "") return [];
  const sameCase = candidates.filter((c) => c.toLowerCase() === input.toLowerCase() || bare(c) === wanted);
  if (sameCase.length > 0) return sameCase.slice(0, limit);
  const scored = candidates
    .map((c) => {
      const name = bare(c);
      // Containment counts for parts of 3+ characters (so "a" does not match every name) or for whole dash-separated
      // words ("ev-motors" holds the word "ev" of "ev").
      const contains = (Math.min(name.length, wanted.length) >= 3 && (name.includes(wanted) || wanted.includes(name))) || sharesAllWords(name, wanted);
      return { c, distance: contains ? 0 : editDistance(name, wanted) };
    })
    .filter((x) => x.distance <= Math.max(1, Math.floor(wanted.length / 3)))
    .sort((a, b) => a.distance - b.distance);
  return scored.slice(0, limit).map((x) => x.c);
}

/** `did you mean "Dy"?` / `did you mean sector:wind or sector:wind-offshore?`, or undefined when nothing is close. */
export function didYouMean(input: string, candidates: readonly string[], { quote = false }: { quote?: boolean } = {}): string | undefined {
  const close = closestNames(input, candidates).map((c) => (quote ? JSON.stringify(c) : c));
  if (close.length === 0) return undefined;
  const list = close.length === 1 ? close[0] : `${close.slice(0, -1).join(", ")} or ${close[close.length - 1]}`;
  return `did you mean ${list}?`;
}
