import DataLoader from "dataloader";
import { getNamedType, isObjectType, type FieldNode, type GraphQLNamedType, type GraphQLResolveInfo } from "graphql";
import { parseResolveInfo, simplifyParsedResolveInfoFragmentWithType, type ResolveTree } from "graphql-parse-resolve-info";
import type { Config } from "../config/config.js";
import type { RequestDb } from "../db/request-db.js";
import { asEntity, batchLoader } from "../modules/common/batch.js";
import type { Entity } from "../modules/common/entity.js";
import type { NodeProjection } from "../modules/common/projection.js";
import { NODES_BY_ID } from "../modules/common/node.repository.js";
import { LABEL_OF, entityTypeOf } from "../modules/common/entity-type.js";
import { relationQuery, relationValue, type NodeRender } from "../modules/common/relation.js";
import type { Loaders } from "./loaders.js";
import { RELATIONS } from "./relations.js";

/**
 * Relations read together with their parents: down to this many levels below the nodes a query
 * reads (speakers → affiliations → programs is one query). Deeper fields load as usual.
 */
export const PREFETCH_DEPTH = 2;

/** What a client selected at one place of the query: the fields (all aliases) and their type. */
interface Selection {
  trees: ResolveTree[];
  type: GraphQLNamedType;
}

/** A query rendered for a selection; `prefetching` when it reads any relation beyond the nodes. */
export interface Rendered {
  cypher: string;
  params: Record<string, unknown>;
  prefetching: boolean;
}

/** The selected fields of a selection, grouped by field name (aliases of one field together). */
function fieldsByName(selection: Selection): Map<string, ResolveTree[]> {
  const byName = new Map<string, ResolveTree[]>();
  for (const tree of selection.trees) {
    const { fields } = simplifyParsedResolveInfoFragmentWithType(tree, selection.type) as { fields: Record<string, ResolveTree> };
    for (const field of Object.values(fields)) byName.set(field.name, [...(byName.get(field.name) ?? []), field]);
  }
  return byName;
}

/** The selection under `path` (field names), or null when the client selected nothing there. */
function follow(selection: Selection | null, path: readonly string[]): Selection | null {
  let at = selection;
  for (const name of path) {
    if (!at || !isObjectType(at.type)) return null;
    const field = at.type.getFields()[name];
    const trees = fieldsByName(at).get(name);
    if (!field || !trees) return null;
    at = { trees, type: getNamedType(field.type) };
  }
  return at;
}

/**
 * Look-ahead for one request. A resolver that reads nodes (a page of speakers, a person's
 * affiliations, …) renders each node with the relations the client selected under it, from the
 * fixed registry (relations.ts), in the same Cypher query: per node, one `COLLECT { … }` subquery
 * per relation, the same Cypher the relation's own loader runs per key. The answer then primes the
 * relation loaders, so the nested field resolvers find their values cached and send no query.
 *
 * Lifetime: per request, like the loaders it primes.
 */
export class Prefetcher {
  /** Keys each loader was primed with by a prefetch (DataLoader cannot be asked). */
  private readonly primed = new Map<DataLoader<string, unknown, string>, Set<string>>();
  /** Loaders of rendered queries, by their text: parents of one list still batch together. */
  private readonly variants = new Map<string, DataLoader<unknown, unknown, string>>();
  /** Rendered queries by field (graphql-js reuses one fieldNodes array for every item of a list). */
  private readonly rendered = new WeakMap<readonly FieldNode[], Map<object, Rendered>>();

  constructor(
    private readonly db: RequestDb,
    private readonly config: Config,
    private readonly loaders: Loaders,
    private readonly projection: NodeProjection,
  ) {}

  /**
   * Renders `build` (a query over nodes) for the selection of the field being resolved, at `path`
   * below it (`["edges", "node"]` for a connection): each node with its selected relations.
   */
  render(info: GraphQLResolveInfo, path: readonly string[], build: (node: NodeRender) => string, cacheKey: object = build): Rendered {
    let byBuild = this.rendered.get(info.fieldNodes);
    if (!byBuild) this.rendered.set(info.fieldNodes, (byBuild = new Map()));
    const cached = byBuild.get(cacheKey);
    if (cached) return cached;
    const tree = parseResolveInfo(info) as ResolveTree | null | undefined;
    const root = tree ? follow({ trees: [tree], type: getNamedType(info.returnType) }, path) : null;
    const params: Record<string, unknown> = {};
    let prefetching = false;
    const render = (variable: string, selection: Selection | null, depth: number): string => {
      if (!selection || depth >= PREFETCH_DEPTH || !isObjectType(selection.type)) return this.projection.node(variable);
      const type = selection.type;
      const parts: string[] = [];
      for (const [name, trees] of fieldsByName(selection)) {
        const registered = RELATIONS.get(`${type.name}.${name}`);
        if (!registered || trees.some((t) => Object.keys(t.args).length > 0)) continue;
        const child: Selection = { trees, type: getNamedType(type.getFields()[name]!.type) };
        const node: NodeRender = (v, at = []) => render(v, follow(child, at), depth + 1);
        parts.push(`${name}: ${relationValue(registered.relation, variable, node, depth + 1)}`);
        Object.assign(params, registered.relation.params?.(this.config));
      }
      if (parts.length === 0) return this.projection.node(variable);
      prefetching = true;
      return `{labels: labels(${variable}), props: ${this.projection.props(variable)}, prefetch: {${parts.join(", ")}}}`;
    };
    const cypher = build((v, at = []) => render(v, follow(root, at), 0));
    const result = { cypher, params, prefetching };
    byBuild.set(cacheKey, result);
    return result;
  }

  /**
   * Primes the relation loaders with every prefetched value in a query's answer (a node value, a
   * list of them, or rows holding them), at every depth.
   */
  prime(raw: unknown): void {
    if (Array.isArray(raw)) {
      for (const item of raw) this.prime(item);
      return;
    }
    if (raw === null || typeof raw !== "object" || Object.getPrototypeOf(raw) !== Object.prototype) return;
    const value = raw as Record<string, unknown>;
    if (Array.isArray(value.labels) && value.props && value.prefetch) {
      const type = entityTypeOf(value.labels as string[]);
      const id = String((value.props as { id: unknown }).id);
      for (const [field, related] of Object.entries(value.prefetch as Record<string, unknown>)) {
        const registered = type && RELATIONS.get(`${LABEL_OF[type]}.${field}`);
        if (!registered) continue;
        this.primeOne(registered.loader(this.loaders), id, registered.relation.map(related));
        this.prime(related);
      }
      return;
    }
    for (const item of Object.values(value)) this.prime(item);
  }

  private primeOne(loader: DataLoader<string, unknown, string>, id: string, value: unknown): void {
    loader.prime(id, value);
    let keys = this.primed.get(loader);
    if (!keys) this.primed.set(loader, (keys = new Set()));
    keys.add(id);
  }

  /** A loader running a rendered batch query, priming what it prefetched; one per query text. */
  variant<K, V>(rendered: Rendered, map: (value: unknown) => V, missing: V, params: Record<string, unknown> = {}): DataLoader<K, V, string> {
    let loader = this.variants.get(rendered.cypher);
    if (!loader) {
      const priming = (raw: unknown) => {
        this.prime(raw);
        return map(raw);
      };
      loader = batchLoader<K, V>(this.db, rendered.cypher, priming, missing, { ...params, ...rendered.params }) as DataLoader<unknown, unknown, string>;
      this.variants.set(rendered.cypher, loader);
    }
    return loader as DataLoader<K, V, string>;
  }

  /** An entity by id (`person(id:)`, …) with the relations selected under it. */
  async node(id: string, info: GraphQLResolveInfo): Promise<Entity | null> {
    const rendered = this.render(info, [], NODES_BY_ID);
    if (!rendered.prefetching) return this.loaders.node.load(id);
    const value = await this.variant<string, Entity | null>(rendered, asEntity, null).load(id);
    this.loaders.node.prime(id, value);
    return value;
  }

  /**
   * A relation field's value for one parent: from the cache when a query above prefetched it,
   * else through its loader; when the client selected relations under it, through a loader whose
   * query reads them too.
   */
  async load<V>(loader: DataLoader<string, V, string>, id: string, info: GraphQLResolveInfo): Promise<V> {
    const base = loader as unknown as DataLoader<string, unknown, string>;
    const registered = RELATIONS.get(`${info.parentType.name}.${info.fieldName}`);
    if (!registered || this.primed.get(base)?.has(id)) return loader.load(id);
    const { relation } = registered;
    const rendered = this.render(info, [], (node) => relationQuery(relation, node), relation);
    if (!rendered.prefetching) return loader.load(id);
    const value = (await this.variant<string, unknown>(rendered, relation.map, relation.missing, relation.params?.(this.config)).load(id)) as V;
    this.primeOne(base, id, value);
    return value;
  }
}
