// The two Danish forms, verbatim from seed 001 (../shared/spec/sources/seed-001-dk.md §3.4).
import { dateFormatter, type FormTemplate } from '../template'

const footerLabels = { case: 'Sagsnummer', generated: 'Udskrevet' }

/**
 * MINI Connected contract, GTC 14 «Standardfortrydelsesformular» (seed 001 L786–L800). Addressed to BMW
 * Northern Europe AB by e-mail only: the seed gives no postal address (seed 001 §8 item 2).
 * Kept as in the source: two spaces after «E-mail:», «( I tilfælde af kommunikationpå papir)».
 * The source wraps the first bullet after «levering af»; here it is one logical line, wrapped by the page.
 */
export const DK_CONNECTED: FormTemplate = {
  id: 'dk-connected',
  language: 'da',
  sources: ['DK GTC 14 (seed 001 L786–L800)', 'recipient: DK GTC 14 form (seed 001 L789–L790)'],
  title: 'Standardfortrydelsesformular:',
  intro: '(Hvis du ønsker at fortryde denne kontrakt, bedes du udfylde og returnere denne formular.)',
  recipientLines: (r) => [
    { id: 'dk-connected.to', role: 'recipient', text: `Til: ${r.name}` },
    { id: 'dk-connected.email', role: 'recipient', text: `E-mail:  ${r.email}` }
  ],
  body: [
    {
      id: 'dk-connected.declaration',
      role: 'field',
      field: 'services',
      bullet: '-',
      text:
        '{{singular:Jeg}}/{{plural:vi}} (*) tilbagekalder hermed den af {{singular:mig}}/{{plural:os}} (*) indgåede kontrakt om ' +
        '{{goods:køb af følgende varer}} (*)/{{services:levering af følgende Tjenester}} (*)'
    },
    { id: 'dk-connected.ordered', role: 'field', field: 'ordered', bullet: '-', text: '{{ordered:Bestilt den}} (*)/{{received:modtaget den}} (*)' },
    { id: 'dk-connected.names', role: 'field', field: 'names', bullet: '-', text: 'Forbrugerens navn/forbrugernes navne' },
    { id: 'dk-connected.address', role: 'field', field: 'address', bullet: '-', text: 'Adresse på forbrugeren/forbrugerne' },
    {
      id: 'dk-connected.signature',
      role: 'field',
      field: 'signature',
      bullet: '-',
      text: 'Forbrugerens/forbrugernes underskrift ( I tilfælde af kommunikationpå papir)'
    },
    { id: 'dk-connected.date', role: 'field', field: 'date', bullet: '-', text: 'Dato' }
  ],
  footnote: { id: 'dk-connected.footnote', role: 'footnote', text: '(*) Det ikke relevante overstreges', spaceBefore: true },
  footerLabels,
  formatDate: dateFormatter('dots')
}

/**
 * Service Inclusive, SI «Bilag – Model for udtrædelsesformular» (seed 001 L1262–L1290), addressed to BMW
 * Danmark A/S or miniconnected.dk@mini.dk (the annex's address, RULES.md §5; the SI 8 instruction's
 * connecteddrive.dk@bmw.dk is not on the form).
 *
 * This form has no `(*)` markers and no footnote, but two pairs of alternatives:
 * «Bestilt den ___ /modtaget den ___» and «Forbrugerens underskrift (Forbrugernes underskrifter)».
 * They are treated exactly like the `(*)` alternatives of the other forms (RULES.md §9 names «Bestilt
 * den/modtaget den» for both DK forms). The SI period runs from the conclusion (SI 8, «fra datoen for
 * aftalens indgåelse»), so «modtaget den ___» is struck with its blank and the order date is written into
 * the blank of «Bestilt den ___»; the services go on the annex's line of 49 underscores.
 *
 * Several consumers (issue 13, defect 6; README «DK Service Inclusive»): the annex is the Danish model form
 * (forbrugeraftaleloven, bilag; Directive 2011/83/EU Annex I(B) DA) cut down to one consumer, keeping the
 * plural only for the signature, in brackets. For two or more consumers the three singular-only lines get
 * the plural in the annex's own bracket style, with the model form's words, and the singular is struck:
 * «Jeg (Vi) meddeler herved, at jeg (vi) … min (vores) købsaftale», «Forbrugerens navn (Forbrugernes
 * navne)», «Forbrugerens adresse (Forbrugernes adresse)». One consumer, and a blank form, get the annex word
 * for word. Underscore lines are kept: 49 and 31 underscores, «___» after each date label, as in the source.
 */
export const DK_SERVICE_INCLUSIVE: FormTemplate = {
  id: 'dk-service-inclusive',
  language: 'da',
  sources: ['DK SI Bilag «Model for udtrædelsesformular» (seed 001 L1262–L1290)', 'recipient: DK SI Bilag (seed 001 L1268–L1270)'],
  kicker: 'Bilag – Model for udtrædelsesformular',
  title: '1. Fortrydelsesformular',
  recipientLines: (r) => [
    {
      id: 'dk-service-inclusive.to',
      role: 'recipient',
      bullet: '-',
      text: `Til: ${r.name}${r.address ? `, ${r.address}` : ''} eller ${r.email}:`
    }
  ],
  body: [
    {
      id: 'dk-service-inclusive.declaration',
      role: 'statement',
      bullet: '-',
      text: 'Jeg meddeler herved, at jeg ønsker at gøre fortrydelsesretten gældende i forbindelse med min købsaftale om levering af følgende tjenesteydelser:',
      several:
        '{{singular:Jeg}} {{plural:(Vi)}} meddeler herved, at {{singular:jeg}} {{plural:(vi)}} ønsker at gøre fortrydelsesretten gældende ' +
        'i forbindelse med {{singular:min}} {{plural:(vores)}} købsaftale om levering af følgende tjenesteydelser:'
    },
    { id: 'dk-service-inclusive.rule1', role: 'rule', field: 'services', fillsBlank: true, text: '_'.repeat(49) },
    {
      id: 'dk-service-inclusive.ordered',
      role: 'field',
      field: 'ordered',
      fillsBlank: true,
      bullet: '-',
      text: '{{ordered:Bestilt den ___}} /{{received:modtaget den ___}}'
    },
    {
      id: 'dk-service-inclusive.names',
      role: 'field',
      field: 'names',
      bullet: '-',
      text: 'Forbrugerens navn',
      several: '{{singular:Forbrugerens navn}} {{plural:(Forbrugernes navne)}}'
    },
    {
      id: 'dk-service-inclusive.address',
      role: 'field',
      field: 'address',
      bullet: '-',
      text: 'Forbrugerens adresse',
      several: '{{singular:Forbrugerens adresse}} {{plural:(Forbrugernes adresse)}}'
    },
    {
      id: 'dk-service-inclusive.signature',
      role: 'field',
      field: 'signature',
      bullet: '-',
      text: '{{singular:Forbrugerens underskrift}} {{plural:(Forbrugernes underskrifter)}} (kun hvis formularens indhold meddeles på papir)'
    },
    { id: 'dk-service-inclusive.rule2', role: 'rule', text: '_'.repeat(31) },
    { id: 'dk-service-inclusive.date', role: 'field', field: 'date', bullet: '-', text: 'Dato' }
  ],
  footerLabels,
  formatDate: dateFormatter('dots')
}
