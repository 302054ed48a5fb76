// The words of the acknowledgement of receipt, one block per language, each using the market's own name
// for the right: fortrydelsesret, ångerrätt, direito de livre resolução, droit de rétractation,
// herroepingsrecht, Widerrufsrecht (the terms of the seeds and of the Directive's language versions).
// One consumer is addressed in the singular, several in the plural where the language makes a difference
// (da du/I, sv du/ni, pt seu/vosso); fr, nl and de use the polite «vous», «u», «Sie» for both.
import type { AckFacts, WithdrawnItem } from './acknowledgement'
import type { FormLanguage } from './types'

export interface AckWording {
  subject: (f: AckFacts) => string
  salutation: (f: AckFacts) => string
  /** That the notice was received, when, and what it withdraws. */
  received: (f: AckFacts) => string
  /** The refund, its amount and due date; or why there is none. */
  refund: (f: AckFacts) => string
  /** Keep the letter; where to write with questions. */
  keep: (f: AckFacts) => string
  closing: string
  /** Between a label and its value: ': ', or ' : ' with a no-break space in French. */
  colon: string
  /** What was withdrawn, for the table of facts. */
  item: (w: WithdrawnItem) => string
  labels: {
    case: string
    withdrawn: string
    contractReference: string
    purchaseReference: string
    received: string
    refund: string
    due: string
  }
}

const NBSP = '\u00a0'

export const WORDING: Readonly<Record<FormLanguage, AckWording>> = {
  da: {
    subject: (f) => `Bekræftelse: vi har modtaget ${f.plural ? 'jeres' : 'din'} fortrydelse (sag ${f.caseNumber})`,
    salutation: (f) => `Kære ${f.namesText}`,
    received: (f) => {
      const what = f.withdrawn.kind === 'purchase' ? `${f.plural ? 'jeres' : 'dit'} køb af »${f.withdrawn.name}«` : `${f.plural ? 'jeres' : 'din'} MINI Connected-kontrakt`
      return f.plural
        ? `Vi bekræfter, at vi den ${f.received} har modtaget jeres meddelelse om, at I gør jeres fortrydelsesret gældende for ${what}.`
        : `Vi bekræfter, at vi den ${f.received} har modtaget din meddelelse om, at du gør din fortrydelsesret gældende for ${what}.`
    },
    refund: (f) => {
      const you = f.plural ? 'I' : 'du'
      if (f.refundZero) {
        return f.charge !== undefined
          ? `De tjenester, der blev leveret, indtil ${you} fortrød, svarer til hele det beløb, ${you} har betalt (${f.paid}). Der er derfor ikke noget at tilbagebetale.`
          : `${f.plural ? 'I' : 'Du'} har ikke betalt noget, så der er ikke noget at tilbagebetale.`
      }
      const less = f.charge !== undefined ? ` Beløbet er det, ${you} har betalt, med fradrag af ${f.charge} for de tjenester, der blev leveret, indtil ${you} fortrød.` : ''
      return (
        `Vi tilbagebetaler ${f.refund} senest den ${f.due ?? ''} med samme betalingsmiddel, som ${you} brugte ved købet. ` +
        `Tilbagebetalingen koster ${f.plural ? 'jer' : 'dig'} ikke noget.${less}`
      )
    },
    keep: (f) =>
      f.plural
        ? `Gem gerne dette brev som dokumentation for, at vi har modtaget jeres fortrydelse. Har I spørgsmål, så skriv til ${f.email} og oplys sagsnummer ${f.caseNumber}.`
        : `Gem gerne dette brev som dokumentation for, at vi har modtaget din fortrydelse. Har du spørgsmål, så skriv til ${f.email} og oplys sagsnummer ${f.caseNumber}.`,
    closing: 'Med venlig hilsen',
    colon: ': ',
    item: (w) => (w.kind === 'purchase' ? w.name : 'MINI Connected-kontrakt'),
    labels: {
      case: 'Sagsnummer',
      withdrawn: 'Fortrydelsen gælder',
      contractReference: 'Kontraktnummer',
      purchaseReference: 'Ordrenummer',
      received: 'Meddelelsen modtaget',
      refund: 'Tilbagebetaling',
      due: 'Tilbagebetales senest'
    }
  },

  sv: {
    subject: (f) => `Bekräftelse: vi har tagit emot ${f.plural ? 'ert' : 'ditt'} meddelande om ånger (ärende ${f.caseNumber})`,
    salutation: (f) => `Hej ${f.namesText},`,
    received: (f) => {
      const what = f.withdrawn.kind === 'purchase' ? `${f.plural ? 'ert' : 'ditt'} köp av ”${f.withdrawn.name}”` : `${f.plural ? 'ert' : 'ditt'} MINI Connected-avtal`
      return f.plural
        ? `Vi bekräftar att vi den ${f.received} tog emot ert meddelande om att ni utnyttjar er ångerrätt för ${what}.`
        : `Vi bekräftar att vi den ${f.received} tog emot ditt meddelande om att du utnyttjar din ångerrätt för ${what}.`
    },
    refund: (f) => {
      const you = f.plural ? 'ni' : 'du'
      const self = f.plural ? 'er' : 'dig'
      if (f.refundZero) {
        return f.charge !== undefined
          ? `De tjänster som tillhandahölls fram till att ${you} ångrade ${self} motsvarar hela det belopp ${you} har betalat (${f.paid}). Det finns därför inget att betala tillbaka.`
          : `${f.plural ? 'Ni' : 'Du'} har inte betalat något, så det finns inget att betala tillbaka.`
      }
      const less = f.charge !== undefined ? ` Beloppet är det ${you} har betalat, minus ${f.charge} för de tjänster som tillhandahölls fram till att ${you} ångrade ${self}.` : ''
      return (
        `Vi betalar tillbaka ${f.refund} senast den ${f.due ?? ''}, med samma betalningssätt som ${you} använde vid köpet. ` +
        `Återbetalningen kostar ${self} ingenting.${less}`
      )
    },
    keep: (f) =>
      f.plural
        ? `Spara gärna det här brevet som bevis på att vi har tagit emot ert meddelande. Har ni frågor kan ni skriva till ${f.email} och ange ärendenummer ${f.caseNumber}.`
        : `Spara gärna det här brevet som bevis på att vi har tagit emot ditt meddelande. Har du frågor kan du skriva till ${f.email} och ange ärendenummer ${f.caseNumber}.`,
    closing: 'Med vänliga hälsningar',
    colon: ': ',
    item: (w) => (w.kind === 'purchase' ? w.name : 'MINI Connected-avtal'),
    labels: {
      case: 'Ärendenummer',
      withdrawn: 'Ångern gäller',
      contractReference: 'Avtalsnummer',
      purchaseReference: 'Ordernummer',
      received: 'Meddelandet mottaget',
      refund: 'Återbetalning',
      due: 'Återbetalas senast'
    }
  },

  pt: {
    subject: (f) => `Confirmação da receção ${f.plural ? 'da vossa' : 'da sua'} declaração de livre resolução (processo n.º ${f.caseNumber})`,
    salutation: (f) => `${f.plural ? 'Caros' : 'Caro(a)'} ${f.namesText},`,
    received: (f) => {
      const what =
        f.withdrawn.kind === 'purchase'
          ? `${f.plural ? 'à vossa' : 'à sua'} compra de «${f.withdrawn.name}»`
          : `${f.plural ? 'ao vosso' : 'ao seu'} contrato MINI Connected`
      return f.plural
        ? `Confirmamos que recebemos, em ${f.received}, a vossa declaração de que exercem o direito de livre resolução relativamente ${what}.`
        : `Confirmamos que recebemos, em ${f.received}, a sua declaração de que exerce o direito de livre resolução relativamente ${what}.`
    },
    refund: (f) => {
      if (f.refundZero) {
        return f.charge !== undefined
          ? `Os serviços prestados até ao exercício do direito de livre resolução correspondem à totalidade do montante pago (${f.paid}), pelo que não há lugar a reembolso.`
          : `Como não ${f.plural ? 'efetuaram' : 'efetuou'} qualquer pagamento, não há lugar a reembolso.`
      }
      const less =
        f.charge !== undefined
          ? ` Este montante corresponde ao que ${f.plural ? 'pagaram' : 'pagou'}, deduzido de ${f.charge} pelos serviços prestados até ao exercício do direito de livre resolução.`
          : ''
      return (
        `Reembolsaremos ${f.refund} até ${f.due ?? ''}, através do mesmo meio de pagamento que ${f.plural ? 'utilizaram' : 'utilizou'} na compra, ` +
        `sem quaisquer encargos.${less}`
      )
    },
    keep: (f) =>
      f.plural
        ? `Guardem esta carta como comprovativo da receção da vossa declaração. Para qualquer esclarecimento, contactem-nos através de ${f.email}, indicando o processo n.º ${f.caseNumber}.`
        : `Guarde esta carta como comprovativo da receção da sua declaração. Para qualquer esclarecimento, contacte-nos através de ${f.email}, indicando o processo n.º ${f.caseNumber}.`,
    closing: 'Com os melhores cumprimentos,',
    colon: ': ',
    item: (w) => (w.kind === 'purchase' ? w.name : 'Contrato MINI Connected'),
    labels: {
      case: 'Processo n.º',
      withdrawn: 'Objeto da livre resolução',
      contractReference: 'Contrato n.º',
      purchaseReference: 'Encomenda n.º',
      received: 'Declaração recebida em',
      refund: 'Reembolso',
      due: 'Reembolso até'
    }
  },

  fr: {
    subject: (f) => `Accusé de réception de votre rétractation (dossier n°${NBSP}${f.caseNumber})`,
    salutation: () => 'Madame, Monsieur,',
    received: (f) => {
      const what = f.withdrawn.kind === 'purchase' ? `votre achat «${NBSP}${f.withdrawn.name}${NBSP}»` : 'votre contrat MINI Connected'
      return `Nous vous confirmons avoir reçu, le ${f.received}, votre déclaration par laquelle vous exercez votre droit de rétractation pour ${what}.`
    },
    refund: (f) => {
      if (f.refundZero) {
        return f.charge !== undefined
          ? `Les services fournis jusqu’à votre rétractation correspondent à la totalité du montant payé (${f.paid})${NBSP}; aucun remboursement n’est donc dû.`
          : `Vous n’avez effectué aucun paiement${NBSP}; aucun remboursement n’est donc dû.`
      }
      const less = f.charge !== undefined ? ` Ce montant correspond à ce que vous avez payé, déduction faite de ${f.charge} pour les services fournis jusqu’à votre rétractation.` : ''
      return (
        `Nous vous rembourserons ${f.refund} au plus tard le ${f.due ?? ''}, par le même moyen de paiement que celui utilisé lors de l’achat${NBSP}; ` +
        `ce remboursement ne vous occasionnera aucun frais.${less}`
      )
    },
    keep: (f) =>
      `Nous vous invitons à conserver ce courrier comme preuve de la réception de votre rétractation. Pour toute question, écrivez-nous à ${f.email} en indiquant le numéro de dossier ${f.caseNumber}.`,
    closing: 'Veuillez agréer, Madame, Monsieur, nos salutations distinguées.',
    colon: `${NBSP}: `,
    item: (w) => (w.kind === 'purchase' ? w.name : 'Contrat MINI Connected'),
    labels: {
      case: 'Dossier n°',
      withdrawn: 'Objet de la rétractation',
      contractReference: 'Contrat n°',
      purchaseReference: 'Commande n°',
      received: 'Rétractation reçue le',
      refund: 'Remboursement',
      due: 'Remboursement au plus tard le'
    }
  },

  nl: {
    subject: (f) => `Ontvangstbevestiging van uw herroeping (dossier ${f.caseNumber})`,
    salutation: (f) => `Geachte ${f.namesText},`,
    received: (f) => {
      const what = f.withdrawn.kind === 'purchase' ? `uw aankoop van “${f.withdrawn.name}”` : 'uw MINI Connected-overeenkomst'
      return `Hierbij bevestigen wij dat wij op ${f.received} uw verklaring hebben ontvangen waarmee u uw herroepingsrecht uitoefent voor ${what}.`
    },
    refund: (f) => {
      if (f.refundZero) {
        return f.charge !== undefined
          ? `De diensten die tot uw herroeping werden geleverd, komen overeen met het volledige bedrag dat u hebt betaald (${f.paid}). Er valt dus niets terug te betalen.`
          : 'U hebt niets betaald; er valt dus niets terug te betalen.'
      }
      const less = f.charge !== undefined ? ` Dit bedrag is wat u hebt betaald, verminderd met ${f.charge} voor de diensten die tot uw herroeping werden geleverd.` : ''
      return `Wij betalen u ${f.refund} uiterlijk op ${f.due ?? ''} terug, met hetzelfde betaalmiddel dat u voor de aankoop hebt gebruikt. De terugbetaling kost u niets.${less}`
    },
    keep: (f) =>
      `Bewaar deze brief als bewijs dat wij uw herroeping hebben ontvangen. Hebt u vragen, schrijf ons dan via ${f.email} en vermeld dossiernummer ${f.caseNumber}.`,
    closing: 'Met vriendelijke groeten,',
    colon: ': ',
    item: (w) => (w.kind === 'purchase' ? w.name : 'MINI Connected-overeenkomst'),
    labels: {
      case: 'Dossiernummer',
      withdrawn: 'Herroeping van',
      contractReference: 'Overeenkomstnummer',
      purchaseReference: 'Bestelnummer',
      received: 'Verklaring ontvangen op',
      refund: 'Terugbetaling',
      due: 'Terugbetaling uiterlijk op'
    }
  },

  de: {
    subject: (f) => `Eingangsbestätigung Ihres Widerrufs (Vorgang ${f.caseNumber})`,
    salutation: (f) => `Guten Tag ${f.namesText},`,
    received: (f) => {
      const what = f.withdrawn.kind === 'purchase' ? `Ihren Kauf „${f.withdrawn.name}“` : 'Ihren MINI Connected-Vertrag'
      return `hiermit bestätigen wir, dass Ihre Erklärung, mit der Sie Ihr Widerrufsrecht für ${what} ausüben, am ${f.received} bei uns eingegangen ist.`
    },
    refund: (f) => {
      if (f.refundZero) {
        return f.charge !== undefined
          ? `Die bis zu Ihrem Widerruf erbrachten Dienstleistungen entsprechen dem vollen Betrag, den Sie gezahlt haben (${f.paid}). Eine Erstattung ergibt sich daher nicht.`
          : 'Sie haben nichts bezahlt; eine Erstattung entfällt daher.'
      }
      const less = f.charge !== undefined ? ` Der Betrag entspricht Ihrer Zahlung abzüglich ${f.charge} für die bis zu Ihrem Widerruf erbrachten Dienstleistungen.` : ''
      return (
        `Wir erstatten Ihnen ${f.refund} spätestens am ${f.due ?? ''}, und zwar über dasselbe Zahlungsmittel, das Sie beim Kauf verwendet haben. ` +
        `Für die Erstattung entstehen Ihnen keine Kosten.${less}`
      )
    },
    keep: (f) =>
      `Bitte bewahren Sie dieses Schreiben als Nachweis für den Eingang Ihres Widerrufs auf. Bei Fragen schreiben Sie uns an ${f.email} unter Angabe der Vorgangsnummer ${f.caseNumber}.`,
    closing: 'Mit freundlichen Grüßen',
    colon: ': ',
    item: (w) => (w.kind === 'purchase' ? w.name : 'MINI Connected-Vertrag'),
    labels: {
      case: 'Vorgangsnummer',
      withdrawn: 'Widerruf betrifft',
      contractReference: 'Vertragsnummer',
      purchaseReference: 'Bestellnummer',
      received: 'Erklärung eingegangen am',
      refund: 'Erstattung',
      due: 'Erstattung spätestens am'
    }
  }
}
