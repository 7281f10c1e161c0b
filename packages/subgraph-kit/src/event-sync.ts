import { ArgsType, type ClassType, Field, ID, Int, ObjectType } from 'type-graphql';
import { type EventPage, latestEvent, type OutboxEvent, readEventPage } from '@federess/events';
import { type EdgeData, PageInfo, pageSize } from './connection';
import { outboxClientError } from './outbox-errors';
import type { BaseSubgraphContext } from './subgraph-server';

/**
 * The delta sync of a subgraph's changes, a Relay connection over its outbox: `<Name>Connection`
 * (`edges`, `pageInfo`, `dernierEvenement`) with its `<Name>Edge`, whose cursor is the event id. The
 * fields are read from an EventSyncPage, each only when it is selected.
 */
export function EventConnection<TNode extends object>(Node: ClassType<TNode>, name: string, description: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field({ description: "L'identifiant de l'événement : le donner en `apres` pour reprendre après lui" })
    cursor: string;

    @Field(() => Node)
    node: TNode;
  }

  @ObjectType(`${name}Connection`, { description })
  class EventConnectionType {
    @Field(() => [Edge])
    edges: EdgeData<TNode>[];

    @Field(() => PageInfo, {
      description:
        "endCursor : où reprendre (le dernier événement examiné, même écarté par le filtre : le donner en `apres`) ; hasNextPage : d'autres événements peuvent suivre",
    })
    pageInfo: PageInfo;

    @Field(() => Node, {
      nullable: true,
      description:
        "Le dernier événement conservé, tous filtres confondus, au moment de la lecture : après un chargement complet, synchronisez à partir de son id (null si aucun n'est conservé)",
    })
    dernierEvenement: TNode | null;
  }
  return EventConnectionType;
}

/** Where a delta sync's page starts and how long it is; a subgraph's own args add its `filtre`. */
@ArgsType()
export class EventSyncArgs {
  @Field(() => ID, { nullable: true, description: "L'`id` du dernier événement reçu (ou `pageInfo.endCursor`)" })
  apres?: string | null;

  @Field(() => Int, { nullable: true, description: 'Nombre d’événements (défaut 20, au plus 200)' })
  first?: number | null;
}

export interface EventSyncOptions<TNode> {
  /** The entity whose events this sync gives (`Rencontre`, `Publication`): the one `dernierEvenement` reads. */
  readonly entite: string;
  /** The reader's cursor: the id of the last event it has. */
  readonly apres: string | null | undefined;
  readonly first: number | null | undefined;
  /** Which events this reader wants, the others being skipped (the cursor still moves past them). */
  readonly matches: (event: OutboxEvent) => boolean;
  /** An event as the graph shows it. */
  readonly toNode: (event: OutboxEvent) => TNode;
}

/**
 * What the connection's fields are read from. The page is read once, and only when `edges` or
 * `pageInfo` is selected: `dernierEvenement` alone costs one index probe.
 */
export class EventSyncPage<TNode> {
  private read: Promise<EventPage> | undefined;

  constructor(
    private readonly context: BaseSubgraphContext,
    private readonly options: EventSyncOptions<TNode>,
    private readonly limit: number,
  ) {}

  private page(): Promise<EventPage> {
    const { apres, matches } = this.options;
    return (this.read ??= readEventPage(this.context.dataSource, { apres, first: this.limit, matches }).catch((error: unknown) => {
      throw outboxClientError(error);
    }));
  }

  get edges(): Promise<EdgeData<TNode>[]> {
    return this.page().then((page) => page.events.map((event) => ({ cursor: event.id, node: this.options.toNode(event) })));
  }

  get pageInfo(): Promise<PageInfo> {
    return this.page().then((page) => ({
      hasNextPage: page.hasMore,
      hasPreviousPage: false,
      startCursor: page.events[0]?.id ?? null,
      endCursor: page.resumeAfter,
    }));
  }

  get dernierEvenement(): Promise<TNode | null> {
    return latestEvent(this.context.dataSource, this.options.entite, this.context.region).then((event) =>
      event ? this.options.toNode(event) : null,
    );
  }
}

/**
 * A delta sync's root field: the subgraph's change events after `apres`, in the order they were
 * committed, for a back-end that pulls instead of listening. `first` is checked at once, before any
 * SQL, whatever is selected; a cursor older than the retention is EVENTS_EXPIRED, a malformed or
 * unknown one BAD_USER_INPUT. The answer is the outbox itself, which the retention purge changes
 * without an event: the gateway never keeps it.
 */
export function eventSync<TNode>(context: BaseSubgraphContext, options: EventSyncOptions<TNode>): EventSyncPage<TNode> {
  const limit = pageSize(options.first);
  context.cacheHints?.uncacheable();
  return new EventSyncPage(context, options, limit);
}
