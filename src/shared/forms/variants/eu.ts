// PT, BE and LU: their seeds have no form (RULES.md §9), so the EU model withdrawal form of Directive
// 2011/83/EU, Annex I(B), is used in the official wording of each language (PT; BE: FR, NL, DE; LU: FR, DE).
import { dateFormatter, type FormTemplate } from '../template'
import type { FormRecipient } from '../types'

/** «[…]» of the model is the trader's instruction, replaced by the recipient: name, address, e-mail. */
function addressee(r: FormRecipient): string {
  return [r.name, r.address, r.email].filter((part): part is string => part !== undefined && part !== '').join(', ')
}

/**
 * Portugal: Decreto-Lei n.º 24/2014, de 14 de fevereiro, Anexo, parte B «Modelo de formulário de livre
 * resolução» (transposing Directive 2011/83/EU Annex I(B); Diário da República, 1.ª série, n.º 32,
 * 14-02-2014). The part letter «B.» is dropped because part A (the information form) is not printed.
 * The instruction «[inserir aqui o nome, o endereço geográfico e, sempre que existam, o número de fax e o
 * endereço de correio eletrónico do profissional]» is replaced by the PT II.6 recipient.
 */
export const PT_CONNECTED: FormTemplate = {
  id: 'pt-connected',
  language: 'pt',
  sources: [
    'Decreto-Lei n.º 24/2014, Anexo, parte B (Directive 2011/83/EU Annex I(B), PT)',
    'recipient: PT II.6 (seed 004 L419–L427)'
  ],
  title: 'Modelo de formulário de livre resolução',
  intro: '(só deve preencher e devolver o presente formulário se quiser resolver o contrato)',
  recipientLines: (r) => [{ id: 'pt-connected.to', role: 'recipient', bullet: '—', text: `Para ${addressee(r)}:` }],
  body: [
    {
      id: 'pt-connected.declaration',
      role: 'field',
      field: 'services',
      bullet: '—',
      text:
        'Pela presente {{singular:comunico}}/{{plural:comunicamos}} (*) que {{singular:resolvo}}/{{plural:resolvemos}} (*) ' +
        'do {{singular:meu}}/{{plural:nosso}} (*) contrato {{goods:de compra e venda do seguinte bem}} (*)/' +
        '{{services:para a prestação do seguinte serviço}} (*)'
    },
    { id: 'pt-connected.ordered', role: 'field', field: 'ordered', bullet: '—', text: '{{ordered:Solicitado em}} (*)/{{received:recebido em}} (*)' },
    { id: 'pt-connected.names', role: 'field', field: 'names', bullet: '—', text: 'Nome do(s) consumidor(es)' },
    { id: 'pt-connected.address', role: 'field', field: 'address', bullet: '—', text: 'Endereço do(s) consumidor(es)' },
    {
      id: 'pt-connected.signature',
      role: 'field',
      field: 'signature',
      bullet: '—',
      text: 'Assinatura do(s) consumidor(es) (só no caso de o presente formulário ser notificado em papel)'
    },
    { id: 'pt-connected.date', role: 'field', field: 'date', bullet: '—', text: 'Data' }
  ],
  footnote: { id: 'pt-connected.footnote', role: 'footnote', text: '(*) Riscar o que não interessa.', spaceBefore: true },
  footerLabels: { case: 'Processo n.º', generated: 'Emitido em' },
  formatDate: dateFormatter('slashes')
}

/**
 * Belgium and Luxembourg, in French (the default): the French text of Directive 2011/83/EU Annex I(B) «Modèle de formulaire de
 * rétractation» (OJ L 304, 22.11.2011, p. 64, EUR-Lex CELEX 32011L0083), taken over word for word by
 * the Belgian Code de droit économique (livre VI, annexe 2) and the Luxembourg Code de la consommation
 * (loi du 2 avril 2014). The instruction «[le professionnel insère ici son nom, son adresse géographique
 * et, lorsqu’ils sont disponibles, son numéro de télécopieur et son adresse électronique]» is replaced by the
 * supervisor's recipient setting (D5). French typography: a space before «:».
 */
export const FR_CONNECTED: FormTemplate = {
  id: 'fr-connected',
  language: 'fr',
  sources: [
    'Directive 2011/83/EU Annex I(B), FR (OJ L 304, 22.11.2011); BE: Code de droit économique, livre VI, annexe 2; LU: Code de la consommation',
    'recipient: supervisor setting (RULES.md §5, D5)'
  ],
  title: 'Modèle de formulaire de rétractation',
  intro: '(Veuillez compléter et renvoyer le présent formulaire uniquement si vous souhaitez vous rétracter du contrat.)',
  recipientLines: (r) => [{ id: 'fr-connected.to', role: 'recipient', bullet: '—', text: `À l’attention de ${addressee(r)} :` }],
  body: [
    {
      id: 'fr-connected.declaration',
      role: 'field',
      field: 'services',
      bullet: '—',
      text:
        '{{singular:Je}}/{{plural:Nous}} (*) vous {{singular:notifie}}/{{plural:notifions}} (*) par la présente ' +
        '{{singular:ma}}/{{plural:notre}} (*) rétractation du contrat portant sur {{goods:la vente du bien}} (*)/' +
        '{{services:pour la prestation de services}} (*) ci-dessous :'
    },
    { id: 'fr-connected.ordered', role: 'field', field: 'ordered', bullet: '—', text: '{{ordered:Commandé le}} (*)/{{received:reçu le}} (*) :' },
    { id: 'fr-connected.names', role: 'field', field: 'names', bullet: '—', text: 'Nom du (des) consommateur(s) :' },
    { id: 'fr-connected.address', role: 'field', field: 'address', bullet: '—', text: 'Adresse du (des) consommateur(s) :' },
    {
      id: 'fr-connected.signature',
      role: 'field',
      field: 'signature',
      bullet: '—',
      text: 'Signature du (des) consommateur(s) (uniquement en cas de notification du présent formulaire sur papier) :'
    },
    { id: 'fr-connected.date', role: 'field', field: 'date', bullet: '—', text: 'Date :' }
  ],
  footnote: { id: 'fr-connected.footnote', role: 'footnote', text: '(*) Rayez la mention inutile.', spaceBefore: true },
  footerLabels: { case: 'Dossier n°', generated: 'Établi le' },
  formatDate: dateFormatter('slashes')
}

/**
 * Belgium, in Dutch: Directive 2011/83/EU Annex I(B), NL «Modelformulier voor herroeping», the wording the
 * Belgian Code of Economic Law (boek VI, bijlage 2) takes over for «onderneming». The instruction «[hier
 * dienen de naam, het geografische adres en, indien beschikbaar, het faxnummer en e-mailadres van de
 * handelaar te worden ingevuld door de handelaar]» is replaced by the supervisor's recipient setting (D5).
 * Kept as the model writes it: «onze overeenkomst» carries no alternative, so it stays for one consumer too.
 * The goods alternative is «verkoop van de volgende goederen» after the shared article «de», so a struck
 * form reads «de levering van de volgende dienst».
 */
export const NL_CONNECTED: FormTemplate = {
  id: 'nl-connected',
  language: 'nl',
  name: 'Modelformulier voor herroeping',
  sources: [
    'Directive 2011/83/EU Annex I(B), NL (OJ L 304, 22.11.2011); BE: Wetboek van economisch recht, boek VI, bijlage 2',
    'recipient: supervisor setting (RULES.md §5, D5)'
  ],
  title: 'Modelformulier voor herroeping',
  intro: '(dit formulier alleen invullen en terugzenden wanneer u de overeenkomst wilt herroepen)',
  recipientLines: (r) => [{ id: 'nl-connected.to', role: 'recipient', bullet: '—', text: `Aan ${addressee(r)}:` }],
  body: [
    {
      id: 'nl-connected.declaration',
      role: 'field',
      field: 'services',
      bullet: '—',
      text:
        '{{singular:Ik}}/{{plural:Wij}} (*) {{singular:deel}}/{{plural:delen}} (*) u hierbij mede dat {{singular:ik}}/{{plural:wij}} (*) ' +
        'onze overeenkomst betreffende de {{goods:verkoop van de volgende goederen}}/{{services:levering van de volgende dienst}} (*) ' +
        '{{singular:herroep}}/{{plural:herroepen}} (*)'
    },
    { id: 'nl-connected.ordered', role: 'field', field: 'ordered', bullet: '—', text: '{{ordered:Besteld op}} (*)/{{received:ontvangen op}} (*)' },
    { id: 'nl-connected.names', role: 'field', field: 'names', bullet: '—', text: 'Naam/Namen consument(en)' },
    { id: 'nl-connected.address', role: 'field', field: 'address', bullet: '—', text: 'Adres consument(en)' },
    {
      id: 'nl-connected.signature',
      role: 'field',
      field: 'signature',
      bullet: '—',
      text: 'Handtekening van consument(en) (alleen wanneer dit formulier op papier wordt ingediend)'
    },
    { id: 'nl-connected.date', role: 'field', field: 'date', bullet: '—', text: 'Datum' }
  ],
  footnote: { id: 'nl-connected.footnote', role: 'footnote', text: '(*) Doorhalen wat niet van toepassing is.', spaceBefore: true },
  footerLabels: { case: 'Dossiernummer', generated: 'Opgemaakt op' },
  formatDate: dateFormatter('slashes')
}

/**
 * Belgium and Luxembourg, in German: Directive 2011/83/EU Annex I(B), DE «Muster-Widerrufsformular» (the
 * same words as the German BGB, Anlage 2 zu Art. 246a EGBGB). Neither the Belgian nor the Luxembourg law
 * has an official German text of its own, so the Directive's is used. The instruction «[hier ist der Name,
 * die Anschrift und gegebenenfalls die Faxnummer und E-Mail-Adresse des Gewerbetreibenden durch den
 * Gewerbetreibenden einzufügen]» is replaced by the supervisor's recipient setting (D5). «widerrufe(n)»
 * carries no `(*)` and stays as written.
 */
export const DE_CONNECTED: FormTemplate = {
  id: 'de-connected',
  language: 'de',
  name: 'Muster-Widerrufsformular',
  sources: ['Directive 2011/83/EU Annex I(B), DE (OJ L 304, 22.11.2011)', 'recipient: supervisor setting (RULES.md §5, D5)'],
  title: 'Muster-Widerrufsformular',
  intro: '(Wenn Sie den Vertrag widerrufen wollen, dann füllen Sie bitte dieses Formular aus und senden Sie es zurück.)',
  recipientLines: (r) => [{ id: 'de-connected.to', role: 'recipient', bullet: '—', text: `An ${addressee(r)}:` }],
  body: [
    {
      id: 'de-connected.declaration',
      role: 'field',
      field: 'services',
      bullet: '—',
      text:
        'Hiermit widerrufe(n) {{singular:ich}}/{{plural:wir}} (*) den von {{singular:mir}}/{{plural:uns}} (*) abgeschlossenen Vertrag über ' +
        '{{goods:den Kauf der folgenden Waren}} (*)/{{services:die Erbringung der folgenden Dienstleistung}} (*)'
    },
    { id: 'de-connected.ordered', role: 'field', field: 'ordered', bullet: '—', text: '{{ordered:Bestellt am}} (*)/{{received:erhalten am}} (*)' },
    { id: 'de-connected.names', role: 'field', field: 'names', bullet: '—', text: 'Name des/der Verbraucher(s)' },
    { id: 'de-connected.address', role: 'field', field: 'address', bullet: '—', text: 'Anschrift des/der Verbraucher(s)' },
    {
      id: 'de-connected.signature',
      role: 'field',
      field: 'signature',
      bullet: '—',
      text: 'Unterschrift des/der Verbraucher(s) (nur bei Mitteilung auf Papier)'
    },
    { id: 'de-connected.date', role: 'field', field: 'date', bullet: '—', text: 'Datum' }
  ],
  footnote: { id: 'de-connected.footnote', role: 'footnote', text: '(*) Unzutreffendes streichen.', spaceBefore: true },
  footerLabels: { case: 'Vorgangsnummer', generated: 'Erstellt am' },
  formatDate: dateFormatter('dots')
}
