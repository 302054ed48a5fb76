// PT, BE and LU: their seeds have no form (RULES.md §9), so the EU model withdrawal form of Directive
// 2011/83/EU, Annex I(B), is used in the official wording of the national transposition.
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
 * Belgium and Luxembourg: the French text of Directive 2011/83/EU Annex I(B) «Modèle de formulaire de
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
