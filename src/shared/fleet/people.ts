/**
 * Realistic names and addresses per market, in each country's own letters, for the demo fleet. The
 * letters matter: they have to survive the database, the cache, search folding and the PDF font.
 */
import type { CustomerLanguage, Market } from '../ipc/schemas'

export interface Place {
  postcode: string
  city: string
  /** Where the market speaks several languages (BE, LU): the one customers here are served in. */
  language?: CustomerLanguage
}

export interface MarketPeople {
  country: string
  firstNames: string[]
  lastNames: string[]
  streets: string[]
  places: Place[]
  companySuffixes: string[]
  companyWords: string[]
  phonePrefix: string
  emailDomain: string
  /** The street line as the country's post expects it (where the house number goes). */
  streetLine: (street: string, houseNumber: number) => string
  dealers: { number: string; name: string }[]
}

export const PEOPLE: Record<Market, MarketPeople> = {
  DK: {
    country: 'Danmark',
    firstNames: ['Søren', 'Mette', 'Anders', 'Birgitte', 'Jørgen', 'Åse', 'Frederik', 'Signe', 'Mads', 'Line', 'Rasmus', 'Kirsten', 'Bjørn', 'Sørine', 'Ærlig', 'Niels', 'Ida', 'Thøger'],
    lastNames: ['Østergård', 'Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Kjær', 'Møller', 'Sørensen', 'Bækgaard', 'Lærkesen', 'Ærø', 'Dalsgård', 'Frølund', 'Thomsen', 'Krøyer', 'Skovgård'],
    streets: ['Østerbrogade', 'Nørrebrogade', 'Åboulevard', 'Vesterbrogade', 'Strandvejen', 'Frederiksberg Allé', 'Søndergade', 'Kærvej', 'Bøgevej', 'Møllegade', 'Ærøvej', 'Fælledvej'],
    places: [
      { postcode: '2100', city: 'København Ø' },
      { postcode: '8000', city: 'Aarhus C' },
      { postcode: '5000', city: 'Odense C' },
      { postcode: '9000', city: 'Aalborg' },
      { postcode: '2800', city: 'Kongens Lyngby' },
      { postcode: '4000', city: 'Roskilde' },
      { postcode: '6700', city: 'Esbjerg' },
      { postcode: '7100', city: 'Vejle' },
      { postcode: '3000', city: 'Helsingør' },
      { postcode: '8600', city: 'Silkeborg' },
      { postcode: '2450', city: 'København SV' },
      { postcode: '5700', city: 'Svendborg' }
    ],
    companySuffixes: ['ApS', 'A/S', 'I/S'],
    companyWords: ['Biler', 'Tømrer', 'Køkkener', 'Anlæg', 'Gartneri', 'Rådgivning'],
    phonePrefix: '+45',
    emailDomain: 'mail.dk',
    streetLine: (street, houseNumber) => `${street} ${houseNumber}`,
    dealers: [
      { number: 'DK-24031', name: 'Bilhuset Østjylland' },
      { number: 'DK-24077', name: 'MINI København Nordhavn' },
      { number: 'DK-24112', name: 'Fyns Bilcenter' }
    ]
  },
  SE: {
    country: 'Sverige',
    firstNames: ['Åsa', 'Björn', 'Märta', 'Göran', 'Linnéa', 'Örjan', 'Karin', 'Håkan', 'Sofia', 'Lars', 'Ingrid', 'Måns', 'Ebba', 'Jöns', 'Sigrid', 'Åke'],
    lastNames: ['Åström', 'Sjöberg', 'Lindqvist', 'Bäckström', 'Johansson', 'Öberg', 'Nyström', 'Ekström', 'Hägg', 'Karlsson', 'Wäppling', 'Söderlund', 'Ångström', 'Björklund'],
    streets: ['Drottninggatan', 'Storgatan', 'Östra Hamngatan', 'Kungsgatan', 'Sveavägen', 'Vasagatan', 'Götgatan', 'Åsögatan', 'Södra Förstadsgatan', 'Järnvägsgatan'],
    places: [
      { postcode: '111 22', city: 'Stockholm' },
      { postcode: '411 01', city: 'Göteborg' },
      { postcode: '211 20', city: 'Malmö' },
      { postcode: '753 20', city: 'Uppsala' },
      { postcode: '581 83', city: 'Linköping' },
      { postcode: '702 10', city: 'Örebro' },
      { postcode: '352 30', city: 'Växjö' },
      { postcode: '903 26', city: 'Umeå' },
      { postcode: '191 38', city: 'Sollentuna' },
      { postcode: '722 15', city: 'Västerås' },
      { postcode: '972 31', city: 'Luleå' }
    ],
    companySuffixes: ['AB', 'HB'],
    companyWords: ['Bygg', 'Åkeri', 'Snickeri', 'Måleri', 'Fastigheter', 'Rörservice'],
    phonePrefix: '+46',
    emailDomain: 'post.se',
    streetLine: (street, houseNumber) => `${street} ${houseNumber}`,
    dealers: [
      { number: 'SE-31004', name: 'MINI Stockholm Värtahamnen' },
      { number: 'SE-31020', name: 'Bilia Göteborg Högsbo' },
      { number: 'SE-31055', name: 'MINI Malmö Hyllie' }
    ]
  },
  PT: {
    country: 'Portugal',
    firstNames: ['José', 'João', 'Maria', 'Conceição', 'Inês', 'António', 'Gonçalo', 'Ana', 'Luís', 'Sónia', 'Leonor', 'Tomás', 'Joana', 'Rúben', 'Mónica', 'Simão'],
    lastNames: ['Conceição', 'Gonçalves', 'Simões', 'Magalhães', 'Araújo', 'Brandão', 'Lourenço', 'Fernandes', 'Guimarães', 'Assunção', 'Gião', 'Loureiro', 'Estêvão', 'Falcão'],
    streets: ['Rua Augusta', 'Avenida da Liberdade', 'Rua de Santa Catarina', 'Praça do Comércio', 'Rua de São João', 'Avenida João XXI', 'Rua da Conceição', 'Travessa do Cabral', 'Largo do Chiado'],
    places: [
      { postcode: '1100-053', city: 'Lisboa' },
      { postcode: '4000-322', city: 'Porto' },
      { postcode: '3000-141', city: 'Coimbra' },
      { postcode: '4700-321', city: 'Braga' },
      { postcode: '8000-123', city: 'Faro' },
      { postcode: '2740-422', city: 'Porto Salvo' },
      { postcode: '7000-501', city: 'Évora' },
      { postcode: '4800-045', city: 'Guimarães' },
      { postcode: '3800-200', city: 'Aveiro' },
      { postcode: '2910-536', city: 'Setúbal' }
    ],
    companySuffixes: ['Lda.', 'S.A.', 'Unipessoal, Lda.'],
    companyWords: ['Transportes', 'Construções', 'Comércio', 'Serviços', 'Mármores', 'Distribuição'],
    phonePrefix: '+351',
    emailDomain: 'correio.pt',
    streetLine: (street, houseNumber) => `${street}, ${houseNumber}`,
    dealers: [
      { number: 'PT-51002', name: 'MINI Lisboa Expo' },
      { number: 'PT-51019', name: 'Auto Gonçalves Porto' },
      { number: 'PT-51033', name: 'MINI Algarve Faro' }
    ]
  },
  BE: {
    country: 'Belgique',
    firstNames: ['Frédéric', 'Amélie', 'Hélène', 'Jérôme', 'Geneviève', 'Noël', 'Daan', 'Liesbeth', 'Maëlle', 'Zoë', 'Lucas', 'Anaïs', 'Benoît', 'Céline', 'Joëlle', 'Stéphane'],
    lastNames: ['Dubois', 'Lefèvre', 'Peeters', 'Janssens', 'Mertens', 'Lemaître', 'Dupré', 'Van den Broeck', 'Maes', 'Desmet', 'Noël', 'Gérard', 'De Clercq', "D'Hondt", 'Rousseau'],
    streets: ['Rue de la Loi', 'Avenue Louise', "Chaussée d'Ixelles", 'Meir', 'Rue Neuve', "Boulevard d'Avroy", 'Place Saint-Lambert', 'Korenmarkt', 'Rue des Éperonniers', 'Grote Markt'],
    places: [
      { postcode: '1000', city: 'Bruxelles' },
      { postcode: '1050', city: 'Ixelles' },
      { postcode: '2000', city: 'Antwerpen', language: 'nl' },
      { postcode: '4000', city: 'Liège' },
      { postcode: '9000', city: 'Gent', language: 'nl' },
      { postcode: '5000', city: 'Namur' },
      { postcode: '7000', city: 'Mons' },
      { postcode: '4700', city: 'Eupen', language: 'de' },
      { postcode: '8000', city: 'Brugge', language: 'nl' },
      { postcode: '6000', city: 'Charleroi' }
    ],
    companySuffixes: ['SRL', 'SA', 'BV', 'NV'],
    companyWords: ['Transports', 'Boulangerie', 'Bouw', 'Électricité', 'Menuiserie', 'Conseil'],
    phonePrefix: '+32',
    emailDomain: 'courriel.be',
    streetLine: (street, houseNumber) => `${street} ${houseNumber}`,
    dealers: [
      { number: 'BE-61008', name: 'MINI Bruxelles Delta' },
      { number: 'BE-61042', name: 'MINI Antwerpen Zuid' },
      { number: 'BE-61077', name: 'Garage Lemaître Liège' }
    ]
  },
  LU: {
    country: 'Luxembourg',
    firstNames: ['Léa', 'Mathéo', 'Chloé', 'Luc', 'Josée', 'Gérard', 'Ben', 'Sophie', 'Noémie', 'Raphaël', 'Tom', 'Mireille', 'Jérôme', 'Anaïs'],
    lastNames: ['Schmit', 'Muller', 'Weber', 'Hoffmann', 'Wagner', 'Thill', 'Klein', 'Kieffer', 'Reuter', 'Da Silva', 'Gœrgen', 'Schröder', 'Feyder', 'Lëtz'],
    streets: ['Grand-Rue', 'Avenue de la Liberté', 'Boulevard Royal', "Rue de l'Alzette", "Route d'Esch", 'Rue du Fossé', 'Rue de la Gare', 'Côte d’Eich'],
    places: [
      { postcode: 'L-1661', city: 'Luxembourg' },
      { postcode: 'L-4002', city: 'Esch-sur-Alzette' },
      { postcode: 'L-9001', city: 'Ettelbruck', language: 'de' },
      { postcode: 'L-3401', city: 'Dudelange' },
      { postcode: 'L-6401', city: 'Echternach', language: 'de' },
      { postcode: 'L-9501', city: 'Wiltz', language: 'de' },
      { postcode: 'L-8001', city: 'Strassen' },
      { postcode: 'L-4501', city: 'Differdange' }
    ],
    companySuffixes: ['S.à r.l.', 'S.A.'],
    companyWords: ['Logistique', 'Immobilière', 'Fiduciaire', 'Bâtiments', 'Consulting'],
    phonePrefix: '+352',
    emailDomain: 'courrier.lu',
    streetLine: (street, houseNumber) => `${houseNumber}, ${street}`,
    dealers: [
      { number: 'LU-71003', name: 'MINI Luxembourg Howald' },
      { number: 'LU-71015', name: 'Garage Reuter Esch' }
    ]
  }
}
