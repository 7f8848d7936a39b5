import type { LocalizedText } from '../subgraphs/core/types/localized-text.type';
import { demoId } from './ids';

/**
 * The directory's side of the demo: categories, what associations run, and who to contact.
 * Every category has associations; contacts are a mix of people who agreed to publish their
 * details and people who did not, so the visibility rules show in a fresh `npm start`.
 */
export const CATEGORIES: Array<{ slug: string; name: LocalizedText }> = [
  {
    slug: 'sports',
    name: { fi: 'Liikunta ja urheilu', sv: 'Idrott och motion', en: 'Sports and exercise' },
  },
  {
    slug: 'culture',
    name: { fi: 'Kulttuuri ja taide', sv: 'Kultur och konst', en: 'Culture and arts' },
  },
  {
    slug: 'social-health',
    name: { fi: 'Sosiaali- ja terveysala', sv: 'Social- och hälsovård', en: 'Social and health' },
  },
  {
    slug: 'children-youth',
    name: { fi: 'Lapset ja nuoret', sv: 'Barn och unga', en: 'Children and youth' },
  },
  { slug: 'seniors', name: { fi: 'Ikäihmiset', sv: 'Äldre', en: 'Older people' } },
  {
    slug: 'multicultural',
    name: { fi: 'Monikulttuurisuus', sv: 'Mångkultur', en: 'Multicultural' },
  },
  {
    slug: 'residents-villages',
    name: {
      fi: 'Asukas- ja kylätoiminta',
      sv: 'Invånar- och byverksamhet',
      en: 'Residents and villages',
    },
  },
  {
    slug: 'disability',
    name: { fi: 'Vammaisjärjestöt', sv: 'Funktionsnedsättning', en: 'Disability' },
  },
  { slug: 'hobbies', name: { fi: 'Harrastukset', sv: 'Hobbyer', en: 'Hobbies' } },
  {
    slug: 'advocacy',
    name: { fi: 'Vaikuttamistoimielimet', sv: 'Påverkansorgan', en: 'Advocacy councils' },
  },
];

export function categoryId(slug: string): string {
  return demoId('category', slug);
}

/** Categories of each demo association, by association key. */
export const ASSOCIATION_CATEGORIES: Record<string, string[]> = {
  'lahden-urheiluseura': ['sports', 'children-youth'],
  'salpausselan-hiihtajat': ['sports'],
  'lahden-kuorolaiset': ['culture'],
  'svenska-klubben': ['culture', 'multicultural'],
  'international-lahti': ['multicultural', 'social-health'],
  'lahden-mielenterveysseura': ['social-health'],
  'paijat-hameen-diabetes': ['social-health'],
  'kiveriön-asukkaat': ['residents-villages'],
  'lahden-partiolaiset': ['children-youth', 'hobbies'],
  'ukrainian-community': ['multicultural'],
  'lahden-teatteriyhdistys': ['culture', 'hobbies'],
  'ahtiala-kylayhdistys': ['residents-villages'],
  'lahden-shakki': ['hobbies'],
  'lahden-vanhusneuvosto': ['advocacy', 'seniors'],
  'lahden-nuorisovaltuusto': ['advocacy', 'children-youth'],
  'lahden-vammaisneuvosto': ['advocacy', 'disability'],
  kulttuurisaatio: ['culture'],
  'lahden-ladies-floorball': ['sports'],
  'hollolan-urheilijat': ['sports', 'children-youth'],
  'hollolan-kotiseutu': ['culture', 'residents-villages'],
  'salpakangas-vanhemmat': ['children-youth'],
  'hollolan-4h': ['children-youth', 'hobbies'],
  'heinolan-kuntoklubi': ['sports', 'seniors'],
  'heinolan-taideyhdistys': ['culture'],
  'heinola-seniors': ['seniors'],
  'vierumaki-kylayhdistys': ['residents-villages'],
  'orimattilan-ratsastajat': ['sports', 'hobbies'],
  'orimattilan-marttayhdistys': ['hobbies', 'seniors'],
  'orimattila-youth-band': ['children-youth', 'culture'],
  'artjärven-kylat': ['residents-villages', 'disability'],
};

export interface DemoActivity {
  association: string;
  key: string;
  name: LocalizedText;
  description: string;
  targetGroups: string[];
  languages: string[];
  isFree: boolean;
  location: string;
  schedule: string;
}

export const ACTIVITIES: DemoActivity[] = [
  {
    association: 'lahden-urheiluseura',
    key: 'lasten-yleisurheilukoulu',
    name: { fi: 'Lasten yleisurheilukoulu', en: "Children's athletics school" },
    description: 'Juoksua, hyppyjä ja heittoja leikin kautta 6–12-vuotiaille.',
    targetGroups: ['CHILDREN'],
    languages: ['fi'],
    isFree: false,
    location: 'Kisapuisto, Lahti',
    schedule: 'Tiistaisin ja torstaisin 17–18, touko–syyskuu',
  },
  {
    association: 'lahden-urheiluseura',
    key: 'aikuisten-kuntojuoksu',
    name: { fi: 'Aikuisten kuntojuoksuryhmä' },
    description: 'Ohjattu juoksuryhmä kaikentasoisille.',
    targetGroups: ['ADULTS'],
    languages: ['fi'],
    isFree: true,
    location: 'Radiomäki, Lahti',
    schedule: 'Sunnuntaisin klo 10',
  },
  {
    association: 'international-lahti',
    key: 'kielikahvila',
    name: { fi: 'Kielikahvila', sv: 'Språkcafé', en: 'Language café' },
    description: 'Harjoittele suomea rennosti kahvikupin äärellä.',
    targetGroups: ['IMMIGRANTS', 'EVERYONE'],
    languages: ['fi', 'en', 'ar', 'uk'],
    isFree: true,
    location: 'Lahden pääkirjasto',
    schedule: 'Keskiviikkoisin 16–18',
  },
  {
    association: 'international-lahti',
    key: 'neuvonta',
    name: { fi: 'Arjen asioiden neuvonta', en: 'Everyday advice' },
    description: 'Apua lomakkeisiin, Kelan asioihin ja asunnon hakuun.',
    targetGroups: ['IMMIGRANTS'],
    languages: ['fi', 'en', 'ar'],
    isFree: true,
    location: 'Kansainvälinen kohtaamispaikka, Vapaudenkatu 10',
    schedule: 'Maanantaisin 12–15',
  },
  {
    association: 'lahden-mielenterveysseura',
    key: 'vertaisryhma',
    name: { fi: 'Mielenterveyden vertaisryhmä' },
    description: 'Luottamuksellinen vertaisryhmä ohjaajan kanssa.',
    targetGroups: ['ADULTS'],
    languages: ['fi'],
    isFree: true,
    location: 'Järjestötalo, Lahti',
    schedule: 'Joka toinen torstai 18–19.30',
  },
  {
    association: 'paijat-hameen-diabetes',
    key: 'kavelyryhma',
    name: { fi: 'Diabeetikoiden kävelyryhmä' },
    description: 'Kävellään yhdessä ja jutellaan arjen vinkeistä.',
    targetGroups: ['ADULTS', 'SENIORS'],
    languages: ['fi'],
    isFree: true,
    location: 'Vesijärven satama',
    schedule: 'Maanantaisin 10–11',
  },
  {
    association: 'lahden-partiolaiset',
    key: 'sudenpennut',
    name: { fi: 'Sudenpentujen kokoukset' },
    description: 'Partiota 7–9-vuotiaille: retkiä, taitoja ja kavereita.',
    targetGroups: ['CHILDREN'],
    languages: ['fi'],
    isFree: false,
    location: 'Kolon kolo, Lahti',
    schedule: 'Maanantaisin 17.30–19',
  },
  {
    association: 'ukrainian-community',
    key: 'lauantaikoulu',
    name: {
      fi: 'Ukrainankielinen lauantaikoulu',
      en: 'Ukrainian Saturday school',
      sv: 'Ukrainsk lördagsskola',
    },
    description: 'Äidinkielen ja kulttuurin opetusta lapsille.',
    targetGroups: ['CHILDREN', 'IMMIGRANTS'],
    languages: ['uk', 'fi'],
    isFree: true,
    location: 'Kivimaan koulu',
    schedule: 'Lauantaisin 10–13',
  },
  {
    association: 'lahden-shakki',
    key: 'shakki-ilta',
    name: { fi: 'Avoin shakki-ilta' },
    description: 'Tule pelaamaan, laudat ja kellot löytyvät.',
    targetGroups: ['EVERYONE'],
    languages: ['fi', 'en'],
    isFree: true,
    location: 'Kirjaston pelihuone',
    schedule: 'Torstaisin 17–20',
  },
  {
    association: 'hollolan-4h',
    key: 'kerhot',
    name: { fi: '4H-kerhot' },
    description: 'Kokkaus-, luonto- ja kädentaitokerhoja kouluikäisille.',
    targetGroups: ['CHILDREN', 'YOUTH'],
    languages: ['fi'],
    isFree: false,
    location: 'Hollolan koulut',
    schedule: 'Viikoittain lukuvuoden aikana',
  },
  {
    association: 'heinola-seniors',
    key: 'senioritanssit',
    name: { fi: 'Senioritanssit', en: 'Tea dance for seniors' },
    description: 'Lavatansseja iltapäivällä elävän musiikin tahdissa.',
    targetGroups: ['SENIORS'],
    languages: ['fi'],
    isFree: false,
    location: 'Heinolan kaupungintalo',
    schedule: 'Kuun ensimmäinen perjantai 13–16',
  },
  {
    association: 'artjärven-kylat',
    key: 'kylatalo',
    name: { fi: 'Esteetön kylätalon kahvila' },
    description: 'Kohtaamispaikka kaikille kyläläisille, myös pyörätuolilla.',
    targetGroups: ['EVERYONE', 'PEOPLE_WITH_DISABILITIES'],
    languages: ['fi'],
    isFree: true,
    location: 'Artjärven kylätalo',
    schedule: 'Lauantaisin 11–14',
  },
];

export interface DemoContact {
  association: string;
  key: string;
  name: string;
  role: string;
  title?: string;
  email: string;
  phone: string;
  isPublic: boolean;
}

/** Invented people; example.fi addresses; phone numbers from the range kept for fiction. */
export const CONTACTS: DemoContact[] = [
  {
    association: 'lahden-urheiluseura',
    key: 'pj',
    name: 'Kari Mäkinen',
    role: 'CHAIR',
    email: 'kari.makinen@example.fi',
    phone: '+358 40 010 0001',
    isPublic: true,
  },
  {
    association: 'lahden-urheiluseura',
    key: 'sihteeri',
    name: 'Laura Nieminen',
    role: 'SECRETARY',
    email: 'laura.nieminen@example.fi',
    phone: '+358 40 010 0002',
    isPublic: false,
  },
  {
    association: 'international-lahti',
    key: 'pj',
    name: 'Amina Hassan',
    role: 'CHAIR',
    email: 'amina.hassan@example.fi',
    phone: '+358 40 010 0003',
    isPublic: true,
  },
  {
    association: 'international-lahti',
    key: 'neuvoja',
    name: 'Oleksandr Bondarenko',
    role: 'CONTACT',
    title: 'Neuvontavastaava',
    email: 'oleksandr@example.fi',
    phone: '+358 40 010 0004',
    isPublic: true,
  },
  {
    association: 'lahden-mielenterveysseura',
    key: 'pj',
    name: 'Pirjo Salminen',
    role: 'CHAIR',
    email: 'pirjo.salminen@example.fi',
    phone: '+358 40 010 0005',
    isPublic: false,
  },
  {
    association: 'lahden-partiolaiset',
    key: 'lippukunnanjohtaja',
    name: 'Eero Laine',
    role: 'OTHER',
    title: 'Lippukunnanjohtaja',
    email: 'eero.laine@example.fi',
    phone: '+358 40 010 0006',
    isPublic: true,
  },
  {
    association: 'ukrainian-community',
    key: 'pj',
    name: 'Iryna Kovalenko',
    role: 'CHAIR',
    email: 'iryna.kovalenko@example.fi',
    phone: '+358 40 010 0007',
    isPublic: true,
  },
  {
    association: 'lahden-vanhusneuvosto',
    key: 'sihteeri',
    name: 'Marja Koskinen',
    role: 'SECRETARY',
    email: 'marja.koskinen@example.fi',
    phone: '+358 40 010 0008',
    isPublic: true,
  },
  {
    association: 'hollolan-urheilijat',
    key: 'rahastonhoitaja',
    name: 'Jari Heikkilä',
    role: 'TREASURER',
    email: 'jari.heikkila@example.fi',
    phone: '+358 40 010 0009',
    isPublic: false,
  },
  {
    association: 'heinolan-kuntoklubi',
    key: 'pj',
    name: 'Tuula Rantanen',
    role: 'CHAIR',
    email: 'tuula.rantanen@example.fi',
    phone: '+358 40 010 0010',
    isPublic: true,
  },
  {
    association: 'orimattilan-marttayhdistys',
    key: 'pj',
    name: 'Helena Lindholm',
    role: 'CHAIR',
    email: 'helena.lindholm@example.fi',
    phone: '+358 40 010 0011',
    isPublic: false,
  },
  {
    association: 'artjärven-kylat',
    key: 'yhteys',
    name: 'Ville Hakala',
    role: 'CONTACT',
    title: 'Kylätalon emäntä',
    email: 'ville.hakala@example.fi',
    phone: '+358 40 010 0012',
    isPublic: true,
  },
];
