import type { AnswerCacheInfo } from '@federess/server-kit';
import { EVERYTHING } from '@federess/events';
import type { RawAnswer } from '../subgraph-calls/http-transport';
import type { KeptResponse } from './kept-response';

/** What a kept value read: per subgraph, the tags its answers carried. */
export type Reads = ReadonlyMap<string, readonly string[]>;

interface Entry {
  readonly id: string;
  readonly value: RawAnswer | KeptResponse;
  readonly reads: Reads;
  readonly bytes: number;
  readonly expiresAt: number;
}

/** A fetch kept: its answer, and what it read (so a whole response made of it knows too). */
export interface KeptAnswer {
  readonly answer: RawAnswer;
  readonly info: AnswerCacheInfo;
}

/** Work begun: what it must not be stored across (per subgraph, the evictions after `seq`). */
export interface Ticket {
  readonly seqs: ReadonlyMap<string, number>;
}

interface SubgraphState {
  /** Counts evictions: work begun at `seq` is stored only if no later eviction named what it read. */
  seq: number;
  /** Evictions that work still running began before (pruned as it ends). */
  readonly log: { seq: number; tags: ReadonlySet<string> }[];
  /** How many running works began at each seq. */
  readonly running: Map<number, number>;
  readonly entries: Set<string>;
  listening: boolean;
  /** An event of the subgraph was announced and not yet read: what read the subgraph is not served meanwhile. */
  held: boolean;
  /** Counts holds: with `seq`, what identical calls in flight share within. */
  holds: number;
  /** The id of the last change event applied (its evictions done): kept answers show every change up to it. */
  applied: bigint;
}

export interface AnswerCacheStats {
  readonly entries: number;
  readonly bytes: number;
  /** Lookups of a fetch's answer that found one kept, and those that did not (a whole response's lookups aside). */
  readonly hits: number;
  readonly misses: number;
  readonly evictions: number;
  /** Whole responses among the entries, and the lookups of a whole response that found one kept, or not. */
  readonly responses: number;
  readonly responseHits: number;
  readonly responseMisses: number;
}

/** UTF-16 text, twice a character: the size an answer takes in memory, roughly. */
const sizeOf = (text: string) => text.length * 2;

/** The id of a fetch's answer, and of a whole response (whose key starts with its scope, never with a newline). */
const fetchId = (subgraph: string, key: string) => `${subgraph}\n${key}`;
const responseId = (key: string) => `\n${key}`;

/**
 * Subgraph answers, and whole responses made of them, kept exactly as fresh as the subgraphs' change
 * events say: a value is tagged, per subgraph, with what it read (entities, root fields), and every
 * event evicts what it names in the subgraph it comes from. Bounded by bytes, least recently used
 * first, answers and responses together.
 *
 * Never stale, on three counts:
 * - a value read before a change but arriving after its eviction is not stored: work takes a ticket
 *   when it begins, and is stored only if no eviction since then named any of its tags;
 * - a subgraph whose events the gateway cannot hear (its LISTEN connection lost) has everything that
 *   read it emptied, and is bypassed until they are heard again (`listening`);
 * - a value that changes with time alone expires then (`expiresAt`).
 */
export class AnswerCache {
  private readonly entries = new Map<string, Entry>();
  private readonly byTag = new Map<string, Set<string>>();
  private readonly subgraphs = new Map<string, SubgraphState>();
  private bytes = 0;
  private hits = 0;
  private responseHits = 0;
  private responseMisses = 0;
  private responses = 0;
  private misses = 0;
  private evictions = 0;
  private changeCount = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly now: () => number = Date.now,
  ) {}

  private state(subgraph: string): SubgraphState {
    let state = this.subgraphs.get(subgraph);
    if (!state) {
      state = { seq: 0, log: [], running: new Map(), entries: new Set(), listening: false, held: false, holds: 0, applied: 0n };
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

  /** Its events can no longer be heard: empty what read it, bypass it until `listening` again. */
  deaf(subgraph: string): void {
    this.state(subgraph).listening = false;
    this.evict(subgraph, [EVERYTHING]);
  }

  /**
   * An event of the subgraph was announced (its change is committed) but is not read yet: until
   * `release`, nothing that read the subgraph is served, and no call begun before is shared. The
   * stale window of a replica is thus the announcement's delivery, not that and the reading of the
   * event. What was kept stays: the event, once read, evicts what it names.
   */
  hold(subgraph: string): void {
    const state = this.state(subgraph);
    state.held = true;
    state.holds += 1;
    this.changeCount += 1;
  }

  /** The events announced so far are read and applied: the subgraph's kept answers may be served again. */
  release(subgraph: string): void {
    this.state(subgraph).held = false;
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

  /** Changes with every eviction and every hold in the subgraph: identical calls share one only within one value. */
  generation(subgraph: string): number {
    const state = this.state(subgraph);
    return state.seq + state.holds;
  }

  /** Changes with every eviction and every hold in any subgraph: identical operations share one execution only within one value. */
  get changes(): number {
    return this.changeCount;
  }

  /** The subgraphs it has heard of (those whose events it listens to, or tried to). */
  get subgraphNames(): string[] {
    return [...this.subgraphs.keys()];
  }

  /** A fetch's kept answer, with what it read. */
  get(subgraph: string, key: string): KeptAnswer | undefined {
    const entry = this.hit(fetchId(subgraph, key));
    if (entry) this.hits += 1;
    else this.misses += 1;
    if (!entry) return undefined;
    const tags = entry.reads.get(subgraph) ?? [];
    return {
      answer: entry.value as RawAnswer,
      info: Number.isFinite(entry.expiresAt) ? { tags, expiresAt: entry.expiresAt } : { tags },
    };
  }

  /** A whole response kept under `key`. */
  getResponse(key: string): KeptResponse | undefined {
    const entry = this.hit(responseId(key));
    if (entry) this.responseHits += 1;
    else this.responseMisses += 1;
    return entry?.value as KeptResponse | undefined;
  }

  private hit(id: string): Entry | undefined {
    const entry = this.entries.get(id);
    if (!entry || entry.expiresAt <= this.now() || !this.allListening(entry.reads)) {
      // Expired, it goes; held, it waits for the event, which evicts it if it names what it read.
      if (entry && entry.expiresAt <= this.now()) this.remove(id);
      return undefined;
    }
    // Least recently used first: a hit moves to the end of the map's order.
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry;
  }

  /** Whether every subgraph it read is heard and none has an announced event not yet applied. */
  private allListening(reads: Reads): boolean {
    for (const subgraph of reads.keys()) {
      const state = this.state(subgraph);
      if (!state.listening || state.held) return false;
    }
    return true;
  }

  /** Work that may store what it reads of these subgraphs begins: its ticket, to give back with `end`. */
  begin(subgraphs: readonly string[]): Ticket {
    const seqs = new Map<string, number>();
    for (const subgraph of subgraphs) {
      const state = this.state(subgraph);
      state.running.set(state.seq, (state.running.get(state.seq) ?? 0) + 1);
      seqs.set(subgraph, state.seq);
    }
    return { seqs };
  }

  /** Ends work begun with `begin`, stored or not; evictions no running work began before are forgotten. */
  end(ticket: Ticket): void {
    for (const [subgraph, seq] of ticket.seqs) {
      const state = this.state(subgraph);
      const left = (state.running.get(seq) ?? 1) - 1;
      if (left > 0) state.running.set(seq, left);
      else state.running.delete(seq);
      const oldest = state.running.size ? Math.min(...state.running.keys()) : Infinity;
      const kept = state.log.findIndex((entry) => entry.seq > oldest);
      state.log.splice(0, kept === -1 ? state.log.length : kept);
    }
  }

  /** Keeps a fetch's answer read under `ticket`, unless it may already be stale or must not be kept. */
  store(ticket: Ticket, subgraph: string, key: string, answer: RawAnswer, info: AnswerCacheInfo): boolean {
    if (info.uncacheable) return false;
    const id = fetchId(subgraph, key);
    const bytes = sizeOf(answer.text) + sizeOf(id);
    return this.keep(ticket, id, answer, new Map([[subgraph, info.tags]]), bytes, info.expiresAt ?? Infinity);
  }

  /** Keeps a whole response under `key`, tagged with what its fetches read, unless one of them may already be stale. */
  storeResponse(ticket: Ticket, key: string, response: KeptResponse, reads: Reads, expiresAt: number): boolean {
    const id = responseId(key);
    if (!this.keep(ticket, id, response, reads, response.bytes + sizeOf(id), expiresAt)) return false;
    this.responses += 1;
    return true;
  }

  private keep(ticket: Ticket, id: string, value: RawAnswer | KeptResponse, reads: Reads, size: number, expiresAt: number): boolean {
    if (expiresAt <= this.now()) return false;
    for (const [subgraph, tags] of reads) {
      const state = this.state(subgraph);
      const began = ticket.seqs.get(subgraph);
      // A subgraph the work did not begin with: what it read there cannot be checked, so it is not kept.
      if (!state.listening || began === undefined) return false;
      for (const eviction of state.log) {
        if (eviction.seq <= began) continue;
        if (eviction.tags.has(EVERYTHING) || tags.some((tag) => eviction.tags.has(tag))) return false;
      }
    }
    let bytes = size;
    for (const tags of reads.values()) for (const tag of tags) bytes += sizeOf(tag) + 64;
    if (bytes > this.maxBytes) return false;
    this.remove(id);
    this.entries.set(id, { id, value, reads, bytes, expiresAt });
    for (const [subgraph, tags] of reads) {
      this.state(subgraph).entries.add(id);
      for (const tag of tags) {
        const name = `${subgraph}\n${tag}`;
        let ids = this.byTag.get(name);
        if (!ids) this.byTag.set(name, (ids = new Set()));
        ids.add(id);
      }
    }
    this.bytes += bytes;
    while (this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.remove(oldest);
    }
    return true;
  }

  /** Evicts everything that read one of `tags` in the subgraph (`*`: anything of it); work running since is not stored. */
  evict(subgraph: string, tags: readonly string[]): void {
    const state = this.state(subgraph);
    state.seq += 1;
    this.changeCount += 1;
    if (state.running.size) state.log.push({ seq: state.seq, tags: new Set(tags) });
    const ids = tags.includes(EVERYTHING) ? [...state.entries] : tags.flatMap((tag) => [...(this.byTag.get(`${subgraph}\n${tag}`) ?? [])]);
    for (const id of ids) if (this.remove(id)) this.evictions += 1;
  }

  private remove(id: string): boolean {
    const entry = this.entries.get(id);
    if (!entry) return false;
    this.entries.delete(id);
    for (const [subgraph, tags] of entry.reads) {
      this.state(subgraph).entries.delete(id);
      for (const tag of tags) {
        const name = `${subgraph}\n${tag}`;
        const ids = this.byTag.get(name);
        ids?.delete(id);
        if (ids?.size === 0) this.byTag.delete(name);
      }
    }
    if (id.startsWith('\n')) this.responses -= 1;
    this.bytes -= entry.bytes;
    return true;
  }

  get stats(): AnswerCacheStats {
    return {
      entries: this.entries.size,
      bytes: this.bytes,
      hits: this.hits,
      misses: this.misses,
      evictions: this.evictions,
      responses: this.responses,
      responseHits: this.responseHits,
      responseMisses: this.responseMisses,
    };
  }
}
