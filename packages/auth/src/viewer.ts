import type { Claims } from './claims';
import { Role } from './roles';

/**
 * Who is asking, as every resolver sees it. Each question takes the région of the data at hand;
 * `null` is the national network's own data (no région), which only admins write.
 */
export class Viewer {
  static readonly anonymous = new Viewer(null);

  private constructor(
    private readonly claims: Claims | null,
    /** Reads with the rights of `claims`, writes nothing: the holder of a feed token (see feed-token.ts). */
    readonly readOnly = false,
  ) {}

  static of(claims: Claims): Viewer {
    return new Viewer(claims);
  }

  /**
   * The viewer of a private calendar feed: the rights its owner had when the feed token was made,
   * for reading only (every write guard refuses it). It never expires: it is revoked instead.
   */
  static readOnlyOf(claims: Omit<Claims, 'exp'>): Viewer {
    return new Viewer({ ...claims, exp: Number.POSITIVE_INFINITY }, true);
  }

  get isAuthenticated(): boolean {
    return this.claims !== null;
  }

  get role(): Role | null {
    return this.claims?.role ?? null;
  }

  get subject(): string | null {
    return this.claims?.sub ?? null;
  }

  /** The régions an editor edits (empty for other roles). */
  get regions(): readonly string[] {
    return this.claims?.regions ?? [];
  }

  /** The collectivité an adherent acts for (null for other roles). */
  get collectivite(): string | null {
    return this.claims?.collectivite ?? null;
  }

  /** Expiry of the token, in ms since the epoch (null when anonymous, or for a feed token, which is revoked instead). */
  get expiresAt(): number | null {
    return this.claims && !this.readOnly ? this.claims.exp * 1000 : null;
  }

  get isAdmin(): boolean {
    return this.role === Role.ADMIN;
  }

  get isEditor(): boolean {
    return this.role === Role.EDITEUR;
  }

  get isAdherent(): boolean {
    return this.role === Role.ADHERENT;
  }

  /** An editor of this région (never of national data). */
  isEditorOf(region: string | null): boolean {
    return this.isEditor && region !== null && this.regions.includes(region);
  }

  /** An adherent acting for this collectivité. */
  actsFor(collectiviteId: string | null | undefined): boolean {
    return this.isAdherent && !!collectiviteId && collectiviteId === this.collectivite;
  }

  /** Creates and edits clubs, rencontres and publications of this région (national: admins only). */
  canWriteRegion(region: string | null): boolean {
    return this.isAdmin || this.isEditorOf(region);
  }

  /** Opens the file or link of a members-only publication of this région. */
  canReadMembersOnly(region: string | null): boolean {
    return this.isAdmin || this.isAdherent || this.isEditorOf(region);
  }

  /** Sees every registration (the participant directory) of a rencontre of this région. */
  canSeeAllParticipants(region: string | null): boolean {
    return this.canWriteRegion(region);
  }

  /**
   * What decides every answer this viewer gets: two viewers with the same scope see the same data,
   * so they can share work (one upstream subscription for both).
   */
  get scope(): string {
    if (!this.claims) return 'ANONYME';
    if (this.isEditor) return `EDITEUR:${[...this.regions].sort().join(',')}`;
    if (this.isAdherent) return `ADHERENT:${this.collectivite}`;
    return 'ADMIN';
  }
}
