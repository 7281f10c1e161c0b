import type { AnswerCacheInfo } from '@federess/server-kit';
import { EVERYTHING } from '@federess/events';
import type { RawAnswer } from '../subgraph-calls/http-transport';

interface Entry {
  readonly id: string;
  readonly subgraph: string;
  readonly answer: RawAnswer;
  readonly tags: readonly string[];
  readonly bytes: number;
  readonly expiresAt: number;
}

/** A call begun: what it must not be stored across (evictions after `seq`). */
export interface Ticket {
  readonly subgraph: string;
  readonly seq: number;
}

interface SubgraphState {
  /** Counts evictions: a call begun at `seq` is stored only if no later eviction named what it read. */
  seq: number;
  /** Evictions that calls still running began before (pruned as they end). */
  readonly log: { seq: number; tags: ReadonlySet<string> }[];
  /** How many running calls began at each seq. */
  readonly running: Map<number, number>;
  readonly entries: Set<string>;
  listening: boolean;
  /** The id of the last change event applied (its evictions done): kept answers show every change up to it. */
  applied: bigint;
}

export interface AnswerCacheStats {
  readonly entries: number;
  readonly bytes: number;
  readonly hits: number;
  readonly misses: number;
  readonly evictions: number;
}

/** UTF-16 text, twice a character: the size an answer takes in memory, roughly. */
const sizeOf = (text: string) => text.length * 2;

/**
 * Subgraph answers kept exactly as fresh as the subgraphs' change events say: an answer is tagged
 * with what it read (entities, root fields), and every event evicts what it names, in the subgraph it
 * comes from. Bounded by bytes, least recently used first.
 *
 * Never stale, on three counts:
 * - an answer read before a change but arriving after its eviction is not stored: each call takes a
 *   ticket when it begins, and is stored only if no eviction since then named any of its tags;
 * - a subgraph whose events the gateway cannot hear (its LISTEN connection lost) is emptied and
 *   bypassed until they are heard again (`listening`);
 * - an answer with a value that changes with time alone expires then (`expiresAt`).
 */
export class AnswerCache {
  private readonly entries = new Map<string, Entry>();
  private readonly byTag = new Map<string, Set<string>>();
  private readonly subgraphs = new Map<string, SubgraphState>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;
  private evictions = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly now: () => number = Date.now,
  ) {}

  private state(subgraph: string): SubgraphState {
    let state = this.subgraphs.get(subgraph);
    if (!state) {
      state = { seq: 0, log: [], running: new Map(), entries: new Set(), listening: false, applied: 0n };
      this.subgraphs.set(subgraph, state);
    }
    return state;
  }

  /** Whether the subgraph's events are heard: only then are its answers kept and served. */
  isListening(subgraph: string): boolean {
    return this.state(subgraph).listening;
  }

  /** Its events are heard (again): from now on its answers may be kept. */
  listening(subgraph: string): void {
    this.state(subgraph).listening = true;
  }

  /** Its events can no longer be heard: empty its part, bypass it until `listening` again. */
  deaf(subgraph: string): void {
    this.state(subgraph).listening = false;
    this.evict(subgraph, [EVERYTHING]);
  }

  /** The subgraph's change events up to `id` are applied (their evictions done); ids only grow. */
  applied(subgraph: string, id: string): void {
    const state = this.state(subgraph);
    if (BigInt(id) > state.applied) state.applied = BigInt(id);
  }

  /** Whether the subgraph's part is heard and shows every change up to event `id` (none asked: whether it is heard). */
  isFreshAfter(subgraph: string, id: string | undefined): boolean {
    const state = this.state(subgraph);
    return state.listening && (id === undefined || state.applied >= BigInt(id));
  }

  /** Changes with every eviction in the subgraph: identical calls share one only within one value. */
  generation(subgraph: string): number {
    return this.state(subgraph).seq;
  }

  get(subgraph: string, key: string): RawAnswer | undefined {
    const state = this.state(subgraph);
    const id = `${subgraph}\n${key}`;
    const entry = state.listening ? this.entries.get(id) : undefined;
    if (!entry || entry.expiresAt <= this.now()) {
      if (entry) this.remove(id);
      this.misses += 1;
      return undefined;
    }
    // Least recently used first: a hit moves to the end of the map's order.
    this.entries.delete(id);
    this.entries.set(id, entry);
    this.hits += 1;
    return entry.answer;
  }

  begin(subgraph: string): Ticket {
    const state = this.state(subgraph);
    state.running.set(state.seq, (state.running.get(state.seq) ?? 0) + 1);
    return { subgraph, seq: state.seq };
  }

  /** Ends a call begun with `begin`, stored or not; evictions no running call began before are forgotten. */
  end(ticket: Ticket): void {
    const state = this.state(ticket.subgraph);
    const left = (state.running.get(ticket.seq) ?? 1) - 1;
    if (left > 0) state.running.set(ticket.seq, left);
    else state.running.delete(ticket.seq);
    const oldest = state.running.size ? Math.min(...state.running.keys()) : Infinity;
    const kept = state.log.findIndex((entry) => entry.seq > oldest);
    state.log.splice(0, kept === -1 ? state.log.length : kept);
  }

  /** Keeps an answer read by the call of `ticket`, unless it may already be stale or must not be kept. */
  store(ticket: Ticket, key: string, answer: RawAnswer, info: AnswerCacheInfo): boolean {
    const state = this.state(ticket.subgraph);
    if (!state.listening || info.uncacheable) return false;
    const expiresAt = info.expiresAt ?? Infinity;
    if (expiresAt <= this.now()) return false;
    for (const eviction of state.log) {
      if (eviction.seq <= ticket.seq) continue;
      if (eviction.tags.has(EVERYTHING) || info.tags.some((tag) => eviction.tags.has(tag))) return false;
    }
    const id = `${ticket.subgraph}\n${key}`;
    const bytes = sizeOf(answer.text) + sizeOf(id) + info.tags.reduce((sum, tag) => sum + sizeOf(tag) + 64, 0);
    if (bytes > this.maxBytes) return false;
    this.remove(id);
    const entry: Entry = { id, subgraph: ticket.subgraph, answer, tags: info.tags, bytes, expiresAt };
    this.entries.set(id, entry);
    state.entries.add(id);
    for (const tag of info.tags) {
      const name = `${ticket.subgraph}\n${tag}`;
      let ids = this.byTag.get(name);
      if (!ids) this.byTag.set(name, (ids = new Set()));
      ids.add(id);
    }
    this.bytes += bytes;
    while (this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.remove(oldest);
    }
    return true;
  }

  /** Evicts every answer of the subgraph tagged with one of `tags` (`*`: all of them); calls running since are not stored. */
  evict(subgraph: string, tags: readonly string[]): void {
    const state = this.state(subgraph);
    state.seq += 1;
    if (state.running.size) state.log.push({ seq: state.seq, tags: new Set(tags) });
    const ids = tags.includes(EVERYTHING) ? [...state.entries] : tags.flatMap((tag) => [...(this.byTag.get(`${subgraph}\n${tag}`) ?? [])]);
    for (const id of ids) if (this.remove(id)) this.evictions += 1;
  }

  private remove(id: string): boolean {
    const entry = this.entries.get(id);
    if (!entry) return false;
    this.entries.delete(id);
    this.state(entry.subgraph).entries.delete(id);
    for (const tag of entry.tags) {
      const name = `${entry.subgraph}\n${tag}`;
      const ids = this.byTag.get(name);
      ids?.delete(id);
      if (ids?.size === 0) this.byTag.delete(name);
    }
    this.bytes -= entry.bytes;
    return true;
  }

  get stats(): AnswerCacheStats {
    return { entries: this.entries.size, bytes: this.bytes, hits: this.hits, misses: this.misses, evictions: this.evictions };
  }
}
