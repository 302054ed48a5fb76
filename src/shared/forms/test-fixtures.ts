// The forms' wording as the sources print it, copied by hand for the tests (never computed from the code
// under test). DK: ../shared/spec/sources/seed-001-dk.md §3.4; SE: seed-003-se.md §3.2 (one logical line
// per line); PT: Decreto-Lei n.º 24/2014, Anexo, parte B; BE/LU: Directive 2011/83/EU Annex I(B), FR, NL, DE.

export const DK_CONNECTED_LINES = [
  'Standardfortrydelsesformular:',
  '(Hvis du ønsker at fortryde denne kontrakt, bedes du udfylde og returnere denne formular.)',
  'Til: BMW Northern Europe AB',
  'E-mail:  miniconnected.dk@mini.dk',
  '- Jeg/vi (*) tilbagekalder hermed den af mig/os (*) indgåede kontrakt om køb af følgende varer (*)/levering af følgende Tjenester (*)',
  '- Bestilt den (*)/modtaget den (*)',
  '- Forbrugerens navn/forbrugernes navne',
  '- Adresse på forbrugeren/forbrugerne',
  '- Forbrugerens/forbrugernes underskrift ( I tilfælde af kommunikationpå papir)',
  '- Dato',
  '(*) Det ikke relevante overstreges'
]

export const DK_SERVICE_INCLUSIVE_LINES = [
  'Bilag – Model for udtrædelsesformular',
  '1. Fortrydelsesformular',
  '- Til: BMW Danmark A/S, Borgmester Christiansens Gade 50, 2450 København SV eller miniconnected.dk@mini.dk:',
  '- Jeg meddeler herved, at jeg ønsker at gøre fortrydelsesretten gældende i forbindelse med min købsaftale om levering af følgende tjenesteydelser:',
  '_________________________________________________',
  '- Bestilt den ___ /modtaget den ___',
  '- Forbrugerens navn',
  '- Forbrugerens adresse',
  '- Forbrugerens underskrift (Forbrugernes underskrifter) (kun hvis formularens indhold meddeles på papir)',
  '_______________________________',
  '- Dato'
]

export const SE_LINES = [
  'Formulär för utövande av ångerrätt:',
  'Till:',
  'BMW Northern Europe AB',
  'Mini Connected Kundservice:',
  'miniconnected.se@mini.se',
  'Vetenskapsvägen 10, 191 38 Sollentuna',
  'Information om konsument',
  'Namn:',
  'Namn 2 (om ni är fler som gjort köpet):',
  'Adress:',
  'Telefonnummer:',
  'E-post:',
  '- Jag/vi (*) återkallar härmed det av mig/oss (*) ingångna avtalet om köp av följande varor (*)/tillhandahållandet av följande tjänster (*)',
  '- Beställt den (*)/mottaget den (*)',
  '- Konsumentens/konsumenternas namn',
  '- Konsumentens/konsumenternas adress',
  '- Konsumentens/konsumenternas underskrift (endast vid kommunikation på papper)',
  '- Datum samt ort för underskrift',
  '(*) Stryk det som inte är tillämpligt'
]

export const PT_LINES = [
  'Modelo de formulário de livre resolução',
  '(só deve preencher e devolver o presente formulário se quiser resolver o contrato)',
  '— Para BMW Portugal, Lda., Lagoas Park, Edifício 11, 2.º Piso, 2740-422 Porto Salvo, info@MINI.pt:',
  '— Pela presente comunico/comunicamos (*) que resolvo/resolvemos (*) do meu/nosso (*) contrato de compra e venda do seguinte bem (*)/para a prestação do seguinte serviço (*)',
  '— Solicitado em (*)/recebido em (*)',
  '— Nome do(s) consumidor(es)',
  '— Endereço do(s) consumidor(es)',
  '— Assinatura do(s) consumidor(es) (só no caso de o presente formulário ser notificado em papel)',
  '— Data',
  '(*) Riscar o que não interessa.'
]

/** Without the addressee line, which carries the supervisor's setting. */
export const FR_LINES = [
  'Modèle de formulaire de rétractation',
  '(Veuillez compléter et renvoyer le présent formulaire uniquement si vous souhaitez vous rétracter du contrat.)',
  '— Je/Nous (*) vous notifie/notifions (*) par la présente ma/notre (*) rétractation du contrat portant sur la vente du bien (*)/pour la prestation de services (*) ci-dessous :',
  '— Commandé le (*)/reçu le (*) :',
  '— Nom du (des) consommateur(s) :',
  '— Adresse du (des) consommateur(s) :',
  '— Signature du (des) consommateur(s) (uniquement en cas de notification du présent formulaire sur papier) :',
  '— Date :',
  '(*) Rayez la mention inutile.'
]

/** DK SI prefilled for several consumers (variants/dk.ts, README): the plural in the annex's bracket style. */
export const DK_SERVICE_INCLUSIVE_SEVERAL_LINES = [
  'Bilag – Model for udtrædelsesformular',
  '1. Fortrydelsesformular',
  '- Til: BMW Danmark A/S, Borgmester Christiansens Gade 50, 2450 København SV eller miniconnected.dk@mini.dk:',
  '- Jeg (Vi) meddeler herved, at jeg (vi) ønsker at gøre fortrydelsesretten gældende i forbindelse med min (vores) købsaftale om levering af følgende tjenesteydelser:',
  '_________________________________________________',
  '- Bestilt den ___ /modtaget den ___',
  '- Forbrugerens navn (Forbrugernes navne)',
  '- Forbrugerens adresse (Forbrugernes adresse)',
  '- Forbrugerens underskrift (Forbrugernes underskrifter) (kun hvis formularens indhold meddeles på papir)',
  '_______________________________',
  '- Dato'
]

/** BE in Dutch: Directive 2011/83/EU Annex I(B), NL, without the addressee line. */
export const NL_LINES = [
  'Modelformulier voor herroeping',
  '(dit formulier alleen invullen en terugzenden wanneer u de overeenkomst wilt herroepen)',
  '— Ik/Wij (*) deel/delen (*) u hierbij mede dat ik/wij (*) onze overeenkomst betreffende de verkoop van de volgende goederen/levering van de volgende dienst (*) herroep/herroepen (*)',
  '— Besteld op (*)/ontvangen op (*)',
  '— Naam/Namen consument(en)',
  '— Adres consument(en)',
  '— Handtekening van consument(en) (alleen wanneer dit formulier op papier wordt ingediend)',
  '— Datum',
  '(*) Doorhalen wat niet van toepassing is.'
]

/** BE and LU in German: Directive 2011/83/EU Annex I(B), DE, without the addressee line. */
export const DE_LINES = [
  'Muster-Widerrufsformular',
  '(Wenn Sie den Vertrag widerrufen wollen, dann füllen Sie bitte dieses Formular aus und senden Sie es zurück.)',
  '— Hiermit widerrufe(n) ich/wir (*) den von mir/uns (*) abgeschlossenen Vertrag über den Kauf der folgenden Waren (*)/die Erbringung der folgenden Dienstleistung (*)',
  '— Bestellt am (*)/erhalten am (*)',
  '— Name des/der Verbraucher(s)',
  '— Anschrift des/der Verbraucher(s)',
  '— Unterschrift des/der Verbraucher(s) (nur bei Mitteilung auf Papier)',
  '— Datum',
  '(*) Unzutreffendes streichen.'
]

/** The alternatives each form struck for ONE consumer (RULES.md §9), in reading order. */
export const STRUCK_ONE_CONSUMER = {
  'dk-connected': ['vi', 'os', 'køb af følgende varer', 'modtaget den'],
  'dk-service-inclusive': ['modtaget den ___', '(Forbrugernes underskrifter)'],
  'se-connected': ['vi', 'oss', 'köp av följande varor', 'mottaget den'],
  'pt-connected': ['comunicamos', 'resolvemos', 'nosso', 'de compra e venda do seguinte bem', 'recebido em'],
  'fr-connected': ['Nous', 'notifions', 'notre', 'la vente du bien', 'reçu le'],
  'nl-connected': ['Wij', 'delen', 'wij', 'verkoop van de volgende goederen', 'herroepen', 'ontvangen op'],
  'de-connected': ['wir', 'uns', 'den Kauf der folgenden Waren', 'erhalten am']
} as const

/** … and for SEVERAL consumers. */
export const STRUCK_SEVERAL_CONSUMERS = {
  'dk-connected': ['Jeg', 'mig', 'køb af følgende varer', 'modtaget den'],
  'dk-service-inclusive': ['Jeg', 'jeg', 'min', 'modtaget den ___', 'Forbrugerens navn', 'Forbrugerens adresse', 'Forbrugerens underskrift'],
  'se-connected': ['Jag', 'mig', 'köp av följande varor', 'mottaget den'],
  'pt-connected': ['comunico', 'resolvo', 'meu', 'de compra e venda do seguinte bem', 'recebido em'],
  'fr-connected': ['Je', 'notifie', 'ma', 'la vente du bien', 'reçu le'],
  'nl-connected': ['Ik', 'deel', 'ik', 'verkoop van de volgende goederen', 'herroep', 'ontvangen op'],
  'de-connected': ['ich', 'mir', 'den Kauf der folgenden Waren', 'erhalten am']
} as const
