// The breakdown table's order: by value, name or share, either way; rows without a value last.
export type SortKey = "value" | "name" | "share";
export type SortDir = "asc" | "desc";
export type SortableRow = { name: string; value: number | null; share: number | null };

export function sortRows<R extends SortableRow>(rows: readonly R[], key: SortKey, dir: SortDir): R[] {
  const sign = dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (key === "name") return sign * a.name.localeCompare(b.name);
    const x = a[key];
    const y = b[key];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * (x - y);
  });
}
