/**
 * A deterministic layout for a graph view, so that every client that uses it draws the same
 * picture: concentric rings around the root by breadth-first distance over the view's edges
 * (direction ignored), the root at (0, 0).
 *
 * - Ring k has radius max(r(k-1) + RING_GAP, n(k) * NODE_GAP / 2π): rings are RING_GAP apart, and
 *   a crowded ring grows until neighbouring nodes on it are at least NODE_GAP apart.
 * - On ring 1 nodes are spread evenly by id order, starting at the top (-90°) and going clockwise
 *   in screen coordinates (y grows downwards). Ids start with their type (`org:`, `person:`), so
 *   nodes of a kind sit together.
 * - On ring k > 1 nodes are ordered by the position of their first neighbour on ring k-1, then by
 *   id, so they sit on the side of the ring where their parent is.
 * - Nodes the edges do not reach from the root (possible when a view's edges were cut) go on one
 *   more ring outside the others.
 * - A path is a chain with one node per ring, so it is drawn as a straight line left to right.
 *
 * Coordinates are in pixels at zoom 1, rounded to one decimal. Cost: O(nodes + edges).
 */

export interface LayoutPoint {
  x: number;
  y: number;
}

/** Distance between two rings, in pixels at zoom 1. */
export const RING_GAP = 160;
/** Least arc between two neighbouring nodes on a ring, in pixels at zoom 1. */
export const NODE_GAP = 70;

const round = (v: number) => Math.round(v * 10) / 10 || 0; // `|| 0` turns -0 into 0

/** Positions by node id, for the nodes given; the root (when among them) at the origin. */
export function ringLayout(nodeIds: readonly string[], edges: ReadonlyArray<{ source: string; target: string }>, rootId: string | null): Map<string, LayoutPoint> {
  const positions = new Map<string, LayoutPoint>();
  if (nodeIds.length === 0) return positions;
  const ids = new Set(nodeIds);
  const root = rootId !== null && ids.has(rootId) ? rootId : [...nodeIds].sort()[0]!;

  const adjacent = new Map<string, string[]>(nodeIds.map((id) => [id, []]));
  for (const { source, target } of edges) {
    if (!ids.has(source) || !ids.has(target) || source === target) continue;
    adjacent.get(source)!.push(target);
    adjacent.get(target)!.push(source);
  }
  for (const list of adjacent.values()) list.sort();

  // Breadth-first rings; a node's parent rank is the order of its first neighbour on the ring before.
  const rings: string[][] = [[root]];
  const ringOf = new Map<string, number>([[root, 0]]);
  const rankOf = new Map<string, number>([[root, 0]]);
  for (let k = 1; ; k += 1) {
    const parentRank = new Map<string, number>();
    for (const parent of rings[k - 1]!) {
      for (const next of adjacent.get(parent)!) {
        if (ringOf.has(next) || parentRank.has(next)) continue;
        parentRank.set(next, rankOf.get(parent)!);
      }
    }
    if (parentRank.size === 0) break;
    const ring = [...parentRank.keys()].sort((a, b) => (k === 1 ? 0 : parentRank.get(a)! - parentRank.get(b)!) || (a < b ? -1 : 1));
    ring.forEach((id, i) => {
      ringOf.set(id, k);
      rankOf.set(id, i);
    });
    rings.push(ring);
  }
  const unreached = nodeIds.filter((id) => !ringOf.has(id)).sort();
  if (unreached.length > 0) rings.push(unreached);

  let radius = 0;
  rings.forEach((ring, k) => {
    if (k === 0) {
      positions.set(root, { x: 0, y: 0 });
      return;
    }
    radius = Math.max(radius + RING_GAP, (ring.length * NODE_GAP) / (2 * Math.PI));
    // One node on a ring goes to its right (a path reads left to right); several start at the top.
    const start = ring.length === 1 ? 0 : -Math.PI / 2;
    ring.forEach((id, i) => {
      const angle = start + (2 * Math.PI * i) / ring.length;
      positions.set(id, { x: round(radius * Math.cos(angle)), y: round(radius * Math.sin(angle)) });
    });
  });
  return positions;
}
