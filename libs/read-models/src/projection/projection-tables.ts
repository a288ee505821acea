import {
  AliasNode,
  DeleteQueryNode,
  DummyDriver,
  Kysely,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  TableNode,
  type UnknownRow,
} from 'kysely';
import type { ReadModelSchema } from '../database/read-model.schema';
import type { Projection } from './projection';

/** Notes the tables that DELETE statements empty, and lets nothing reach a database. */
class DeletedTables implements KyselyPlugin {
  readonly tables = new Set<string>();

  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (DeleteQueryNode.is(node)) for (const from of node.from.froms) this.note(from);
    return node;
  }

  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }

  private note(from: OperationNode): void {
    const table = AliasNode.is(from) ? from.node : from;
    if (TableNode.is(table)) this.tables.add(table.table.identifier.name);
  }
}

/**
 * The tables a projection owns are the ones its `reset` empties: the contract already says reset removes every row
 * the projection wrote. Running `reset` against a database-less Kysely names them without touching any data, so a
 * projection never keeps a second list that could drift from its code.
 */
export async function tablesOwnedBy(projection: Projection): Promise<string[]> {
  const recorder = new DeletedTables();
  const dry = new Kysely<ReadModelSchema>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
    plugins: [recorder],
  });
  try {
    await dry.transaction().execute((trx) => projection.reset(trx));
  } finally {
    await dry.destroy();
  }
  return [...recorder.tables];
}
