import type { JWTPayload } from 'jose';
import { findRegion } from '@federess/vocabulaire';
import { unauthenticated } from './errors';
import { COLLECTIVITE_ID, Role, ROLES } from './roles';

/** What a FédérESS token says about its holder, once verified. */
export interface Claims {
  /** Who: a stable user id of the issuer. */
  readonly sub: string;
  readonly role: Role;
  /** EDITEUR: the régions it edits (at least one, upper-case codes). Empty for other roles. */
  readonly regions: readonly string[];
  /** ADHERENT: the member collectivité it acts for (`COMMUNE:63113`, …). Null for other roles. */
  readonly collectivite: string | null;
  /** Expiry, seconds since the epoch. */
  readonly exp: number;
}

const refuse = (why: string) => unauthenticated(`Jeton invalide : ${why}`, { raison: 'CLAIMS' });

function regionsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  if (list.length === 0) throw refuse('un jeton EDITEUR doit nommer au moins une région (regions: ["ARA"]).');
  return [
    ...new Set(
      list.map((code) => {
        const region = typeof code === 'string' ? findRegion(code) : undefined;
        if (!region) throw refuse(`région inconnue dans le jeton : ${String(code)}.`);
        return region.code;
      }),
    ),
  ];
}

/**
 * Checks the FédérESS claims of a payload whose signature and dates are already verified: a role
 * among ADMIN, EDITEUR, ADHERENT, the régions of an editor, the collectivité of an adherent.
 */
export function readClaims(payload: JWTPayload): Claims {
  const { sub, exp } = payload;
  if (typeof sub !== 'string' || sub.trim() === '') throw refuse('la revendication « sub » manque.');
  if (typeof exp !== 'number') throw refuse('la revendication « exp » (expiration) manque.');
  const asked = typeof payload.role === 'string' ? payload.role.toUpperCase() : undefined;
  const role = ROLES.find((known) => known === asked);
  if (!role) {
    throw refuse(`rôle inconnu : ${String(payload.role)} (attendu ADMIN, EDITEUR ou ADHERENT).`);
  }
  if (role === Role.EDITEUR) return { sub, exp, role, regions: regionsOf(payload.regions), collectivite: null };
  if (role === Role.ADHERENT) {
    const collectivite = payload.collectivite;
    if (typeof collectivite !== 'string' || !COLLECTIVITE_ID.test(collectivite)) {
      throw refuse('un jeton ADHERENT doit nommer sa collectivité (collectivite: "COMMUNE:63113").');
    }
    return { sub, exp, role, regions: [], collectivite };
  }
  return { sub, exp, role: Role.ADMIN, regions: [], collectivite: null };
}
