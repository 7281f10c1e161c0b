/**
 * Generated bad input for the gateway: malformed documents, wrong variables, huge strings, invalid
 * dates, unknown régions and ids. Deterministic (a seeded generator), so a failure can be replayed.
 */
export interface BadCase {
  readonly kind: string;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  /** Admin mutations: the input is refused for what it is, not for who sends it. */
  readonly asAdmin?: boolean;
  /** A lookup of an unknown id may answer null without an error; anything else must be an error. */
  readonly mayBeNull?: boolean;
}

function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const VALID = [
  '{ rencontres(filtre: { depuis: "2024-01-01T00:00:00Z" }, first: 5) { totalCount edges { node { id titre region { nom } club { nom } ressources { titre } } } } }',
  '{ collectivites(recherche: "saint etienne", first: 3) { edges { node { id nom region { nom } clubs { nom } } } } }',
  '{ region(code: "BRE") { nom club { nom rencontres(first: 2) { totalCount } } publications(first: 2) { totalCount } } }',
  'mutation { marquerAdherente(collectiviteId: "COMMUNE:42218", adherente: true) { adherente } }',
  'query Agenda($n: Int, $d: DateTimeISO) { rencontres(first: $n, filtre: { depuis: $d }) { edges { node { titre debut } } } }',
];
const PUNCTUATION = '{}()[]:!$@#.,=|&"\'\\ \n\t…é0123456789abcxyz';
const WORDS = ['nomm', 'titr', 'adherant', 'regionz', 'password', 'constructor', '__proto__', 'toString', 'sql', 'drop'];

/** The e-mails the bad-input suite registers people with: none may ever appear in a server log. */
export const SUITE_EMAILS = ['jeanne.nul@example.org', 'paul.nul@example.org', 'lea.nul@example.org'] as const;

/**
 * The suite. `rencontreOuverte`, an upcoming rencontre open to registration, makes the registrations
 * below reach as far as a valid one would (without it they name no rencontre).
 */
export function badCases(rencontreOuverte = '00000000-0000-4000-8000-000000000000'): BadCase[] {
  const random = generator(20_251_123);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const cases: BadCase[] = [];

  // Truncated operations: every prefix that is not the whole document fails to parse.
  for (const query of VALID) {
    for (let i = 0; i < 24; i++) cases.push({ kind: 'tronquée', query: query.slice(0, 1 + Math.floor(random() * (query.length - 2))) });
  }
  // Random punctuation.
  for (let i = 0; i < 60; i++) {
    const length = 1 + Math.floor(random() * 80);
    cases.push({ kind: 'ponctuation', query: Array.from({ length }, () => pick([...PUNCTUATION])).join('') });
  }
  // Unknown fields and arguments, at the root and nested.
  for (const word of WORDS) {
    cases.push({ kind: 'champ inconnu', query: `{ ${word} }` });
    cases.push({ kind: 'champ inconnu', query: `{ regions { ${word} } }` });
    cases.push({ kind: 'champ inconnu', query: `{ rencontres(first: 2) { edges { node { ${word} { id } } } } }` });
    cases.push({ kind: 'argument inconnu', query: `{ regions(${word}: 1) { code } }` });
  }
  // Deep nesting: deeper than the limit in fields, and in braces that never parse.
  for (let depth = 8; depth <= 40; depth += 4) {
    cases.push({
      kind: 'imbrication',
      query: `{ region(code: "BRE") { ${'club { region { '.repeat(depth)} nom ${'} } '.repeat(depth)} } }`,
    });
    cases.push({ kind: 'imbrication', query: `${'{ '.repeat(depth * 10)}regions${' }'.repeat(depth * 10)}` });
  }
  // Variables of the wrong type.
  const wrong: Record<string, unknown>[] = [
    { n: 'vingt' },
    { n: 1.5 },
    { n: [1] },
    { n: { a: 1 } },
    { n: 2 ** 40 },
    { d: 42 },
    { d: true },
    { d: ['2024-01-01'] },
  ];
  for (const variables of wrong) cases.push({ kind: 'variable mal typée', query: VALID[4]!, variables });
  cases.push({ kind: 'variable mal typée', query: 'query($c: String!) { region(code: $c) { nom } }', variables: {} });
  cases.push({ kind: 'variable mal typée', query: 'query($c: String!) { region(code: $c) { nom } }', variables: { c: null } });
  cases.push({ kind: 'variable mal typée', query: 'query($c: Int) { region(code: $c) { nom } }', variables: { c: 1 } });
  // Huge strings (within the body limit).
  for (const size of [1_000, 50_000, 500_000]) {
    cases.push({
      kind: 'chaîne énorme',
      query: 'query($q: String) { collectivites(recherche: $q) { totalCount } }',
      variables: { q: 'é'.repeat(size) },
    });
    cases.push({ kind: 'chaîne énorme', query: `{ region(code: "${'A'.repeat(size)}") { nom } }` });
    cases.push({
      kind: 'chaîne énorme',
      asAdmin: true,
      query: 'mutation($t: String!) { annulerRencontre(id: "00000000-0000-4000-8000-000000000000", motif: $t) { id } }',
      variables: { t: 'x'.repeat(size) },
    });
  }
  // Invalid dates.
  for (const d of ['2024-13-45T00:00:00Z', 'hier', '', '2024-02-30', '99999-01-01T00:00:00Z', '2024-01-01T25:61:00Z', '1e20']) {
    cases.push({
      kind: 'date invalide',
      query: 'query($d: DateTimeISO) { rencontres(filtre: { depuis: $d }) { totalCount } }',
      variables: { d },
    });
    cases.push({ kind: 'date invalide', query: `{ rencontres(filtre: { depuis: "${d}" }) { totalCount } }` });
  }
  // Unknown régions and ids, malformed ids.
  for (const code of ['XYZ', 'bre ', '00', "'; DROP TABLE club; --", 'ARA\u0000']) {
    cases.push({ kind: 'région inconnue', query: 'query($c: String!) { region(code: $c) { nom } }', variables: { c: code } });
    cases.push({
      kind: 'région inconnue',
      query: 'query($c: String) { rencontres(filtre: { regions: [$c] }) { totalCount } }',
      variables: { c: code },
    });
  }
  for (const id of [
    'COMMUNE:00000',
    'COMMUNE:',
    'pas-un-id',
    '00000000-0000-4000-8000-000000000000',
    '../../etc/passwd',
    'x'.repeat(5000),
  ]) {
    cases.push({
      kind: 'id inconnu',
      mayBeNull: true,
      query: 'query($id: ID!) { collectivite(id: $id) { nom } club(id: $id) { nom } }',
      variables: { id },
    });
    cases.push({
      kind: 'id inconnu',
      mayBeNull: true,
      query: 'query($id: ID!) { rencontre(id: $id) { titre } publication(id: $id) { titre } }',
      variables: { id },
    });
    cases.push({
      kind: 'id inconnu',
      asAdmin: true,
      query: 'mutation($id: ID!) { marquerAdherente(collectiviteId: $id, adherente: true) { adherente } }',
      variables: { id },
    });
    cases.push({
      kind: 'id inconnu',
      asAdmin: true,
      query: 'mutation($id: ID!) { annulerRencontre(id: $id, motif: "test") { id } }',
      variables: { id },
    });
  }
  // Strings Postgres cannot store (a NUL character, a lone surrogate), in every kind of argument: refused at the boundary.
  const rechercher = [
    'query($q: String) { rencontres(filtre: { recherche: $q }) { totalCount } }',
    'query($q: String) { publications(filtre: { recherche: $q }) { totalCount } }',
    'query($q: String) { collectivites(recherche: $q) { totalCount } }',
  ];
  for (const query of rechercher) {
    cases.push({ kind: 'caractère nul', query, variables: { q: 'saint\u0000etienne' } });
    cases.push({ kind: 'caractère nul', query, variables: { q: 'saint\ud800' } });
  }
  cases.push({ kind: 'caractère nul', query: '{ collectivite(id: "COMMUNE:\\u000063113") { nom } }' });
  cases.push({
    kind: 'caractère nul',
    query: 'query($id: ID!) { collectivite(id: $id) { nom } }',
    variables: { id: 'COMMUNE:\u000063113' },
  });
  const inscrire = 'mutation($id: ID!, $input: InscriptionInput!) { inscrire(rencontreId: $id, input: $input) { id } }';
  for (const [index, email] of SUITE_EMAILS.entries()) {
    const personne = { prenom: 'Jeanne', nom: 'Nul', email, qualite: 'AGENT', collectiviteId: 'COMMUNE:42218' };
    const abime = [{ nom: 'Nul\u0000' }, { prenom: '\u0000' }, { fonction: 'Adjointe\u0000' }][index];
    cases.push({
      kind: 'caractère nul',
      asAdmin: true,
      query: inscrire,
      variables: { id: rencontreOuverte, input: { ...personne, ...abime } },
    });
  }
  cases.push({
    kind: 'caractère nul',
    asAdmin: true,
    query: 'mutation($input: CreerClubInput!) { creerClub(input: $input) { id } }',
    variables: { input: { region: 'IDF', nom: 'Club\u0000 francilien' } },
  });
  cases.push({
    kind: 'caractère nul',
    asAdmin: true,
    query: 'mutation($input: CreerPublicationInput!) { creerPublication(input: $input) { id } }',
    variables: { input: { titre: 'Titre\u0000', type: 'ETUDE', datePublication: '2026-01-01', editeur: 'RTES' } },
  });

  // Writes with bad input: nothing may be written.
  const creer = 'mutation($input: CreerRencontreInput!) { creerRencontre(input: $input) { id } }';
  const base = {
    clubId: '00000000-0000-4000-8000-000000000000',
    titre: 'Test',
    thematiques: ['SCIC'],
    format: 'DISTANCIEL',
    debut: '2027-03-04T09:30:00+01:00',
    fin: '2027-03-04T11:30:00+01:00',
  };
  for (const change of [
    {},
    { titre: '' },
    { titre: 'x'.repeat(10_000) },
    { debut: 'demain' },
    { fin: '2020-01-01T00:00:00Z' },
    { thematiques: ['INCONNUE'] },
    { format: 'PIGEON' },
    { capacite: -5 },
    { lienEnLigne: 'javascript:alert(1)' },
    { titre: 'Titre\u0000' },
  ]) {
    cases.push({ kind: 'écriture invalide', asAdmin: true, query: creer, variables: { input: { ...base, ...change } } });
  }
  return cases;
}
