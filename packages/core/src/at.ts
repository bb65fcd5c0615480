/**
 * Checked reads by index. The pipeline computes its own indexes (pairs, firms,
 * slots, residual arcs), so one outside its array is a bug of ours: these
 * throw `InternalError` there instead of letting `undefined` flow on, and give
 * hot loops a `number` without a non-null assertion. One function per kind of
 * array, so each read site stays monomorphic for the JIT.
 */
import { InternalError } from "./errors.js";

function outside(i: number, length: number): InternalError {
  return new InternalError(`index ${i} outside 0..${length - 1}`);
}

/** `list[i]` of an array, which must be there. */
export function at<T>(list: ArrayLike<T>, i: number): T {
  const value = list[i];
  if (value === undefined) throw outside(i, list.length);
  return value;
}

/** `a[i]` of an `Int32Array`, which must be there. */
export function i32(a: Int32Array, i: number): number {
  const value = a[i];
  if (value === undefined) throw outside(i, a.length);
  return value;
}

/** `a[i]` of a `Float64Array`, which must be there. */
export function f64(a: Float64Array, i: number): number {
  const value = a[i];
  if (value === undefined) throw outside(i, a.length);
  return value;
}

/** `a[i]` of a `Uint32Array`, which must be there. */
export function u32(a: Uint32Array, i: number): number {
  const value = a[i];
  if (value === undefined) throw outside(i, a.length);
  return value;
}

/** `a[i]` of a `Uint8Array`, which must be there. */
export function u8(a: Uint8Array, i: number): number {
  const value = a[i];
  if (value === undefined) throw outside(i, a.length);
  return value;
}

/** Adds `by` to `a[i]` of an `Int32Array` (which must be there); returns the new value. */
export function addI32(a: Int32Array, i: number, by: number): number {
  const value = i32(a, i) + by;
  a[i] = value;
  return value;
}

/** Adds `by` to `a[i]` of a `Float64Array` (which must be there). */
export function addF64(a: Float64Array, i: number, by: number): void {
  a[i] = f64(a, i) + by;
}

/** `map.get(key)` of a key the caller put there itself. */
export function got<K, V>(map: ReadonlyMap<K, V>, key: K): V {
  const value = map.get(key);
  if (value === undefined) throw new InternalError(`no entry for ${String(key)}`);
  return value;
}

/** Adds `by` to `list[i]` of a plain array of counts (which must be there); returns the new value. */
export function addAt(list: number[], i: number, by: number): number {
  const value = at(list, i) + by;
  list[i] = value;
  return value;
}

/**
 * `lists[i]` of an array of lists (a board's meetings per cell): `at` again,
 * as a read site of its own, so the hot loops that read lists stay monomorphic.
 */
export function listAt<T>(lists: readonly T[][], i: number): T[] {
  const list = lists[i];
  if (list === undefined) throw outside(i, lists.length);
  return list;
}
