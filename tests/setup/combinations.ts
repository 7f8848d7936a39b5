/** Every non-empty subset of `items`, in a fixed order: the bits of 1 … 2^n − 1. */
export function everyCombination<T>(items: readonly T[]): T[][] {
  return Array.from({ length: 2 ** items.length - 1 }, (_, i) =>
    items.filter((_item, bit) => ((i + 1) >> bit) & 1),
  );
}
