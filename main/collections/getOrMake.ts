/**
 * The value a map holds for a key, made and kept the first time it is asked for: the one shape of
 * the memos and per-owner tables (a document's cells, a font's glyphs, a process's first sightings).
 * A value is never `undefined`; `null`, `false` and `0` are kept like any other.
 */
export function getOrMake<K, V>(map: Map<K, V>, key: K, make: () => V): V;
export function getOrMake<K extends object, V>(map: WeakMap<K, V>, key: K, make: () => V): V;
export function getOrMake<K extends object, V>(map: Map<K, V> | WeakMap<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}
