/**
 * Brazilian nicknames and diminutives of first names ("Zé" → José, "Cida" → Aparecida, "Joãozinho" → João):
 * the formal first names a written nickname may stand for. A nickname is never taken as certain: the
 * conversation asks "Joãozinho é o João Silva?" and remembers the owner's answer as an alias on the contact.
 * Everything here works on folded names (lowercase, no accents; see `foldName`).
 */

/** Nickname → the first names it usually shortens (folded). */
const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  ze: ['jose'],
  zeca: ['jose'],
  juca: ['jose'],
  cida: ['aparecida'],
  bia: ['beatriz'],
  tiao: ['sebastiao'],
  chico: ['francisco'],
  chica: ['francisca'],
  nando: ['fernando'],
  nanda: ['fernanda'],
  gabi: ['gabriela', 'gabriel'],
  rafa: ['rafael', 'rafaela'],
  lu: ['luciana', 'lucia', 'luana', 'luiza', 'luisa', 'lucas', 'luiz', 'luis'],
  malu: ['maria luiza', 'maria luisa'],
  duda: ['eduarda', 'eduardo'],
  dudu: ['eduardo'],
  guto: ['augusto', 'gustavo'],
  gugu: ['gustavo', 'augusto'],
  leo: ['leonardo', 'leandro'],
  beto: ['roberto', 'alberto', 'humberto'],
  betinho: ['roberto', 'alberto', 'humberto'],
  bete: ['elisabete', 'elizabete', 'elisabeth', 'elizabeth'],
  tonho: ['antonio'],
  toninho: ['antonio'],
  toni: ['antonio'],
  tony: ['antonio'],
  mane: ['manoel', 'manuel'],
  manu: ['manuela', 'emanuel', 'emanuele'],
  dani: ['daniela', 'daniel', 'danielle'],
  fabi: ['fabiana', 'fabiola'],
  cris: ['cristina', 'cristiane', 'cristiano'],
  kiko: ['francisco'],
  paco: ['francisco'],
  tati: ['tatiana'],
  carol: ['carolina', 'caroline'],
  lele: ['leticia'],
  nina: ['marina', 'carolina'],
  teca: ['teresa', 'tereza'],
  tete: ['teresa', 'tereza'],
  juju: ['juliana', 'julia'],
  ju: ['juliana', 'julia', 'julio'],
  mari: ['mariana', 'marina'],
  vivi: ['viviane', 'vivian'],
  gui: ['guilherme'],
  serginho: ['sergio'],
  juninho: ['junior'],
  quinzinho: ['joaquim'],
  quim: ['joaquim'],
  neno: ['fernando'],
  xande: ['alexandre'],
  ale: ['alexandre', 'alessandra'],
  vini: ['vinicius'],
  lipe: ['felipe'],
  fefe: ['fernanda', 'fernando'],
  pepe: ['pedro'],
  ro: ['rosana', 'rosangela', 'rosa'],
  zezinho: ['jose'],
};

/**
 * First names a diminutive may come from: "joaozinho" → joao, "mariazinha" → maria, "pedrinho" → pedro,
 * "aninha" → ana, "carlinhos" → carlos, "jorginho" → jorge, "chiquinho" → chico.
 */
function undiminished(word: string): string[] {
  const zinho = /^(\w{2,})zinh[oa]s?$/.exec(word);
  if (zinho?.[1]) return [zinho[1]];
  const inho = /^(\w{2,})inh([oa])(s?)$/.exec(word);
  if (!inho?.[1] || !inho[2]) return [];
  const [, stem, vowel, plural] = inho;
  const bases = [`${stem}${vowel}${plural}`, `${stem}${vowel}`, `${stem}e`];
  if (stem.endsWith('qu')) bases.push(`${stem.slice(0, -2)}co`, `${stem.slice(0, -2)}ca`);
  if (stem.endsWith('gu')) bases.push(`${stem.slice(0, -1)}o`, `${stem.slice(0, -1)}a`);
  return bases;
}

/** The formal first names (folded) a written first name may be a nickname or diminutive of; empty if none. */
export function formalNamesOf(foldedWord: string): string[] {
  const names = new Set<string>(NICKNAMES[foldedWord] ?? []);
  for (const base of undiminished(foldedWord)) {
    names.add(base);
    for (const formal of NICKNAMES[base] ?? []) names.add(formal);
  }
  names.delete(foldedWord);
  return [...names];
}

/**
 * True when the written (folded) words name this contact by a nickname: the first written word is a nickname
 * or diminutive of the contact's first name (or of its first two names, "Malu" → Maria Luiza), and every
 * further written word starts one of the contact's other words ("Zé Silva" → José Silva).
 */
export function isNicknameOf(writtenWords: readonly string[], contactWords: readonly string[]): boolean {
  const [first, ...rest] = writtenWords;
  if (!first || contactWords.length === 0) return false;
  const formal = formalNamesOf(first);
  if (formal.length === 0) return false;
  const firstTwo = contactWords.slice(0, 2).join(' ');
  const matchesFirst = formal.some((name) => name === contactWords[0] || name === firstTwo);
  if (!matchesFirst) return false;
  const others = contactWords.slice(1);
  return rest.every((word) => others.some((candidate) => candidate.startsWith(word)));
}
