import { describe, expect, it } from "vitest";
import { NODE_GAP, RING_GAP, ringLayout } from "../../src/modules/graph/graph.layout.js";

const edge = (source: string, target: string) => ({ source, target });
const radius = (p: { x: number; y: number }) => Math.round(Math.hypot(p.x, p.y));

describe("ring layout of graph views", () => {
  it("puts the root in the middle and its neighbours on a ring, clockwise from the top by id", () => {
    const at = ringLayout(["r", "b", "a", "c", "d"], [edge("r", "a"), edge("b", "r"), edge("r", "c"), edge("d", "r")], "r");
    expect(at.get("r")).toEqual({ x: 0, y: 0 });
    expect(at.get("a")).toEqual({ x: 0, y: -RING_GAP });
    expect(at.get("b")).toEqual({ x: RING_GAP, y: 0 });
    expect(at.get("c")).toEqual({ x: 0, y: RING_GAP });
    expect(at.get("d")).toEqual({ x: -RING_GAP, y: 0 });
  });

  it("is the same for the same view whatever the order of nodes and edges", () => {
    const nodes = ["r", "a", "b", "c", "a1", "a2", "c1"];
    const edges = [edge("r", "a"), edge("r", "b"), edge("c", "r"), edge("a", "a1"), edge("a2", "a"), edge("c", "c1"), edge("a", "b")];
    const one = ringLayout(nodes, edges, "r");
    const two = ringLayout([...nodes].reverse(), [...edges].reverse(), "r");
    expect(Object.fromEntries(two)).toEqual(Object.fromEntries(one));
  });

  it("places the second ring by parent, and outside the first", () => {
    const at = ringLayout(["r", "a", "b", "z1", "a1"], [edge("r", "a"), edge("r", "b"), edge("b", "z1"), edge("a", "a1")], "r");
    expect(radius(at.get("a1")!)).toBe(2 * RING_GAP);
    // a1's parent (a) comes first on ring 1, so a1 comes before z1 on ring 2 despite its id.
    expect(at.get("a1")).toEqual({ x: 0, y: -2 * RING_GAP });
    expect(at.get("z1")).toEqual({ x: 0, y: 2 * RING_GAP });
  });

  it("widens a crowded ring so neighbours on it keep their distance", () => {
    const leaves = Array.from({ length: 40 }, (_, i) => `n${String(i).padStart(2, "0")}`);
    const at = ringLayout(["r", ...leaves], leaves.map((l) => edge("r", l)), "r");
    const r = (40 * NODE_GAP) / (2 * Math.PI);
    for (const id of leaves) expect(radius(at.get(id)!)).toBe(Math.round(r));
    const [p, q] = [at.get("n00")!, at.get("n01")!];
    expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeGreaterThan(NODE_GAP * 0.99);
  });

  it("draws a path as a straight line from its first node", () => {
    const at = ringLayout(["a", "b", "c"], [edge("b", "a"), edge("b", "c")], "a");
    expect([...at.values()]).toEqual([
      { x: 0, y: 0 },
      { x: RING_GAP, y: 0 },
      { x: 2 * RING_GAP, y: 0 },
    ]);
  });

  it("puts nodes the edges do not reach on an outer ring, and copes with an unknown root", () => {
    const at = ringLayout(["r", "a", "lost"], [edge("r", "a")], "r");
    expect(radius(at.get("lost")!)).toBe(2 * RING_GAP);
    expect(ringLayout(["b", "a"], [], "missing").get("a")).toEqual({ x: 0, y: 0 });
    expect(ringLayout([], [], "r").size).toBe(0);
  });
});
