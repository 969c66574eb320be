/** A typed array of the same kind, `size` long, holding `old`'s values at the start (for growing by doubling). */
export function grown<T extends Uint8Array | Uint16Array | Uint32Array | Float32Array | Float64Array>(old: T, size: number): T {
  const next = new (old.constructor as new (n: number) => T)(size);
  next.set(old);
  return next;
}
