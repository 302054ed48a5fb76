// npm run forms:samples -- --out <dir>
// Writes every withdrawal form (RULES.md §9), prefilled and blank: DK (MINI Connected, Service Inclusive),
// SE, PT, BE in French, Dutch and German, LU in French and German: 18 PDFs, to look at and to hand to a
// lawyer. Names in several scripts on purpose. Then an acknowledgement of receipt of a withdrawal in each
// language (da, sv, pt, fr, nl, de), as a PDF and as the e-mail text beside it.
import { mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { defaultLanguage, hasSeveralLanguages, type AcknowledgementRequest, type WithdrawalFormRequest } from '../src/shared/forms'
import { createFormService } from '../src/main/services/forms'

const USAGE = 'usage: npm run forms:samples -- --out <dir>'

type Sample = Omit<WithdrawalFormRequest, 'mode' | 'generatedOn'>

// A sample of the supervisor setting (D5): BE/LU have no trader in their terms. Not a real address.
const sampleRecipient = (market: 'BE' | 'LU') => ({
  name: `Exemple S.A. (paramètre ${market} du superviseur)`,
  address: market === 'BE' ? 'Avenue de l’Exemple 1\n1000 Bruxelles' : '1, rue de l’Exemple\nL-1111 Luxembourg',
  email: `retractation.${market.toLowerCase()}@example.com`
})

const SAMPLES: Sample[] = [
  {
    market: 'DK',
    contract: 'connected',
    consumers: ['Søren Ærø Østergård'],
    address: 'Æblehavevej 7, 2. th.\n8000 Aarhus C',
    orderedOn: '2026-03-20',
    services: 'MINI Connected',
    signedOn: '2026-03-27',
    caseNumber: 'WD-2026-0101'
  },
  {
    market: 'DK',
    contract: 'service-inclusive',
    consumers: ['Søren Ærø Østergård', 'Łukasz Żółć'],
    address: 'Nørre Allé 14, st. tv.\n2200 København N',
    orderedOn: '2026-02-02',
    services: 'Service Inclusive, 3 år / 40.000 km',
    signedOn: '2026-02-10',
    caseNumber: 'WD-2026-0102'
  },
  {
    market: 'SE',
    contract: 'connected',
    consumers: ['Åsa Öberg-Lindström', 'Иван Петров'],
    address: 'Storgatan 12 B\n114 55 Stockholm',
    orderedOn: '2026-04-01',
    services: 'MINI Connected Package',
    signedOn: '2026-04-08',
    caseNumber: 'WD-2026-0103'
  },
  {
    market: 'PT',
    contract: 'connected',
    consumers: ['José Conceição'],
    address: 'Rua da Prata 123, 3.º Esq.\n1100-414 Lisboa',
    orderedOn: '2026-05-04',
    services: 'MINI Connected',
    signedOn: '2026-05-11',
    caseNumber: 'WD-2026-0104'
  },
  {
    market: 'BE',
    contract: 'connected',
    consumers: ['Αλέξανδρος Παπαδόπουλος', 'Françoise Lefèvre'],
    address: 'Rue de l’Église 5, boîte 3\n1000 Bruxelles',
    orderedOn: '2026-06-01',
    services: 'MINI Connected Package (6AK)',
    signedOn: '2026-06-05',
    recipient: sampleRecipient('BE'),
    caseNumber: 'WD-2026-0105'
  },
  {
    market: 'BE',
    contract: 'connected',
    language: 'nl',
    consumers: ['Pieter Van den Broeck'],
    address: 'Kerkstraat 12 bus 4\n9000 Gent',
    orderedOn: '2026-06-02',
    services: 'MINI Connected',
    signedOn: '2026-06-09',
    recipient: sampleRecipient('BE'),
    caseNumber: 'WD-2026-0107'
  },
  {
    market: 'BE',
    contract: 'connected',
    language: 'de',
    consumers: ['Jürgen Weiß', 'Anneliese Müller-Schröder'],
    address: 'Hauptstraße 5\n4700 Eupen',
    orderedOn: '2026-06-03',
    services: 'MINI Connected Package',
    signedOn: '2026-06-10',
    recipient: sampleRecipient('BE'),
    caseNumber: 'WD-2026-0108'
  },
  {
    market: 'LU',
    contract: 'connected',
    consumers: ['Marie-Thérèse Weber'],
    address: '12, rue de la Gare\nL-1611 Luxembourg',
    orderedOn: '2026-06-15',
    services: 'MINI Connected',
    signedOn: '2026-06-20',
    recipient: sampleRecipient('LU'),
    caseNumber: 'WD-2026-0106'
  },
  {
    market: 'LU',
    contract: 'connected',
    language: 'de',
    consumers: ['Nguyễn Thị Ánh'],
    address: '7, Grand-Rue\nL-9051 Ettelbruck',
    orderedOn: '2026-06-16',
    services: 'MINI Connected',
    signedOn: '2026-06-22',
    recipient: sampleRecipient('LU'),
    caseNumber: 'WD-2026-0109'
  }
]

/**
 * One acknowledgement of receipt per language (issue 16): a full refund with a charge deducted, a zero
 * refund where everything was charged, nothing paid, a named purchase, one consumer and several.
 */
function acknowledgements(issuedOn: string): AcknowledgementRequest[] {
  const base = { noticeReceivedOn: issuedOn, issuedOn }
  return [
    {
      ...base,
      caseNumber: 'WD-2026-0101',
      market: 'DK',
      language: 'da',
      consumers: ['Søren Ærø Østergård'],
      address: 'Æblehavevej 7, 2. th.\n8000 Aarhus C',
      withdrawn: { kind: 'connected-contract', reference: 'MC-DK-000123' },
      refund: { currency: 'DKK', amount: 123450, charge: 2500, dueOn: '2026-12-14' }
    },
    {
      ...base,
      caseNumber: 'WD-2026-0103',
      market: 'SE',
      language: 'sv',
      consumers: ['Åsa Öberg-Lindström', 'Иван Петров'],
      address: 'Storgatan 12 B\n114 55 Stockholm',
      withdrawn: { kind: 'connected-contract', reference: 'MC-SE-004711' },
      refund: { currency: 'SEK', amount: 0, charge: 99900 }
    },
    {
      ...base,
      caseNumber: 'WD-2026-0104',
      market: 'PT',
      language: 'pt',
      consumers: ['José Conceição'],
      address: 'Rua da Prata 123, 3.º Esq.\n1100-414 Lisboa',
      withdrawn: { kind: 'purchase', name: 'Pacote MINI Connected (3 anos)', reference: 'ENC-2026-5521' },
      refund: { currency: 'EUR', amount: 24900, dueOn: '2026-12-14' }
    },
    {
      ...base,
      caseNumber: 'WD-2026-0105',
      market: 'BE',
      language: 'fr',
      consumers: ['Françoise Lefèvre'],
      address: 'Rue de l’Église 5, boîte 3\n1000 Bruxelles',
      withdrawn: { kind: 'connected-contract', reference: 'MC-BE-000077' },
      refund: { currency: 'EUR', amount: 18675, charge: 6225, dueOn: '2026-12-15' },
      trader: sampleRecipient('BE')
    },
    {
      ...base,
      caseNumber: 'WD-2026-0107',
      market: 'BE',
      language: 'nl',
      consumers: ['Pieter Van den Broeck'],
      address: 'Kerkstraat 12 bus 4\n9000 Gent',
      withdrawn: { kind: 'purchase', name: 'MINI Connected Package (6AK)', reference: 'BST-88120' },
      refund: { currency: 'EUR', amount: 0 },
      trader: sampleRecipient('BE')
    },
    {
      ...base,
      caseNumber: 'WD-2026-0109',
      market: 'LU',
      language: 'de',
      consumers: ['Jürgen Weiß', 'Nguyễn Thị Ánh'],
      address: '7, Grand-Rue\nL-9051 Ettelbruck',
      withdrawn: { kind: 'connected-contract', reference: 'MC-LU-000031' },
      refund: { currency: 'EUR', amount: 9990, dueOn: '2026-12-14' },
      trader: sampleRecipient('LU')
    }
  ]
}

async function main(): Promise<void> {
  let out: string | undefined
  try {
    out = parseArgs({ options: { out: { type: 'string' } }, strict: true }).values.out
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`)
    process.exit(2)
  }
  if (!out) {
    console.error(`--out <dir> is missing\n${USAGE}`)
    process.exit(2)
  }
  const dir = resolve(out)
  await mkdir(dir, { recursive: true })
  const service = createFormService({ fontsDir: resolve(import.meta.dirname, '../resources/fonts') })
  const generatedOn = new Date().toISOString().slice(0, 10)
  for (const sample of SAMPLES) {
    for (const mode of ['prefilled', 'blank'] as const) {
      const request: WithdrawalFormRequest =
        mode === 'prefilled'
          ? { ...sample, mode, generatedOn }
          : {
              market: sample.market,
              contract: sample.contract,
              mode,
              generatedOn,
              ...(sample.language ? { language: sample.language } : {}),
              ...(sample.recipient ? { recipient: sample.recipient } : {})
            }
      const started = performance.now()
      const form = await service.render(request)
      const ms = performance.now() - started
      const lang = hasSeveralLanguages(sample.market) ? `-${sample.language ?? defaultLanguage(sample.market)}` : ''
      const path = join(dir, `${sample.market.toLowerCase()}-${sample.contract}${lang}-${mode}.pdf`)
      await writeFile(path, form.bytes)
      console.log(`${path}  ${form.pages} page(s), ${(form.bytes.length / 1024).toFixed(1)} KiB, ${ms.toFixed(0)} ms`)
    }
  }
  for (const request of acknowledgements(generatedOn)) {
    const ack = await service.renderAcknowledgement(request)
    const stem = `acknowledgement-${request.market.toLowerCase()}-${request.language}`
    await writeFile(join(dir, `${stem}.pdf`), ack.bytes)
    await writeFile(join(dir, `${stem}.txt`), `${ack.email.subject}\n\n${ack.email.body}\n`)
    console.log(`${join(dir, stem)}.pdf (+ .txt, the e-mail text)  ${ack.pages} page(s)`)
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
