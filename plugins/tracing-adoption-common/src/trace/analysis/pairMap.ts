/** Groups by a pair of names without building a string key per call. */
export class PairMap<V> {
  private readonly outer = new Map<string, Map<string, V>>();

  getOrCreate(first: string, second: string, create: () => V): V {
    let inner = this.outer.get(first);
    if (!inner) {
      inner = new Map();
      this.outer.set(first, inner);
    }
    let value = inner.get(second);
    if (value === undefined) {
      value = create();
      inner.set(second, value);
    }
    return value;
  }

  get(first: string, second: string): V | undefined {
    return this.outer.get(first)?.get(second);
  }

  values(): V[] {
    return [...this.outer.values()].flatMap(inner => [...inner.values()]);
  }
}
