// The Swedish form, verbatim from seed 003 §15 (../shared/spec/sources/seed-003-se.md §3.1–3.2).
import { dateFormatter, type FormTemplate } from '../template'

/**
 * «Formulär för utövande av ångerrätt» (seed 003 L721–L747). The SE form adds a consumer-information block
 * («Information om konsument», Namn, Namn 2, Adress, Telefonnummer, E-post) to the EU model lines; both are
 * printed, and a prefilled form fills the names and the address in both places, so each part reads complete
 * on its own. Telephone and e-mail are not in the request: they stay blank for the customer.
 * The source wraps the first bullet before «(*)/tillhandahållandet»; here it is one logical line (§3.2).
 */
export const SE_CONNECTED: FormTemplate = {
  id: 'se-connected',
  language: 'sv',
  sources: ['SE §15 form (seed 003 L721–L747)', 'recipient: SE §15 form (seed 003 L724–L728)'],
  title: 'Formulär för utövande av ångerrätt:',
  recipientLines: (r) => [
    { id: 'se-connected.recipient-to', role: 'recipient', text: 'Till:' },
    { id: 'se-connected.recipient-name', role: 'recipient', text: r.name },
    ...(r.department ? [{ id: 'se-connected.recipient-department', role: 'recipient' as const, text: `${r.department}:` }] : []),
    { id: 'se-connected.recipient-email', role: 'recipient', text: r.email },
    ...(r.address ? [{ id: 'se-connected.recipient-address', role: 'recipient' as const, text: r.address }] : [])
  ],
  body: [
    { id: 'se-connected.info', role: 'section', text: 'Information om konsument', spaceBefore: true },
    { id: 'se-connected.name1', role: 'field', field: 'name1', text: 'Namn:' },
    { id: 'se-connected.name2', role: 'field', field: 'name2', text: 'Namn 2 (om ni är fler som gjort köpet):' },
    { id: 'se-connected.info-address', role: 'field', field: 'address', text: 'Adress:' },
    { id: 'se-connected.phone', role: 'field', field: 'phone', text: 'Telefonnummer:' },
    { id: 'se-connected.email-field', role: 'field', field: 'email', text: 'E-post:' },
    {
      id: 'se-connected.declaration',
      role: 'field',
      field: 'services',
      bullet: '-',
      spaceBefore: true,
      text:
        '{{singular:Jag}}/{{plural:vi}} (*) återkallar härmed det av {{singular:mig}}/{{plural:oss}} (*) ingångna avtalet om ' +
        '{{goods:köp av följande varor}} (*)/{{services:tillhandahållandet av följande tjänster}} (*)'
    },
    { id: 'se-connected.ordered', role: 'field', field: 'ordered', bullet: '-', text: '{{ordered:Beställt den}} (*)/{{received:mottaget den}} (*)' },
    { id: 'se-connected.names', role: 'field', field: 'names', bullet: '-', text: 'Konsumentens/konsumenternas namn' },
    { id: 'se-connected.address', role: 'field', field: 'address', bullet: '-', text: 'Konsumentens/konsumenternas adress' },
    {
      id: 'se-connected.signature',
      role: 'field',
      field: 'signature',
      bullet: '-',
      text: 'Konsumentens/konsumenternas underskrift (endast vid kommunikation på papper)'
    },
    { id: 'se-connected.date', role: 'field', field: 'date', bullet: '-', text: 'Datum samt ort för underskrift' }
  ],
  footnote: { id: 'se-connected.footnote', role: 'footnote', text: '(*) Stryk det som inte är tillämpligt', spaceBefore: true },
  footerLabels: { case: 'Ärendenummer', generated: 'Utskrivet' },
  formatDate: dateFormatter('iso')
}
