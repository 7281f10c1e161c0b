import { type EntityManager, In } from 'typeorm';
import { badInput, notFound } from '@federess/server-kit';
import { assertWritableRegion, readableInScope } from '@federess/subgraph-kit';
import { Club } from '../entities/club';
import { ClubCollectivite } from '../entities/club-collectivite';
import { ClubOrganisation } from '../entities/club-organisation';
import { ContactClub } from '../entities/contact-club';
import { Organisation } from '../entities/organisation';
import { RoleOrganisation } from '../entities/enums';
import type { ClubChanges } from '../inputs/validate-modifier-club';
import { changedMembers, recordClubChange, ClubChangeKind } from './record-change';

/**
 * Writes checked changes to one club, inside the caller's transaction: any fault thrown here rolls
 * the whole change back, so a club is never left half-modified.
 */
export async function writeClubChanges(
  manager: EntityManager,
  clubId: string,
  changes: ClubChanges,
  scope: string | undefined,
): Promise<Club> {
  const club = await manager.getRepository(Club).findOne({ where: { id: clubId }, lock: { mode: 'pessimistic_write' } });
  if (!club) throw notFound('Club', clubId);
  assertWritableRegion(scope, club.regionCode);
  await checkOrganisations(manager, changes.organisationIds, scope);

  await manager
    .createQueryBuilder()
    .update(Club)
    .set({ ...changes.columns, misAJourLe: () => 'now()' })
    .where('id = :id', { id: clubId })
    .execute();

  const membresAvant = changes.collectiviteIds ? (await manager.findBy(ClubCollectivite, { clubId })).map((m) => m.collectiviteId) : [];
  await writeClubLists(manager, clubId, changes);
  await recordClubChange(manager, ClubChangeKind.MODIFIE, club, changedMembers(membresAvant, changes.collectiviteIds));
  return manager.getRepository(Club).findOneByOrFail({ id: clubId });
}

/**
 * Writes the lists given in `changes` (contacts, animateurs and partenaires, member collectivités),
 * each replacing the stored one; shared by modifierClub and creerClub, inside their transaction.
 */
export async function writeClubLists(manager: EntityManager, clubId: string, changes: ClubChanges): Promise<void> {
  if (changes.animateurIds || changes.partenaireIds) await replaceOrganisations(manager, clubId, changes);
  if (changes.contacts) {
    await manager.delete(ContactClub, { clubId });
    if (changes.contacts.length) {
      await manager.insert(
        ContactClub,
        changes.contacts.map((c, position) => ({ ...c, clubId, position })),
      );
    }
  }
  if (changes.collectiviteIds) {
    await manager.delete(ClubCollectivite, { clubId });
    if (changes.collectiviteIds.length) {
      await manager.insert(
        ClubCollectivite,
        changes.collectiviteIds.map((collectiviteId) => ({ clubId, collectiviteId })),
      );
    }
  }
}

/** Organisations referred to must exist and be readable from this instance (national or of its région). */
export async function checkOrganisations(manager: EntityManager, ids: readonly string[], scope: string | undefined): Promise<void> {
  if (!ids.length) return;
  const found = await manager.getRepository(Organisation).findBy({ id: In([...ids]) });
  const visible = new Set(found.filter((o) => readableInScope(scope, o.regionCode)).map((o) => o.id));
  const missing = ids.find((id) => !visible.has(id));
  if (missing) throw notFound('Organisation', missing);
}

/** Replaces animateurs and/or partenaires; a list not given keeps its stored value. */
async function replaceOrganisations(manager: EntityManager, clubId: string, changes: ClubChanges): Promise<void> {
  const stored = await manager.getRepository(ClubOrganisation).find({ where: { clubId }, order: { position: 'ASC' } });
  const storedIds = (role: RoleOrganisation) => stored.filter((r) => r.role === role).map((r) => r.organisationId);
  const animateurs = changes.animateurIds ?? storedIds(RoleOrganisation.ANIMATEUR);
  const partenaires = changes.partenaireIds ?? storedIds(RoleOrganisation.PARTENAIRE);
  const both = animateurs.find((id) => partenaires.includes(id));
  if (both)
    throw badInput(`L'organisation ${both} ne peut pas être à la fois animatrice et partenaire du club.`, { champ: 'partenaireIds' });
  await manager.delete(ClubOrganisation, { clubId });
  const rows = [
    ...animateurs.map((organisationId) => ({ organisationId, role: RoleOrganisation.ANIMATEUR })),
    ...partenaires.map((organisationId) => ({ organisationId, role: RoleOrganisation.PARTENAIRE })),
  ].map((row, position) => ({ ...row, clubId, position }));
  if (rows.length) await manager.insert(ClubOrganisation, rows);
}
