import { getOrCreate } from './getOrCreate';

/** Groups by a pair of names without building a string key per call. */
export class PairMap<V> {
  private readonly outer = new Map<string, Map<string, V>>();

  getOrCreate(first: string, second: string, create: () => V): V {
    return getOrCreate(
      getOrCreate(this.outer, first, () => new Map<string, V>()),
      second,
      create,
    );
  }

  get(first: string, second: string): V | undefined {
    return this.outer.get(first)?.get(second);
  }

  values(): V[] {
    return [...this.outer.values()].flatMap(inner => [...inner.values()]);
  }
}
