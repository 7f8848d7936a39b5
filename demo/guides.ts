import type { LocalizedText } from '../subgraphs/core/types/localized-text.type';

/**
 * The three guides the cooperation model's keys ask for (seed 000: "Viestintäohje",
 * "tilayhteistyön ohje", "Tapahtuman järjestämisopas"), written from what the seeds say and
 * how the hub works, in Finnish with Swedish and English. Each names the working group that
 * keeps it; the space page, an event's support request and every announcement link to them.
 */
export interface DemoGuide {
  slug: string;
  kind: string;
  audience: string;
  /** The working group that keeps it (demo key). */
  workingGroup: string | null;
  title: LocalizedText;
  body: LocalizedText;
}

export const COMMUNICATION_GUIDE: DemoGuide = {
  slug: 'viestintaohje',
  kind: 'RULES',
  audience: 'EVERYONE',
  workingGroup: 'viestinta',
  title: {
    fi: 'Viestintäohje',
    sv: 'Kommunikationsanvisning',
    en: 'Communication guide',
  },
  body: {
    fi: `# Viestintäohje

Yhteiset pelisäännöt viestintään, joka tukee kaupungin ja yhdistysten yhteistyötä.

## Vastuut

- **Palvelualueen yhdistysyhteyshenkilö** tiedottaa oman alansa asioista: avustushauista, tiloista, tapahtumista ja kyselyistä.
- **Järjestökoordinaattori** kokoaa koko kaupungin yhteiset tiedotteet ja pitää vuosikellon ajan tasalla.
- **Yhdistys** pitää omat tietonsa ja yhteyshenkilönsä ajan tasalla ja kertoo tiedotteista jäsenilleen.

## Kanavat

- **Tiedotteet** julkaistaan yhdistysyhteistyön palvelussa. Ne voi tilata sähköpostiin aiheittain (yleiset, avustukset, tilat, tapahtumat, kyselyt) ja palvelualueittain, tai lukea syötteenä.
- **Yhdistysillat** ja tapahtumainfot kokoavat ajankohtaiset asiat kasvokkain.
- **Päätökset** (tilavaraukset, avustukset, ilmoittautumiset) lähtevät yhdistyksen yhteyshenkilöille automaattisesti.

## Ajoitus

- Avustushausta ja kausivuorojen hausta tiedotetaan, kun haku avautuu, ja muistutus lähtee ennen hakuajan päättymistä.
- Yhdistysillasta tiedotetaan viimeistään kolme viikkoa ennen.
- Kaikki yhteiset päivämäärät ovat vuosikellossa.

## Yhteystietorekisteri

Yhdistys päivittää yhteyshenkilönsä itse. Sähköposti ja puhelin näkyvät julkisesti vain, jos henkilö on antanut siihen luvan. Koordinaattori pyytää tarkistamaan tiedot kerran vuodessa.

## Saavutettavuus

Kirjoita selkeästi ja lyhyesti. Julkaise tärkeät tiedotteet suomeksi ja ruotsiksi, mahdollisuuksien mukaan myös englanniksi tai selkokielellä.

Ohjetta pitää yllä **viestintätyöryhmä**.`,
    sv: `# Kommunikationsanvisning

Gemensamma spelregler för kommunikationen mellan staden och föreningarna.

## Ansvar

- **Serviceområdets kontaktperson för föreningar** informerar om bidrag, lokaler, evenemang och enkäter inom sitt område.
- **Organisationskoordinatorn** samlar stadens gemensamma meddelanden och håller årsklockan uppdaterad.
- **Föreningen** håller sina uppgifter och kontaktpersoner aktuella och för meddelandena vidare till sina medlemmar.

## Kanaler

- **Meddelanden** publiceras i tjänsten; de kan prenumereras per ämne och serviceområde per e-post eller läsas som flöde.
- **Föreningskvällar** och evenemangsinfon samlar aktuella frågor.
- **Beslut** (lokalbokningar, bidrag, anmälningar) skickas automatiskt till föreningens kontaktpersoner.

## Tidpunkter

Ansökningar meddelas när de öppnar, med en påminnelse före sista dagen; föreningskvällar senast tre veckor i förväg. Alla datum finns i årsklockan.

## Kontaktregistret

Föreningen uppdaterar själv sina kontaktpersoner. E-post och telefon visas offentligt endast med personens samtycke.

## Tillgänglighet

Skriv klart och kort, på finska och svenska, och när det går även på engelska eller lättläst språk.

Anvisningen upprätthålls av **kommunikationsarbetsgruppen**.`,
    en: `# Communication guide

Shared ground rules for the communication between the city and associations.

## Responsibilities

- **A service area's liaison** announces grants, spaces, events and surveys of their area.
- **The association coordinator** gathers the city-wide announcements and keeps the cooperation calendar current.
- **An association** keeps its details and contact persons current and passes announcements on to its members.

## Channels

- **Announcements** are published in the hub; subscribe by e-mail per topic and service area, or read them as a feed.
- **Association evenings** and event infos bring current matters together face to face.
- **Decisions** (reservations, grants, sign-ups) reach the association's contact persons automatically.

## Timing

Application rounds are announced when they open, with a reminder before they close; association evenings at least three weeks ahead. Every shared date is in the cooperation calendar.

## The contact register

Associations update their contact persons themselves. E-mail and phone are public only with the person's consent.

## Accessibility

Write clearly and briefly, in Finnish and Swedish, and where possible in English or plain language.

Kept by the **communication working group**.`,
  },
};

export const SPACE_GUIDE: DemoGuide = {
  slug: 'tilaopas',
  kind: 'GUIDE',
  audience: 'ASSOCIATIONS',
  workingGroup: 'tilat',
  title: {
    fi: 'Tilaopas: kaupungin tilat yhdistyksille',
    sv: 'Lokalguide: stadens lokaler för föreningar',
    en: "Space guide: the city's spaces for associations",
  },
  body: {
    fi: `# Tilaopas

Yhtenäiset ja läpinäkyvät käytännöt kaupungin tilojen käyttöön: tilat, varaus ja maksut.

## Tilat

Yhdistykset voivat käyttää monitoimitalojen kokoustiloja ja saleja sekä koulujen liikuntasaleja. Tilahaulla löydät tilat kunnan, koon, varustuksen ja vapaiden aikojen mukaan.

## Varaaminen

1. Etsi vapaa aika tilan sivulta.
2. Tee varauspyyntö yhdistyksen nimissä: aika, tarkoitus ja osallistujamäärä.
3. Palvelualue vahvistaa tai hylkää pyynnön, ja päätös tulee yhdistyksen yhteyshenkilöille sähköpostiin.
4. Säännölliset vuorot haetaan **kausivuorohaussa** kevät- ja syyskaudelle; hakuaika on vuosikellossa.

Jokaisella tilalla on varaussäännöt: lyhin ja pisin kesto, aloitusajat ja kuinka paljon etukäteen varataan. Suljettuina päivinä (pyhät) tilaa ei voi varata.

## Hinnat

Monet tilat ovat yhdistyksille maksuttomia; muissa on yhdistyshinta. Hinta näkyy tilan tiedoissa ennen varausta. Peru varaus heti, kun tiedät, ettei tila ole käytössä: vapautunut aika on toisen yhdistyksen käytössä.

## Avaimet ja siivous

- Avaimet tai kulkutunnisteet noudetaan talon palvelupisteestä sovitusti ja palautetaan käytön jälkeen.
- Jätä tila siihen kuntoon kuin sen löysit: kalusteet paikoilleen, roskat pois, ovet lukkoon.
- Ilmoita vahingoista ja puutteista heti palvelupisteeseen.

## Yhteyshenkilö

Tila-asioissa yhdistyksellä on yksi yhteyshenkilö: oman palvelualueen yhdistysyhteyshenkilö. Käytäntöjä kehittää **tilatyöryhmä**, joka pitää tämän oppaan ajan tasalla.`,
    sv: `# Lokalguide

Enhetliga och öppna principer för stadens lokaler: lokaler, bokning och avgifter.

## Bokning

1. Sök en ledig tid på lokalens sida.
2. Gör en bokningsförfrågan i föreningens namn: tid, syfte och antal deltagare.
3. Serviceområdet bekräftar eller avslår, och beslutet skickas till föreningens kontaktpersoner.
4. Regelbundna turer söks i **säsongsansökan** för vår och höst.

Varje lokal har bokningsregler (kortaste och längsta tid, hur långt i förväg). Stängda dagar kan inte bokas.

## Avgifter

Många lokaler är avgiftsfria för föreningar; andra har föreningspris. Avboka genast om lokalen inte behövs.

## Nycklar och städning

Nycklar hämtas och återlämnas vid husets servicepunkt. Lämna lokalen i det skick du fick den och meddela skador genast.

## Kontaktperson

Föreningens kontaktperson i lokalfrågor är serviceområdets kontaktperson för föreningar. Guiden upprätthålls av **lokalarbetsgruppen**.`,
    en: `# Space guide

Shared, transparent practices for the city's spaces: which spaces, booking and prices.

## Booking

1. Find a free time on the space's page.
2. Request it in your association's name: time, purpose and attendees.
3. The service area confirms or rejects; the decision reaches your association's contact persons by e-mail.
4. Regular weekly slots are applied for in the **seasonal application** for spring and autumn.

Each space has booking rules (shortest and longest booking, how far ahead). Closed days cannot be booked.

## Prices

Many spaces are free for associations; others have an association price, shown before booking. Cancel as soon as you know you will not use a time.

## Keys and cleaning

Keys are collected from and returned to the building's service point. Leave the space as you found it and report any damage at once.

## One contact

Your contact in space matters is your service area's liaison. Kept by the **space working group**.`,
  },
};

export const EVENT_GUIDE: DemoGuide = {
  slug: 'tapahtumayhteistyo',
  kind: 'GUIDE',
  audience: 'ASSOCIATIONS',
  workingGroup: 'tapahtumat',
  title: {
    fi: 'Tapahtuman järjestämisopas',
    sv: 'Guide för att ordna evenemang',
    en: 'Event organising guide',
  },
  body: {
    fi: `# Tapahtuman järjestämisopas

Yhteiset käytännöt tapahtumien toteutukseen ja viestintään, ja miten kaupunki tukee tapahtumaa.

## Suunnittelu

1. **Idea ja tavoite**: kenelle tapahtuma on ja mitä sillä halutaan saada aikaan.
2. **Ajankohta**: katso vuosikellosta ja tapahtumakalenterista, ettei samaan aikaan ole päällekkäistä.
3. **Paikka**: kaupungin tila varataan tilahaun kautta; ulkotapahtumaan tarvitaan maanomistajan lupa.
4. **Talous ja tekijät**: budjetti, talkoolaiset ja vastuuhenkilöt.

## Luvat ja ilmoitukset

- Yleisötilaisuudesta ilmoitetaan poliisille viimeistään viisi päivää ennen.
- Yli 200 hengen tapahtumaan tarvitaan pelastussuunnitelma.
- Elintarvikkeiden myynnistä tai tarjoilusta ilmoitetaan ympäristöterveydenhuoltoon.
- Musiikin esittämisestä sovitaan tekijänoikeusjärjestöjen kanssa; kovaäänisestä tapahtumasta tehdään meluilmoitus.

## Välineistö

Kaupungin lainattavat tapahtumavälineet (teltat, lava, äänentoisto, pöydät) ja niiden vapaat määrät näkyvät välinelistassa. Lainat haetaan samalla kertaa tilan kanssa.

## Kaupungin tuki

Yhdellä **tukipyynnöllä** yhdistys pyytää tapahtumalleen tilan valmistelu- ja purkuaikoineen, välineet ja tapahtuma-avustuksen. Kukin osa käsitellään omassa palvelussaan, ja yhdistys saa yhteenvedon, kun kaikki on päätetty. Tapahtumainfoissa käydään läpi luvat ja välineistö.

## Viestintä ennen ja jälkeen

- Julkaise tapahtuma tapahtumakalenterissa ja kerro siitä jäsenille ja yhteistyökumppaneille.
- Kirjaa tapahtuman jälkeen, montako osallistujaa tuli, ja pyydä palautetta.
- Kerro tuloksista ja kiitä tekijöitä.

Opasta pitää yllä **tapahtumatyöryhmä**.`,
    sv: `# Guide för att ordna evenemang

## Planering

Mål och målgrupp, tidpunkt (kontrollera årsklockan och evenemangskalendern), plats (boka stadens lokal via lokalsökningen) samt budget och frivilliga.

## Tillstånd

Offentliga tillställningar anmäls till polisen senast fem dagar i förväg; över 200 personer kräver en räddningsplan; livsmedelsservering anmäls till miljöhälsovården.

## Utrustning

Stadens utlåningsbara evenemangsutrustning (tält, scen, ljud, bord) och lediga mängder finns i utrustningslistan.

## Stadens stöd

Med en **stödbegäran** ber föreningen om lokal med förberedelse- och nedmonteringstid, utrustning och evenemangsbidrag. Föreningen får en sammanfattning när allt är beslutat.

## Kommunikation före och efter

Publicera evenemanget i kalendern, registrera efteråt hur många som kom och be om respons.

Guiden upprätthålls av **evenemangsarbetsgruppen**.`,
    en: `# Event organising guide

## Planning

Aim and audience; the date (check the cooperation calendar and the events calendar for clashes); the place (book a city space through the space search); budget and volunteers.

## Permits

Report a public event to the police at least five days ahead; over 200 people need a rescue plan; serving food is notified to environmental health; agree on music rights.

## Equipment

The city's lendable event equipment (tents, stage, sound, tables) and how many are free are in the equipment list.

## The city's support

With one **support request** an association asks for a space with setup and clearing-away time, equipment and an event grant. Each part is decided where it belongs, and a summary comes when all are decided.

## Communication before and after

Publish the event in the calendar, record afterwards how many came, and ask for feedback.

Kept by the **events working group**.`,
  },
};

export const NEW_GUIDES: readonly DemoGuide[] = [COMMUNICATION_GUIDE, SPACE_GUIDE, EVENT_GUIDE];
