import { Field, ID, InterfaceType } from "type-graphql";
import { typeNameOf } from "../../data/planned.js";

@InterfaceType("Node", {
  description: "Anything with a stable, typed id (`person:yerzhan-ashykbayev`, `org:unicef`, `country:KZ`); fetch any of them with `node(id:)`.",
  resolveType: (value: Record<string, unknown>) => typeNameOf(value),
})
export abstract class Node {
  @Field(() => ID, { description: "Stable, readable id: a type prefix, a colon and a slug (or an ISO code for countries)." })
  id!: string;
}
