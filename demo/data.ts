import { businessIdCheckDigit } from '../subgraphs/associations/association/business-id';
import { demoId } from './ids';

/**
 * A believable Päijät-Häme for demos and end-to-end tests. Names are invented, shaped like
 * real ones; municipality codes are Statistics Finland's; business IDs have valid check
 * digits (in a number range chosen for the demo, not real companies').
 */
export const MUNICIPALITIES = {
  LAHTI: '398',
  HOLLOLA: '098',
  HEINOLA: '111',
  ORIMATTILA: '560',
} as const;

export interface DemoServiceArea {
  key: string;
  fi: string;
  sv: string;
  en: string;
}

export const SERVICE_AREAS: DemoServiceArea[] = [
  { key: 'education', fi: 'Kasvatus ja opetus', sv: 'Fostran och utbildning', en: 'Education' },
  { key: 'culture', fi: 'Kulttuuri', sv: 'Kultur', en: 'Culture' },
  { key: 'sports', fi: 'Liikunta', sv: 'Idrott', en: 'Sports' },
  {
    key: 'wellbeing',
    fi: 'Hyvinvointi ja terveyden edistäminen',
    sv: 'Välfärd och hälsofrämjande',
    en: 'Wellbeing and health promotion',
  },
  { key: 'youth', fi: 'Nuorisopalvelut', sv: 'Ungdomstjänster', en: 'Youth services' },
  { key: 'urban', fi: 'Kaupunkiympäristö', sv: 'Stadsmiljö', en: 'Urban environment' },
];

export const LIAISONS = [
  {
    key: 'coordinator',
    area: 'wellbeing',
    name: 'Sanna Virtanen',
    title: 'Järjestökoordinaattori',
    coordinator: true,
    fi: 'Koordinoi kaupungin ja yhdistysten yhteistyötä kaikilla palvelualueilla.',
  },
  {
    key: 'education',
    area: 'education',
    name: 'Mikko Lehtonen',
    title: 'Suunnittelija',
    coordinator: false,
    fi: 'Koulujen ja päiväkotien yhteistyö yhdistysten kanssa.',
  },
  {
    key: 'culture',
    area: 'culture',
    name: 'Aino Korhonen',
    title: 'Kulttuurituottaja',
    coordinator: false,
    fi: 'Kulttuuriavustukset ja yhteistapahtumat.',
  },
  {
    key: 'sports',
    area: 'sports',
    name: 'Janne Mäkinen',
    title: 'Liikuntasuunnittelija',
    coordinator: false,
    fi: 'Liikuntatilojen vuorojako ja seurayhteistyö.',
  },
  {
    key: 'youth',
    area: 'youth',
    name: 'Laura Nieminen',
    title: 'Nuoriso-ohjaaja',
    coordinator: false,
    fi: 'Nuorisotilat ja nuorten harrastustoiminta.',
  },
  {
    key: 'urban',
    area: 'urban',
    name: 'Petri Heikkinen',
    title: 'Osallisuussuunnittelija',
    coordinator: false,
    fi: 'Kyläyhdistykset ja lähiympäristön kehittäminen.',
  },
];

export interface DemoAssociation {
  key: string;
  fi: string;
  sv?: string;
  en?: string;
  description: string;
  kind: 'REGISTERED_ASSOCIATION' | 'INFORMAL_GROUP' | 'FOUNDATION' | 'STATUTORY_COUNCIL' | 'OTHER';
  municipality: string;
  areas: string[];
  languages: string[];
  founded: number;
  members: number | null;
  registered: boolean;
}

const A = (
  key: string,
  fi: string,
  municipality: string,
  areas: string[],
  founded: number,
  members: number | null,
  description: string,
  extra: Partial<DemoAssociation> = {},
): DemoAssociation => ({
  key,
  fi,
  municipality,
  areas,
  founded,
  members,
  description,
  kind: 'REGISTERED_ASSOCIATION',
  languages: ['fi'],
  registered: true,
  ...extra,
});

const { LAHTI, HOLLOLA, HEINOLA, ORIMATTILA } = MUNICIPALITIES;

export const ASSOCIATIONS: DemoAssociation[] = [
  A(
    'lahden-urheiluseura',
    'Lahden Urheiluseura ry',
    LAHTI,
    ['sports'],
    1921,
    850,
    'Yleisurheilua, hiihtoa ja lasten liikuntakerhoja kaikenikäisille.',
    { en: 'Lahti Sports Club' },
  ),
  A(
    'salpausselan-hiihtajat',
    'Salpausselän Hiihtäjät ry',
    LAHTI,
    ['sports'],
    1948,
    320,
    'Hiihtokoulu, latuvalvonta ja kuntohiihtotapahtumat Salpausselällä.',
  ),
  A(
    'lahden-kuorolaiset',
    'Lahden Kuorolaiset ry',
    LAHTI,
    ['culture'],
    1963,
    120,
    'Sekakuoro ja lapsikuoro; konsertteja Sibeliustalolla ja kirkoissa.',
  ),
  A(
    'svenska-klubben',
    'Lahden Ruotsalainen Klubi ry',
    LAHTI,
    ['culture', 'education'],
    1908,
    140,
    'Ruotsinkielistä kulttuuri- ja kerhotoimintaa Lahdessa.',
    { sv: 'Svenska klubben i Lahtis rf', languages: ['sv', 'fi'] },
  ),
  A(
    'international-lahti',
    'Kansainvälinen Lahti ry',
    LAHTI,
    ['wellbeing', 'culture'],
    2009,
    260,
    'Kotoutumista tukevaa vertaistoimintaa, kielikahvilat ja neuvonta.',
    { en: 'International Lahti Association', languages: ['fi', 'en', 'ar', 'uk'] },
  ),
  A(
    'lahden-mielenterveysseura',
    'Lahden Mielenterveysseura ry',
    LAHTI,
    ['wellbeing'],
    1972,
    410,
    'Vertaisryhmät ja kriisikeskuksen tukipalvelut.',
  ),
  A(
    'paijat-hameen-diabetes',
    'Päijät-Hämeen Diabetesyhdistys ry',
    LAHTI,
    ['wellbeing'],
    1981,
    900,
    'Vertaistukea, liikuntaryhmiä ja luentoja diabeetikoille.',
  ),
  A(
    'kiveriön-asukkaat',
    'Kiveriön Asukasyhdistys ry',
    LAHTI,
    ['urban'],
    1995,
    75,
    'Asukastoimintaa, siivoustalkoita ja pihajuhlat Kiveriössä.',
  ),
  A(
    'lahden-partiolaiset',
    'Lahden Eräveikot ry',
    LAHTI,
    ['youth', 'education'],
    1930,
    380,
    'Partiotoimintaa 7–22-vuotiaille ja retkiä Päijänteelle.',
    { en: 'Lahti Scouts' },
  ),
  A(
    'ukrainian-community',
    'Lahden Ukrainalaiset ry',
    LAHTI,
    ['wellbeing'],
    2022,
    150,
    'Ukrainasta tulleiden perheiden vertaistuki ja lasten kerhot.',
    { en: 'Ukrainian Community of Lahti', languages: ['uk', 'fi', 'en'] },
  ),
  A(
    'lahden-teatteriyhdistys',
    'Lahden Harrastajateatteri ry',
    LAHTI,
    ['culture', 'youth'],
    1987,
    90,
    'Harrastajateatteria ja nuorten teatterikoulu.',
  ),
  A(
    'ahtiala-kylayhdistys',
    'Ahtialan Kyläyhdistys ry',
    LAHTI,
    ['urban'],
    1999,
    110,
    'Kylätalon ylläpito ja kyläjuhlat Ahtialassa.',
  ),
  A(
    'lahden-shakki',
    'Lahden Shakkikerho',
    LAHTI,
    ['youth'],
    2015,
    30,
    'Avoin shakkikerho kirjastolla torstaisin.',
    { kind: 'INFORMAL_GROUP', registered: false },
  ),
  A(
    'lahden-vanhusneuvosto',
    'Lahden vanhusneuvosto',
    LAHTI,
    ['wellbeing'],
    1998,
    null,
    'Ikäihmisten vaikuttamistoimielin.',
    { kind: 'STATUTORY_COUNCIL', registered: false, sv: 'Lahtis äldreråd' },
  ),
  A(
    'lahden-nuorisovaltuusto',
    'Lahden nuorisovaltuusto',
    LAHTI,
    ['youth'],
    2001,
    null,
    'Nuorten vaikuttamistoimielin.',
    { kind: 'STATUTORY_COUNCIL', registered: false },
  ),
  A(
    'lahden-vammaisneuvosto',
    'Lahden vammaisneuvosto',
    LAHTI,
    ['wellbeing'],
    1990,
    null,
    'Vammaisten henkilöiden vaikuttamistoimielin.',
    { kind: 'STATUTORY_COUNCIL', registered: false },
  ),
  A(
    'kulttuurisaatio',
    'Päijät-Hämeen Kulttuurisäätiö sr',
    LAHTI,
    ['culture'],
    1976,
    null,
    'Apurahoja alueen taiteilijoille ja kulttuurihankkeille.',
    { kind: 'FOUNDATION' },
  ),
  A(
    'lahden-ladies-floorball',
    'Lahden Salibandyseura ry',
    LAHTI,
    ['sports', 'youth'],
    2004,
    540,
    'Salibandya tytöille ja pojille, harrastesarjat aikuisille.',
  ),
  A(
    'hollolan-urheilijat',
    'Hollolan Urheilijat ry',
    HOLLOLA,
    ['sports'],
    1946,
    610,
    'Jalkapalloa, yleisurheilua ja hiihtoa Hollolassa.',
  ),
  A(
    'hollolan-kotiseutu',
    'Hollolan Kotiseutuyhdistys ry',
    HOLLOLA,
    ['culture'],
    1952,
    230,
    'Kotiseutumuseo ja perinnetapahtumat.',
  ),
  A(
    'salpakangas-vanhemmat',
    'Salpakankaan Vanhempainyhdistys ry',
    HOLLOLA,
    ['education'],
    2006,
    60,
    'Koulun ja kodin yhteistyö, retket ja myyjäiset.',
  ),
  A(
    'hollolan-4h',
    'Hollolan 4H-yhdistys ry',
    HOLLOLA,
    ['youth'],
    1955,
    300,
    'Nuorten työllistäminen ja kerhotoiminta.',
  ),
  A(
    'heinolan-kuntoklubi',
    'Heinolan Kuntoklubi ry',
    HEINOLA,
    ['sports', 'wellbeing'],
    1978,
    270,
    'Ikäihmisten kuntosaliryhmät ja vesijumpat.',
  ),
  A(
    'heinolan-taideyhdistys',
    'Heinolan Taideyhdistys ry',
    HEINOLA,
    ['culture'],
    1961,
    85,
    'Näyttelyitä ja kursseja Heinolan taidemuseolla.',
  ),
  A(
    'heinola-seniors',
    'Heinolan Eläkkeensaajat ry',
    HEINOLA,
    ['wellbeing'],
    1966,
    340,
    'Kerhot, retket ja vertaistoiminta eläkeläisille.',
  ),
  A(
    'vierumaki-kylayhdistys',
    'Vierumäen Kyläyhdistys ry',
    HEINOLA,
    ['urban', 'sports'],
    2003,
    95,
    'Kylän virkistysalueet ja tapahtumat.',
  ),
  A(
    'orimattilan-ratsastajat',
    'Orimattilan Ratsastajat ry',
    ORIMATTILA,
    ['sports'],
    1985,
    150,
    'Ratsastuskoulu ja kilpailut.',
  ),
  A(
    'orimattilan-marttayhdistys',
    'Orimattilan Martat ry',
    ORIMATTILA,
    ['wellbeing', 'education'],
    1908,
    210,
    'Ruoka-, koti- ja puutarhaneuvontaa kaikille.',
  ),
  A(
    'orimattila-youth-band',
    'Orimattilan Nuorisobändit',
    ORIMATTILA,
    ['youth', 'culture'],
    2018,
    25,
    'Bänditreenit nuorisotalolla.',
    { kind: 'INFORMAL_GROUP', registered: false },
  ),
  A(
    'artjärven-kylat',
    'Artjärven Kyläyhdistys ry',
    ORIMATTILA,
    ['urban'],
    1992,
    130,
    'Kylien yhteistyö ja kesätapahtumat Artjärvellä.',
  ),
];

export function associationId(key: string): string {
  return demoId('association', key);
}
export function serviceAreaId(key: string): string {
  return demoId('service-area', key);
}

/** Business IDs from a private demo range, each with a valid check digit. */
export function demoBusinessId(index: number): string {
  for (let n = 3_100_000 + index * 17; ; n++) {
    const digits = String(n).padStart(7, '0');
    const check = businessIdCheckDigit(digits);
    if (check !== null) return `${digits}-${check}`;
  }
}

export interface DemoFacility {
  key: string;
  fi: string;
  sv?: string;
  street: string;
  postalCode: string;
  city: string;
  municipality: string;
  area: string;
  spaces: Array<{
    key: string;
    fi: string;
    en?: string;
    type: string;
    capacity: number;
    accessible: boolean;
  }>;
}

export const FACILITIES: DemoFacility[] = [
  {
    key: 'kirkkokatu-monitoimitalo',
    fi: 'Monitoimitalo Kirkkokatu',
    street: 'Kirkkokatu 31',
    postalCode: '15140',
    city: 'Lahti',
    municipality: LAHTI,
    area: 'wellbeing',
    spaces: [
      {
        key: 'sali',
        fi: 'Juhlasali',
        en: 'Main hall',
        type: 'HALL',
        capacity: 120,
        accessible: true,
      },
      {
        key: 'kokoushuone',
        fi: 'Kokoushuone Sointu',
        type: 'MEETING_ROOM',
        capacity: 16,
        accessible: true,
      },
      { key: 'keittio', fi: 'Opetuskeittiö', type: 'KITCHEN', capacity: 14, accessible: false },
    ],
  },
  {
    key: 'paakirjasto',
    fi: 'Lahden pääkirjasto',
    sv: 'Lahtis huvudbibliotek',
    street: 'Kirkkokatu 31',
    postalCode: '15110',
    city: 'Lahti',
    municipality: LAHTI,
    area: 'culture',
    spaces: [
      { key: 'auditorio', fi: 'Auditorio', type: 'HALL', capacity: 80, accessible: true },
      {
        key: 'ryhmatila',
        fi: 'Ryhmätila Lukupesä',
        type: 'MEETING_ROOM',
        capacity: 10,
        accessible: true,
      },
    ],
  },
  {
    key: 'nuorisotalo-kolmio',
    fi: 'Nuorisotalo Kolmio',
    street: 'Rautatienkatu 8',
    postalCode: '15110',
    city: 'Lahti',
    municipality: LAHTI,
    area: 'youth',
    spaces: [
      { key: 'bandikämppä', fi: 'Bändikämppä', type: 'WORKSHOP', capacity: 8, accessible: false },
      { key: 'kerhohuone', fi: 'Kerhohuone', type: 'CLUB_ROOM', capacity: 25, accessible: true },
    ],
  },
  {
    key: 'kisapuisto',
    fi: 'Kisapuiston liikuntahalli',
    street: 'Kisapuistonkatu 1',
    postalCode: '15110',
    city: 'Lahti',
    municipality: LAHTI,
    area: 'sports',
    spaces: [
      { key: 'halli', fi: 'Palloiluhalli', type: 'GYM', capacity: 200, accessible: true },
      { key: 'kentta', fi: 'Tekonurmikenttä', type: 'FIELD', capacity: 60, accessible: true },
    ],
  },
  {
    key: 'hollola-monari',
    fi: 'Hollolan Monari',
    street: 'Virastotie 3',
    postalCode: '15870',
    city: 'Hollola',
    municipality: HOLLOLA,
    area: 'culture',
    spaces: [{ key: 'sali', fi: 'Monarin sali', type: 'HALL', capacity: 150, accessible: true }],
  },
  {
    key: 'heinola-kylpylä',
    fi: 'Heinolan kaupungintalo',
    street: 'Rauhankatu 3',
    postalCode: '18100',
    city: 'Heinola',
    municipality: HEINOLA,
    area: 'wellbeing',
    spaces: [
      {
        key: 'valtuustosali',
        fi: 'Valtuustosali',
        type: 'MEETING_ROOM',
        capacity: 60,
        accessible: true,
      },
    ],
  },
  {
    key: 'orimattila-nuorisotalo',
    fi: 'Orimattilan nuorisotalo',
    street: 'Erkontie 11',
    postalCode: '16300',
    city: 'Orimattila',
    municipality: ORIMATTILA,
    area: 'youth',
    spaces: [
      { key: 'nuorisotila', fi: 'Nuorisotila', type: 'CLUB_ROOM', capacity: 40, accessible: true },
    ],
  },
];

export function facilityId(key: string): string {
  return demoId('facility', key);
}
export function spaceId(facilityKey: string, key: string): string {
  return demoId('space', `${facilityKey}/${key}`);
}

export const GRANT_PROGRAMS = [
  {
    key: 'operating',
    fi: 'Yhdistysten toiminta-avustus',
    en: 'Operating grant for associations',
    kind: 'OPERATING',
    area: 'wellbeing',
    description: 'Tukea rekisteröityneiden yhdistysten vuotuiseen toimintaan.',
  },
  {
    key: 'culture-project',
    fi: 'Kulttuurin projektiavustus',
    en: 'Culture project grant',
    kind: 'PROJECT',
    area: 'culture',
    description: 'Rajattuihin kulttuurihankkeisiin ja -tapahtumiin.',
  },
  {
    key: 'sports-recurring',
    fi: 'Liikuntaseurojen toistuvaisavustus',
    kind: 'RECURRING',
    area: 'sports',
    description: 'Seurojen lasten ja nuorten ohjattuun toimintaan.',
  },
  {
    key: 'event',
    fi: 'Tapahtuma-avustus',
    en: 'Event grant',
    kind: 'EVENT',
    area: 'culture',
    description: 'Yleisölle avoimiin tapahtumiin.',
  },
  {
    key: 'small',
    fi: 'Pienavustus nopeisiin tarpeisiin',
    en: 'Small fast grant',
    kind: 'SMALL',
    area: 'youth',
    description: 'Pieniä summia nopealla päätöksellä, haku jatkuvasti auki.',
  },
];

export function grantProgramId(key: string): string {
  return demoId('grant-program', key);
}

export interface DemoEvent {
  key: string;
  fi: string;
  sv?: string;
  en?: string;
  kind: string;
  status: string;
  /** Local time in Helsinki; DST taken care of when seeding. */
  starts: string;
  hours: number;
  venue?: [string, string];
  organizers: string[];
  areas: string[];
  description: string;
}

export const EVENTS: DemoEvent[] = [
  {
    key: 'yhdistysilta-kevat',
    fi: 'Yhdistysilta: kevät 2027',
    sv: 'Föreningskväll: våren 2027',
    en: 'Association evening: spring 2027',
    kind: 'ASSOCIATION_EVENING',
    status: 'SCHEDULED',
    starts: '2027-03-16T17:00',
    hours: 3,
    venue: ['kirkkokatu-monitoimitalo', 'sali'],
    organizers: ['international-lahti', 'lahden-mielenterveysseura'],
    areas: ['wellbeing', 'culture', 'sports', 'youth'],
    description:
      'Yhteinen avaus, pitchaukset ajankohtaisista teemoista, palvelualueiden omat pisteet ja yhteenveto.',
  },
  {
    key: 'yhdistysilta-syksy',
    fi: 'Yhdistysilta: syksy 2026',
    kind: 'ASSOCIATION_EVENING',
    status: 'SCHEDULED',
    starts: '2026-10-13T17:00',
    hours: 3,
    venue: ['kirkkokatu-monitoimitalo', 'sali'],
    organizers: ['international-lahti'],
    areas: ['wellbeing', 'education'],
    description: 'Syksyn yhdistysilta: avustushaut ja tilojen vuorojako.',
  },
  {
    key: 'jarjestofoorumi',
    fi: 'Järjestöfoorumi 2027',
    kind: 'FORUM',
    status: 'SCHEDULED',
    starts: '2027-05-04T13:00',
    hours: 4,
    venue: ['paakirjasto', 'auditorio'],
    organizers: ['lahden-vanhusneuvosto', 'lahden-vammaisneuvosto'],
    areas: ['wellbeing'],
    description: 'Yhdistykset, viranhaltijat ja luottamushenkilöt yhdessä.',
  },
  {
    key: 'tapahtumainfo',
    fi: 'Tapahtumainfo: näin järjestät tapahtuman kaupungin kanssa',
    kind: 'EVENT_INFO',
    status: 'SCHEDULED',
    starts: '2027-02-09T17:30',
    hours: 2,
    venue: ['paakirjasto', 'ryhmatila'],
    organizers: [],
    areas: ['culture', 'urban'],
    description: 'Luvat, välineistö ja tapahtuma-avustukset.',
  },
  {
    key: 'tilatyoryhma',
    fi: 'Tilatyöryhmän kokous',
    kind: 'WORKING_GROUP',
    status: 'SCHEDULED',
    starts: '2027-01-20T15:00',
    hours: 2,
    venue: ['kirkkokatu-monitoimitalo', 'kokoushuone'],
    organizers: ['kiveriön-asukkaat'],
    areas: ['urban', 'sports'],
    description: 'Teemana tilojen hinnoittelu ja varauskäytännöt.',
  },
  {
    key: 'kotoutumispaiva',
    fi: 'Monikulttuurinen perhepäivä',
    en: 'Multicultural family day',
    kind: 'JOINT_EVENT',
    status: 'SCHEDULED',
    starts: '2027-06-05T11:00',
    hours: 5,
    venue: ['kisapuisto', 'kentta'],
    organizers: ['international-lahti', 'ukrainian-community', 'lahden-urheiluseura'],
    areas: ['wellbeing', 'sports'],
    description: 'Ohjelmaa, ruokaa ja liikuntaa koko perheelle.',
  },
  {
    key: 'kuorokonsertti',
    fi: 'Kevätkonsertti',
    kind: 'COMMUNITY_EVENT',
    status: 'SCHEDULED',
    starts: '2027-04-24T18:00',
    hours: 2,
    venue: ['paakirjasto', 'auditorio'],
    organizers: ['lahden-kuorolaiset'],
    areas: ['culture'],
    description: 'Lahden Kuorolaisten kevätkonsertti.',
  },
  {
    key: 'hyvinvointityopaja',
    fi: 'Hyvinvointikertomuksen työpaja',
    kind: 'WORKSHOP',
    status: 'DRAFT',
    starts: '2027-02-23T16:00',
    hours: 3,
    organizers: [],
    areas: ['wellbeing'],
    description: 'Yhdistysten näkemykset hyvinvointikertomukseen.',
  },
  {
    key: 'hiihtotapahtuma',
    fi: 'Salpausselän kuntohiihto',
    kind: 'COMMUNITY_EVENT',
    status: 'CANCELLED',
    starts: '2027-02-14T10:00',
    hours: 4,
    organizers: ['salpausselan-hiihtajat'],
    areas: ['sports'],
    description: 'Peruttu lumitilanteen vuoksi.',
  },
];

export function eventId(key: string): string {
  return demoId('event', key);
}
