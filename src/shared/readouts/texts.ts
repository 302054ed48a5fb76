import type { KeptFunction } from '../rules'
import type { ReadOutKey, ReadOutLanguage } from './types'

/**
 * Every sentence an agent reads out to a customer, in the customer's language. Where a seed has the
 * sentence, its wording is quoted (the comment names the seed line; `../shared/seeds/`); the rest is
 * written in the seeds' own terms (glossary: src/renderer/src/i18n/glossary.md). Dutch and German have no
 * seed: they follow the Belgian French text and the terms of the Dutch and German consumer-law versions.
 *
 * Placeholders, filled by `readOut` in the customer's conventions: {date} a date in words, {amount} money,
 * {services} a list, {product} a product's name.
 */
export type Sentences = Readonly<Record<ReadOutKey, string>>

export const SENTENCES: Readonly<Record<ReadOutLanguage, Sentences>> = {
  da: {
    'emergency-call-lost': 'Når SIM-kortet er deaktiveret, virker nødopkaldet i køretøjet ikke længere: intet nødopkald af nogen art er muligt, heller ikke det automatiske opkald efter en ulykke.',
    // seed 001 L60–L62 (GTC 1.6): «Deaktivering af SIM-kortet deaktiverer alle Tjenester, undtagen lovbestemte funktioner og overførsel af data»
    'intelligent-ecall-lost': 'Deaktivering af SIM-kortet deaktiverer alle Tjenester, undtagen lovbestemte funktioner og overførsel af data. Intelligent eCall (opkaldet til MINI’s callcenter) virker derfor ikke længere.',
    // seed 001 L72–L75 (GTC 1.6 c)
    'activated-functions-offline': 'Funktioner, der allerede er aktiveret med en kode, virker fortsat. Hvis en del af en sådan funktion kræver en online dataforbindelse, vil denne del ikke længere være tilgængelig efter deaktivering af SIM-kortet.',
    // seed 001 L67 (GTC 1.6 b): «levering af relevante elektroniske kortdata»
    'no-legal-ecall-map-data-only': 'Køretøjet har ikke det lovpligtige nødopkald (Legal eCall): SIM-kortet forbliver kun aktivt til levering af relevante elektroniske kortdata. Intet nødopkald vil virke fra køretøjet.',
    // seed 001 L64–L65 (GTC 1.6 a): «anerkendes dette som en tilbagetrækning fra den indgåede MINI Connected-kontrakt»
    'contract-withdrawal': 'Din anmodning anerkendes som en tilbagetrækning fra den indgåede MINI Connected-kontrakt: kontrakten ophører, som om den aldrig var indgået.',
    'purchase-withdrawal': 'Du udøver din fortrydelsesret for {product}: aftalen ophører, som om den aldrig var indgået.',
    // seed 001 L501 (GTC 8.1): «med en måneds varsel»
    'contract-termination': 'Din MINI Connected-kontrakt opsiges med en måneds varsel og ophører den {date}.',
    'contract-none': 'Din MINI Connected-kontrakt fortsætter uændret.',
    // seed 001 L550–L552 (GTC 8.7)
    'refund-none': 'MINI’s forpligtelse til at levere de berørte Tjenester suspenderes uden refusion på tidspunktet for deaktiveringen.',
    // seed 001 L771–L777 (GTC 14): «tilbagebetale til dig alle betalinger, vi har modtaget fra dig … med samme betalingsmiddel»
    'refund-all-payments': 'Vi tilbagebetaler alle betalinger, vi har modtaget fra dig, med samme betalingsmiddel, som du benyttede, og uden nogen former for gebyrer.',
    'refund-amount': 'Vi tilbagebetaler {amount} senest den {date} med samme betalingsmiddel, som du benyttede.',
    'refund-nothing': 'Der er intet at tilbagebetale: du har ikke betalt mere end for de tjenester, der allerede er leveret.',
    'services-kept': 'Du beholder: {services}.',
    'services-kept-none': 'Du beholder ingen tjenester og intet nødopkald af nogen art.',
    'services-lost': 'Disse tjenester stopper: {services}.',
    'acknowledge-emergency-call-loss': 'Bekræfter du, at du ønsker SIM-kortet deaktiveret, selv om intet nødopkald af nogen art derefter vil virke fra køretøjet?'
  },
  sv: {
    'emergency-call-lost': 'När SIM-kortet har inaktiverats fungerar nödsamtalet i fordonet inte längre: inget nödsamtal av något slag är möjligt, inte ens det automatiska samtalet efter en olycka.',
    // seed 003 L47–L48 (1.6): «Inaktivering av SIM-kortet inaktiverar alla Tjänster, förutom lagstadgade funktioner och överföring av endast data»
    'intelligent-ecall-lost': 'Inaktivering av SIM-kortet inaktiverar alla Tjänster, förutom lagstadgade funktioner och överföring av endast data. Intelligent nödsamtal (samtalet till MINI:s callcenter) slutar därför att fungera.',
    // seed 003 L63–L66 (1.6 c)
    'activated-functions-offline': 'Funktioner som redan har aktiverats med en kod fortsätter att fungera. Om någon del av en sådan funktion kräver en onlineanslutning, kommer denna del inte längre att vara tillgänglig efter inaktivering av SIM-kortet.',
    // seed 003 L59 (1.6 b): «tillhandahållande av elektroniska kartdata»; L1363 «Legal eCall (Lagstadgat nödsamtal)»
    'no-legal-ecall-map-data-only': 'Fordonet har inget Lagstadgat nödsamtal (Legal eCall): SIM-kortet förblir aktivt endast för tillhandahållande av elektroniska kartdata. Inget nödsamtal kommer att fungera från fordonet.',
    // seed 003 L53–L54 (1.6 a): «ses detta som ett utövande av Konsumentens ångerrätt av det ingångna MINI Connected-avtalet»
    'contract-withdrawal': 'Din begäran ses som ett utövande av din ångerrätt av det ingångna MINI Connected-avtalet: avtalet upphör som om det aldrig hade ingåtts.',
    'purchase-withdrawal': 'Du utövar din ångerrätt för {product}: avtalet upphör som om det aldrig hade ingåtts.',
    // seed 003 L469 (8.1): «med 1 (en) månads uppsägningstid»
    'contract-termination': 'Ditt MINI Connected-avtal sägs upp med en månads uppsägningstid och upphör den {date}.',
    'contract-none': 'Ditt MINI Connected-avtal fortsätter oförändrat.',
    // seed 003 L514–L516 (8.8)
    'refund-none': 'Inaktiveringen upphäver MINI:s skyldighet att tillhandahålla berörda Tjänster utan någon återbetalning vid tidpunkten för inaktiveringen.',
    // seed 003 L706–L712 (§15): «återbetalar vi alla betalningar som vi har erhållit från kunden … samma betalningsmetod»
    'refund-all-payments': 'Vi återbetalar alla betalningar som vi har erhållit från dig, med samma betalningsmetod som du använde och utan någon avgift.',
    'refund-amount': 'Vi återbetalar {amount} senast den {date}, med samma betalningsmetod som du använde.',
    'refund-nothing': 'Det finns inget att återbetala: du har inte betalat mer än för de tjänster som redan har tillhandahållits.',
    'services-kept': 'Du behåller: {services}.',
    'services-kept-none': 'Du behåller inga tjänster och inget nödsamtal av något slag.',
    'services-lost': 'Dessa tjänster upphör: {services}.',
    'acknowledge-emergency-call-loss': 'Bekräftar du att du vill att SIM-kortet inaktiveras, trots att inget nödsamtal av något slag därefter kommer att fungera från fordonet?'
  },
  pt: {
    // seed 004 L375 (II.5.1): «terá como consequência que a chamada de emergência no veículo deixará de funcionar»
    'emergency-call-lost': 'A desativação do cartão SIM terá como consequência que a chamada de emergência no veículo deixará de funcionar: não será possível nenhum tipo de chamada de emergência, nem sequer a chamada automática em caso de acidente.',
    // seed 004 L375 (II.5.1) and L47 (I.1.2): «eCall Inteligente», «central telefónica da MINI»
    'intelligent-ecall-lost': 'O serviço «eCall Inteligente» (a chamada para a central telefónica da MINI) e todos os serviços MINI Connected deixarão de funcionar.',
    'activated-functions-offline': 'As funções já ativadas com um código continuam a funcionar; as partes dessas funções que precisam de uma ligação online deixarão de estar disponíveis.',
    'no-legal-ecall-map-data-only': 'O veículo não tem eCall legal: o cartão SIM fica ativo apenas para fornecer os dados cartográficos exigidos por lei. Nenhuma chamada de emergência funcionará a partir do veículo.',
    'contract-withdrawal': 'O seu pedido vale como exercício do direito de livre resolução do contrato MINI Connected: o contrato cessa como se nunca tivesse sido celebrado.',
    'purchase-withdrawal': 'Exerce o seu direito de livre resolução relativamente a {product}: o contrato cessa como se nunca tivesse sido celebrado.',
    'contract-termination': 'O seu contrato MINI Connected cessa em {date}.',
    'contract-none': 'O seu contrato MINI Connected mantém-se inalterado.',
    // seed 004 L381 (II.5.2): «o preço estabelecido para o serviço não será devolvido em termos proporcionais»
    'refund-none': 'Os serviços em causa terminam com a desativação, sem reembolso.',
    'refund-all-payments': 'Todos os pagamentos que efetuou serão reembolsados, pelo mesmo meio de pagamento e sem quaisquer encargos.',
    // seed 004 L435 (II.6): reembolso «dentro do prazo de 30 dias»
    'refund-amount': 'O montante de {amount} ser-lhe-á reembolsado até {date}, o mais tardar, pelo mesmo meio de pagamento.',
    'refund-nothing': 'Não há lugar a reembolso: não pagou nada além dos serviços já prestados.',
    'services-kept': 'Mantém: {services}.',
    'services-kept-none': 'Não mantém nenhum serviço nem qualquer tipo de chamada de emergência.',
    'services-lost': 'Estes serviços terminam: {services}.',
    'acknowledge-emergency-call-loss': 'Confirma que pretende a desativação do cartão SIM, sabendo que a chamada de emergência no veículo deixará de funcionar?'
  },
  fr: {
    // seed 000 L143: «La demande de désactivation des Services entraînera le blocage de l'unité téléphonique (carte SIM)»
    'emergency-call-lost': 'La demande de désactivation entraînera le blocage de la carte SIM installée dans le véhicule : l’appel d’urgence du véhicule ne fonctionnera plus. Aucun appel d’urgence ne sera possible, pas même l’appel automatique après un accident.',
    // seed 000 L143: «vous ne pourrez plus prétendre bénéficier d'aucun des Services, et en particulier de l'Appel d'Urgence Intelligent»
    'intelligent-ecall-lost': 'Vous ne pourrez plus prétendre bénéficier d’aucun des Services MINI Connected, et en particulier de l’Appel d’Urgence Intelligent (l’appel vers le centre d’appels MINI).',
    'activated-functions-offline': 'Les fonctions déjà activées par un code continuent de fonctionner ; les parties de ces fonctions qui nécessitent une connexion en ligne ne seront plus disponibles.',
    // seed 000 L147: «l'Appel d'Urgence UE, obligatoire légalement»
    'no-legal-ecall-map-data-only': 'Le véhicule n’est pas équipé de l’Appel d’Urgence UE : la carte SIM reste active uniquement pour fournir les données cartographiques légalement requises. Aucun appel d’urgence ne fonctionnera depuis le véhicule.',
    'contract-withdrawal': 'Votre demande vaut exercice de votre droit de rétractation du contrat MINI Connected : le contrat prend fin comme s’il n’avait jamais été conclu.',
    'purchase-withdrawal': 'Vous exercez votre droit de rétractation pour {product} : le contrat prend fin comme s’il n’avait jamais été conclu.',
    'contract-termination': 'Votre contrat MINI Connected est résilié et prend fin le {date}.',
    'contract-none': 'Votre contrat MINI Connected reste inchangé.',
    'refund-none': 'Les services concernés s’arrêtent dès la désactivation, sans remboursement.',
    'refund-all-payments': 'Tous les paiements que vous avez effectués vous seront remboursés, par le même moyen de paiement et sans frais.',
    'refund-amount': 'Le montant de {amount} vous sera remboursé au plus tard le {date}, par le même moyen de paiement.',
    'refund-nothing': 'Aucun remboursement n’est dû : vous n’avez rien payé au-delà des services déjà fournis.',
    'services-kept': 'Vous conservez : {services}.',
    'services-kept-none': 'Vous ne conservez aucun service ni aucun appel d’urgence.',
    'services-lost': 'Ces services s’arrêtent : {services}.',
    'acknowledge-emergency-call-loss': 'Confirmez-vous que vous souhaitez la désactivation de la carte SIM, en sachant qu’aucun appel d’urgence ne fonctionnera plus depuis le véhicule ?'
  },
  nl: {
    'emergency-call-lost': 'Zodra de simkaart is gedeactiveerd, werkt de noodoproep in het voertuig niet meer: er is geen enkele noodoproep meer mogelijk, ook niet de automatische oproep na een ongeval.',
    'intelligent-ecall-lost': 'U kunt geen aanspraak meer maken op de MINI Connected-diensten, en in het bijzonder niet op de Intelligente Noodoproep (de oproep naar het MINI-callcenter).',
    'activated-functions-offline': 'Functies die al met een code zijn geactiveerd, blijven werken; onderdelen van die functies die een onlineverbinding nodig hebben, zijn niet langer beschikbaar.',
    'no-legal-ecall-map-data-only': 'Het voertuig heeft geen wettelijke eCall: de simkaart blijft alleen actief voor de wettelijk vereiste kaartgegevens. Vanuit het voertuig werkt geen enkele noodoproep.',
    'contract-withdrawal': 'Uw verzoek geldt als uitoefening van uw herroepingsrecht voor de MINI Connected-overeenkomst: de overeenkomst eindigt alsof ze nooit gesloten was.',
    'purchase-withdrawal': 'U oefent uw herroepingsrecht uit voor {product}: de overeenkomst eindigt alsof ze nooit gesloten was.',
    'contract-termination': 'Uw MINI Connected-overeenkomst wordt opgezegd en eindigt op {date}.',
    'contract-none': 'Uw MINI Connected-overeenkomst blijft ongewijzigd.',
    'refund-none': 'De betrokken diensten stoppen bij de deactivering, zonder terugbetaling.',
    'refund-all-payments': 'Alle betalingen die u hebt gedaan, worden terugbetaald, met hetzelfde betaalmiddel en zonder kosten.',
    'refund-amount': 'U krijgt {amount} uiterlijk op {date} terugbetaald, met hetzelfde betaalmiddel.',
    'refund-nothing': 'Er wordt niets terugbetaald: u hebt niet meer betaald dan voor de diensten die al zijn geleverd.',
    'services-kept': 'U behoudt: {services}.',
    'services-kept-none': 'U behoudt geen enkele dienst en geen enkele noodoproep.',
    'services-lost': 'Deze diensten stoppen: {services}.',
    'acknowledge-emergency-call-loss': 'Bevestigt u dat u de simkaart wilt laten deactiveren, in de wetenschap dat vanuit het voertuig geen enkele noodoproep meer werkt?'
  },
  de: {
    'emergency-call-lost': 'Sobald die SIM-Karte deaktiviert ist, funktioniert der Notruf im Fahrzeug nicht mehr: Es ist keinerlei Notruf mehr möglich, auch nicht der automatische Notruf nach einem Unfall.',
    'intelligent-ecall-lost': 'Sie können keinen der MINI Connected Dienste mehr in Anspruch nehmen, insbesondere nicht den Intelligenten Notruf (den Anruf beim MINI Callcenter).',
    'activated-functions-offline': 'Bereits mit einem Code freigeschaltete Funktionen funktionieren weiter; Teile davon, die eine Online-Verbindung benötigen, stehen nicht mehr zur Verfügung.',
    'no-legal-ecall-map-data-only': 'Das Fahrzeug hat keinen gesetzlichen eCall-Notruf: Die SIM-Karte bleibt nur für die gesetzlich vorgeschriebenen Kartendaten aktiv. Aus dem Fahrzeug funktioniert kein Notruf.',
    'contract-withdrawal': 'Ihr Antrag gilt als Ausübung Ihres Widerrufsrechts für den MINI Connected Vertrag: Der Vertrag endet, als wäre er nie geschlossen worden.',
    'purchase-withdrawal': 'Sie üben Ihr Widerrufsrecht für {product} aus: Der Vertrag endet, als wäre er nie geschlossen worden.',
    'contract-termination': 'Ihr MINI Connected Vertrag wird gekündigt und endet am {date}.',
    'contract-none': 'Ihr MINI Connected Vertrag bleibt unverändert bestehen.',
    'refund-none': 'Die betroffenen Dienste enden mit der Deaktivierung, ohne Rückerstattung.',
    'refund-all-payments': 'Alle Zahlungen, die Sie geleistet haben, werden Ihnen mit demselben Zahlungsmittel und ohne Gebühren erstattet.',
    'refund-amount': 'Sie erhalten {amount} spätestens am {date} mit demselben Zahlungsmittel zurück.',
    'refund-nothing': 'Es wird nichts erstattet: Sie haben nicht mehr bezahlt als für die bereits erbrachten Leistungen.',
    'services-kept': 'Sie behalten: {services}.',
    'services-kept-none': 'Sie behalten keinen Dienst und keinerlei Notruf.',
    'services-lost': 'Diese Dienste werden beendet: {services}.',
    'acknowledge-emergency-call-loss': 'Bestätigen Sie, dass Sie die Deaktivierung der SIM-Karte wünschen, obwohl danach aus dem Fahrzeug keinerlei Notruf mehr möglich ist?'
  },
  en: {
    // RULES.md §3, after PT II.5.1: "the emergency call will no longer work"
    'emergency-call-lost': 'Once the SIM is deactivated, the emergency call in the vehicle will no longer work: no emergency call of any kind will be possible, not even the automatic call after an accident.',
    'intelligent-ecall-lost': 'You will no longer have any of the MINI Connected services, and in particular not Intelligent Emergency Call (the call to the MINI call centre).',
    'activated-functions-offline': 'Functions already activated with a code keep working; any part of them that needs an online connection will no longer be available.',
    'no-legal-ecall-map-data-only': 'The vehicle has no legal eCall: the SIM stays active only to provide the map data required by law. No emergency call will work from the vehicle.',
    'contract-withdrawal': 'Your request counts as a withdrawal from the MINI Connected contract: the contract ends as if it had never been concluded.',
    'purchase-withdrawal': 'You are withdrawing from {product}: the contract ends as if it had never been concluded.',
    'contract-termination': 'Your MINI Connected contract is terminated and ends on {date}.',
    'contract-none': 'Your MINI Connected contract continues unchanged.',
    'refund-none': 'The services concerned stop when the SIM is deactivated, without refund.',
    'refund-all-payments': 'All payments you made are refunded, by the same means of payment and without any fee.',
    'refund-amount': 'You will be refunded {amount} by {date} at the latest, by the same means of payment.',
    'refund-nothing': 'There is nothing to refund: you paid no more than the services already provided.',
    'services-kept': 'You keep: {services}.',
    'services-kept-none': 'You keep no service and no emergency call of any kind.',
    'services-lost': 'These services stop: {services}.',
    'acknowledge-emergency-call-loss': 'Do you confirm that you want the SIM deactivated, knowing that no emergency call of any kind will work from the vehicle?'
  }
}

/** The legally required functions a deactivated SIM keeps (RULES.md §2 ECALL_ONLY), as the customer hears them. */
export const KEPT_FUNCTIONS: Readonly<Record<ReadOutLanguage, Readonly<Record<KeptFunction, string>>>> = {
  // seed 001 L2599–L2601: «Intelligent eCall, Legal eCall og PSAP eCall (den offentlige alarmcentral)»; L67 «levering af relevante elektroniske kortdata»
  da: { 'legal-ecall': 'Legal eCall (det lovpligtige EU-nødopkald til alarmcentralen 112)', 'psap-voice-call': 'PSAP eCall (taleforbindelse med den offentlige alarmcentral)', 'legal-map-data': 'levering af relevante elektroniske kortdata' },
  // seed 003 L1363–L1364: «Legal eCall (Lagstadgat nödsamtal) och PSAP eCall (…) (Nödsamtal till alarmeringstjänst)»
  sv: { 'legal-ecall': 'Lagstadgat nödsamtal (Legal eCall till larmcentralen via 112)', 'psap-voice-call': 'Nödsamtal till alarmeringstjänst (röstsamtal med larmcentralen)', 'legal-map-data': 'tillhandahållande av elektroniska kartdata' },
  pt: { 'legal-ecall': 'o eCall legal da UE (chamada automática para o 112)', 'psap-voice-call': 'a chamada de voz com a central de emergência', 'legal-map-data': 'os dados cartográficos exigidos por lei' },
  // seed 000 L147: «l'Appel d'Urgence UE»
  fr: { 'legal-ecall': 'l’Appel d’Urgence UE (appel automatique vers le 112)', 'psap-voice-call': 'la communication vocale avec le centre d’appels d’urgence', 'legal-map-data': 'les données cartographiques légalement requises' },
  nl: { 'legal-ecall': 'de wettelijke eCall (automatische oproep naar 112)', 'psap-voice-call': 'de spraakverbinding met de meldkamer', 'legal-map-data': 'de wettelijk vereiste kaartgegevens' },
  de: { 'legal-ecall': 'den gesetzlichen eCall-Notruf (automatischer Notruf an die 112)', 'psap-voice-call': 'die Sprachverbindung mit der Notrufzentrale', 'legal-map-data': 'die gesetzlich vorgeschriebenen Kartendaten' },
  en: { 'legal-ecall': 'legal EU eCall (the automatic call to the 112 emergency centre)', 'psap-voice-call': 'the voice call with the public emergency centre', 'legal-map-data': 'the map data required by law' }
}
