/**
 * Words generated associations are made of, as associations in Päijät-Häme name and
 * describe themselves (from the Patent and Registration Office's register as one reads it:
 * a place in the genitive and what the association is, "Mukkulan Kyläyhdistys ry").
 * Topics are listed from the most common down; the generator draws them by Zipf's law,
 * so a few words ("urheiluseura", "kyläyhdistys") are everywhere and most are rare, as in
 * the register, and a search for a common word matches many associations.
 */

export interface Topic {
  /** What the association calls itself after the place name. */
  nouns: string[];
  /** Category slugs (demo categories). */
  categories: string[];
  /** Service area keys (demo service areas). */
  areas: string[];
  /** Activities it runs: name, who for. */
  activities: Array<{ name: string; groups: string[] }>;
  /** A sentence part for its description: "Järjestämme …". */
  does: string;
}

export const TOPICS: Topic[] = [
  {
    nouns: ['Urheiluseura', 'Urheilijat', 'Palloseura', 'Voimistelijat'],
    categories: ['sports'],
    areas: ['sports'],
    activities: [
      { name: 'Lasten yleisurheilukoulu', groups: ['CHILDREN'] },
      { name: 'Aikuisten kuntojuoksu', groups: ['ADULTS'] },
      { name: 'Salibandyvuoro', groups: ['YOUTH'] },
      { name: 'Jalkapallokoulu', groups: ['CHILDREN'] },
    ],
    does: 'yleisurheilua, pallopelejä ja kuntoliikuntaa kaikenikäisille',
  },
  {
    nouns: ['Kyläyhdistys', 'Kylätoimikunta', 'Kyläseura'],
    categories: ['residents-villages'],
    areas: ['urban'],
    activities: [
      { name: 'Kylätalon avoimet ovet', groups: ['EVERYONE'] },
      { name: 'Kyläjuhla', groups: ['FAMILIES'] },
    ],
    does: 'kylätalon toimintaa, talkoita ja kyläjuhlia',
  },
  {
    nouns: ['Eläkeläiset', 'Eläkkeensaajat', 'Seniorit'],
    categories: ['seniors'],
    areas: ['wellbeing'],
    activities: [
      { name: 'Senioritanssit', groups: ['SENIORS'] },
      { name: 'Kävelyryhmä', groups: ['SENIORS'] },
      { name: 'Kerhopäivä', groups: ['SENIORS'] },
    ],
    does: 'kerhoja, retkiä ja liikuntaa eläkeläisille',
  },
  {
    nouns: ['Partiolaiset', 'Partiolippukunta', 'Erätarpojat'],
    categories: ['children-youth'],
    areas: ['youth'],
    activities: [
      { name: 'Sudenpennut', groups: ['CHILDREN'] },
      { name: 'Partioleiri', groups: ['YOUTH'] },
    ],
    does: 'partiotoimintaa, retkiä ja leirejä lapsille ja nuorille',
  },
  {
    nouns: ['Asukasyhdistys', 'Omakotiyhdistys', 'Asukasseura'],
    categories: ['residents-villages', 'advocacy'],
    areas: ['urban'],
    activities: [
      { name: 'Asukasilta', groups: ['EVERYONE'] },
      { name: 'Siivoustalkoot', groups: ['EVERYONE'] },
    ],
    does: 'asukasiltoja, siivoustalkoita ja lähiympäristön kehittämistä',
  },
  {
    nouns: ['Kuoro', 'Mieskuoro', 'Naiskuoro', 'Laulajat'],
    categories: ['culture'],
    areas: ['culture'],
    activities: [
      { name: 'Kuoroharjoitukset', groups: ['ADULTS'] },
      { name: 'Joulukonsertti', groups: ['EVERYONE'] },
    ],
    does: 'kuorolaulua, konsertteja ja laulutapahtumia',
  },
  {
    nouns: ['Martat', 'Marttayhdistys'],
    categories: ['hobbies', 'social-health'],
    areas: ['wellbeing'],
    activities: [
      { name: 'Ruokakurssi', groups: ['ADULTS'] },
      { name: 'Puutarhaneuvonta', groups: ['EVERYONE'] },
    ],
    does: 'kotitalousneuvontaa, ruokakursseja ja puutarhailtoja',
  },
  {
    nouns: ['Teatteri', 'Harrastajateatteri', 'Näyttämö'],
    categories: ['culture'],
    areas: ['culture'],
    activities: [
      { name: 'Kesäteatteri', groups: ['EVERYONE'] },
      { name: 'Nuorten teatterikerho', groups: ['YOUTH'] },
    ],
    does: 'harrastajateatteria, kesäteatteria ja teatterikursseja',
  },
  {
    nouns: ['Metsästysseura', 'Riistanhoitoyhdistys'],
    categories: ['hobbies'],
    areas: ['urban'],
    activities: [{ name: 'Ampumarata-ilta', groups: ['ADULTS'] }],
    does: 'metsästystä, riistanhoitoa ja ampumaharjoituksia',
  },
  {
    nouns: ['Kalastusseura', 'Osakaskunta'],
    categories: ['hobbies'],
    areas: ['urban'],
    activities: [{ name: 'Pilkkikilpailu', groups: ['EVERYONE'] }],
    does: 'kalastusta, kalavesien hoitoa ja pilkkikilpailuja',
  },
  {
    nouns: ['Nuorisoseura', 'Nuorisoyhdistys'],
    categories: ['children-youth', 'culture'],
    areas: ['youth'],
    activities: [
      { name: 'Nuorisotalo-ilta', groups: ['YOUTH'] },
      { name: 'Kansantanssiryhmä', groups: ['YOUTH'] },
    ],
    does: 'nuorisoiltoja, kansantanssia ja harrastuskerhoja nuorille',
  },
  {
    nouns: ['Perheyhdistys', 'Vanhempainyhdistys', 'Perhekerho'],
    categories: ['children-youth', 'social-health'],
    areas: ['education'],
    activities: [
      { name: 'Perhekahvila', groups: ['FAMILIES'] },
      { name: 'Vauvakerho', groups: ['FAMILIES'] },
    ],
    does: 'perhekahviloita, vertaistukea ja tapahtumia lapsiperheille',
  },
  {
    nouns: ['Kotiseutuyhdistys', 'Kotiseutuseura'],
    categories: ['culture', 'residents-villages'],
    areas: ['culture'],
    activities: [{ name: 'Kotiseutumuseon opastus', groups: ['EVERYONE'] }],
    does: 'kotiseutumuseon ylläpitoa, historiailtoja ja perinnetapahtumia',
  },
  {
    nouns: ['Monikulttuurinen yhdistys', 'Maahanmuuttajayhdistys', 'Kulttuuriyhdistys'],
    categories: ['multicultural'],
    areas: ['wellbeing'],
    activities: [
      { name: 'Kielikahvila', groups: ['IMMIGRANTS'] },
      { name: 'Lauantaikoulu', groups: ['CHILDREN', 'IMMIGRANTS'] },
    ],
    does: 'kielikahviloita, neuvontaa ja kulttuuritapahtumia maahan muuttaneille',
  },
  {
    nouns: ['Invalidit', 'Vammaisyhdistys', 'Näkövammaiset', 'Kuulo'],
    categories: ['disability', 'social-health'],
    areas: ['wellbeing'],
    activities: [
      { name: 'Vertaisryhmä', groups: ['PEOPLE_WITH_DISABILITIES'] },
      { name: 'Soveltava liikunta', groups: ['PEOPLE_WITH_DISABILITIES'] },
    ],
    does: 'vertaistukea, edunvalvontaa ja soveltavaa liikuntaa vammaisille',
  },
  {
    nouns: ['Mielenterveysseura', 'Mielenterveysyhdistys'],
    categories: ['social-health'],
    areas: ['wellbeing'],
    activities: [{ name: 'Keskusteluryhmä', groups: ['ADULTS'] }],
    does: 'keskusteluryhmiä, vertaistukea ja mielenterveyden edistämistä',
  },
  {
    nouns: ['Shakkikerho', 'Shakkiseura'],
    categories: ['hobbies'],
    areas: ['culture'],
    activities: [{ name: 'Shakki-ilta', groups: ['EVERYONE'] }],
    does: 'shakki-iltoja, turnauksia ja shakkikoulua',
  },
  {
    nouns: ['Kamerakerho', 'Valokuvaajat'],
    categories: ['hobbies', 'culture'],
    areas: ['culture'],
    activities: [{ name: 'Valokuvanäyttely', groups: ['EVERYONE'] }],
    does: 'valokuvausretkiä, näyttelyitä ja kuvankäsittelykursseja',
  },
  {
    nouns: ['Luonnonsuojeluyhdistys', 'Ympäristöyhdistys'],
    categories: ['advocacy', 'hobbies'],
    areas: ['urban'],
    activities: [{ name: 'Luontoretki', groups: ['EVERYONE'] }],
    does: 'luontoretkiä, ympäristökasvatusta ja luonnonsuojelua',
  },
  {
    nouns: ['Sotaveteraanit', 'Reserviläiset', 'Veteraaniperinneyhdistys'],
    categories: ['seniors', 'advocacy'],
    areas: ['wellbeing'],
    activities: [{ name: 'Perinneilta', groups: ['SENIORS'] }],
    does: 'veteraaniperinteen vaalimista ja muistotilaisuuksia',
  },
  {
    nouns: ['Musiikkiyhdistys', 'Soittajat', 'Puhallinorkesteri'],
    categories: ['culture'],
    areas: ['culture'],
    activities: [{ name: 'Orkesteriharjoitukset', groups: ['ADULTS'] }],
    does: 'orkesterisoittoa, konsertteja ja musiikkikursseja',
  },
  {
    nouns: ['Tanssiseura', 'Tanssijat'],
    categories: ['sports', 'culture'],
    areas: ['sports'],
    activities: [{ name: 'Lavatanssikurssi', groups: ['ADULTS'] }],
    does: 'tanssikursseja, tanssiaisia ja esiintymisiä',
  },
  {
    nouns: ['Ratsastusseura', 'Hevosystäväinseura'],
    categories: ['sports', 'hobbies'],
    areas: ['sports'],
    activities: [{ name: 'Talliharrastus', groups: ['YOUTH'] }],
    does: 'ratsastusta, tallitoimintaa ja kilpailuja',
  },
  {
    nouns: ['Hiihtoseura', 'Latu'],
    categories: ['sports'],
    areas: ['sports'],
    activities: [{ name: 'Hiihtokoulu', groups: ['CHILDREN'] }],
    does: 'hiihtoa, latujen ylläpitoa ja hiihtokilpailuja',
  },
  {
    nouns: ['Taideyhdistys', 'Taiteilijaseura'],
    categories: ['culture'],
    areas: ['culture'],
    activities: [{ name: 'Maalauskurssi', groups: ['ADULTS'] }],
    does: 'taidenäyttelyitä, maalauskursseja ja taiteilijatapaamisia',
  },
];

/**
 * Places of Päijät-Häme by municipality (Statistics Finland code): nominative and genitive
 * ("Mukkula", "Mukkulan"); the municipality's own name first.
 */
export const PLACES: Record<string, Array<[string, string]>> = {
  '398': [
    ['Lahti', 'Lahden'],
    ['Lahden seutu', 'Lahden seudun'],
    ['Mukkula', 'Mukkulan'],
    ['Kiveriö', 'Kiveriön'],
    ['Ahtiala', 'Ahtialan'],
    ['Jalkaranta', 'Jalkarannan'],
    ['Laune', 'Launeen'],
    ['Kärpäsenmäki', 'Kärpäsenmäen'],
    ['Renkomäki', 'Renkomäen'],
    ['Villähde', 'Villähteen'],
    ['Nastola', 'Nastolan'],
    ['Okeroinen', 'Okeroisten'],
    ['Hennala', 'Hennalan'],
    ['Kivimaa', 'Kivimaan'],
    ['Paavola', 'Paavolan'],
    ['Liipola', 'Liipolan'],
    ['Päijät-Häme', 'Päijät-Hämeen'],
  ],
  '098': [
    ['Hollola', 'Hollolan'],
    ['Salpakangas', 'Salpakankaan'],
    ['Hälvälä', 'Hälvälän'],
  ],
  '111': [
    ['Heinola', 'Heinolan'],
    ['Vierumäki', 'Vierumäen'],
  ],
  '560': [
    ['Orimattila', 'Orimattilan'],
    ['Artjärvi', 'Artjärven'],
  ],
  '016': [
    ['Asikkala', 'Asikkalan'],
    ['Vääksy', 'Vääksyn'],
  ],
  '142': [
    ['Iitti', 'Iitin'],
    ['Kausala', 'Kausalan'],
  ],
  '316': [
    ['Kärkölä', 'Kärkölän'],
    ['Järvelä', 'Järvelän'],
  ],
  '781': [['Sysmä', 'Sysmän']],
  '576': [['Padasjoki', 'Padasjoen']],
  '081': [['Hartola', 'Hartolan']],
};

/**
 * Päijät-Häme's municipalities (Statistics Finland codes) weighted by population (2023,
 * thousands): Lahti holds more than half, so most associations are there.
 */
export const MUNICIPALITIES: Array<{ code: string; population: number }> = [
  { code: '398', population: 121 },
  { code: '098', population: 23.4 },
  { code: '111', population: 18.5 },
  { code: '560', population: 15.9 },
  { code: '016', population: 7.9 },
  { code: '142', population: 6.6 },
  { code: '316', population: 4.3 },
  { code: '781', population: 3.6 },
  { code: '576', population: 2.9 },
  { code: '081', population: 2.8 },
];

/** The most common Finnish first names (Digital and Population Data Services Agency). */
export const FIRST_NAMES = [
  'Juha',
  'Timo',
  'Matti',
  'Kari',
  'Mikko',
  'Jari',
  'Antti',
  'Jukka',
  'Mika',
  'Markku',
  'Pekka',
  'Heikki',
  'Anne',
  'Tuula',
  'Päivi',
  'Anna',
  'Ritva',
  'Leena',
  'Pirjo',
  'Sari',
  'Minna',
  'Marja',
  'Tiina',
  'Riitta',
  'Aino',
  'Eveliina',
  'Ahmed',
  'Olena',
];

/** The most common Finnish surnames. */
export const LAST_NAMES = [
  'Korhonen',
  'Virtanen',
  'Mäkinen',
  'Nieminen',
  'Mäkelä',
  'Hämäläinen',
  'Laine',
  'Heikkinen',
  'Koskinen',
  'Järvinen',
  'Lehtonen',
  'Lehtinen',
  'Saarinen',
  'Salminen',
  'Heinonen',
  'Niemi',
  'Heikkilä',
  'Kinnunen',
  'Salonen',
  'Turunen',
];

export const STREETS = [
  'Aleksanterinkatu',
  'Rautatienkatu',
  'Vesijärvenkatu',
  'Hämeenkatu',
  'Saimaankatu',
  'Kauppakatu',
  'Mukkulankatu',
  'Ahtialantie',
  'Kirkkokatu',
  'Asemantie',
  'Koulutie',
  'Kylätie',
];
