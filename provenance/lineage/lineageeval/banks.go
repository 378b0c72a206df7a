package lineageeval

// bank holds the word pools one language's invented texts are built from.
// Every text is generated; none is taken from a real article.
type bank struct {
	subjects, verbs, objects, tails, links, quoteVerbs, titles []string
	orgVoice                                                   []string // "calls for", "appelle à"
	says, said                                                 string   // present and past reporting verb
	hedge, firm                                                string   // "may", "will"
	hedgeVerb                                                  string   // "disrupt"
	addedAttrib                                                string   // "the official said"
	months                                                     []string
	dateSentence                                               string // %s slots: start date, end date
	synonyms                                                   map[string]string
	releaseHead, aboutFmt, contactFmt                          string
	wireCredit                                                 string
	cities                                                     []string
	intro                                                      []string
}

var english = bank{
	subjects: []string{"the regional water authority", "local fishing cooperatives", "the provincial health office",
		"district councils", "the port operator", "farmers' unions", "the coastal guard", "school administrators",
		"the national grid company", "market traders", "the transport ministry", "rural clinics", "the electoral commission",
		"mining companies", "the city transit board", "teachers' associations", "the customs service", "relief convoys",
		"the forestry department", "community radio stations", "the central bank", "hospital staff", "the housing agency",
		"livestock herders"},
	verbs: []string{"warned about", "reported delays in", "called for changes to", "criticised", "welcomed", "questioned",
		"postponed", "approved", "reviewed", "expanded", "suspended", "defended", "challenged", "renegotiated",
		"complained about", "backed", "audited", "rejected", "extended", "scaled back"},
	objects: []string{"the new irrigation levy", "emergency grain reserves", "the flood barrier contract", "night-time curfews",
		"the fuel subsidy", "cross-border trade permits", "the vaccination schedule", "road repair budgets",
		"the pension reform", "seasonal work visas", "the bridge tender", "water rationing rules", "the fishing quota",
		"school meal funding", "the solar power tariff", "border checkpoint hours", "the land registry overhaul",
		"fertiliser imports", "the clinic staffing plan", "river dredging works", "the tax amnesty", "mobile money fees"},
	tails: []string{"after weeks of heavy rain", "ahead of the harvest season", "despite objections from residents",
		"following a budget review", "as prices kept rising", "in the northern districts", "before the rainy season",
		"amid a shortage of drivers", "after a court ruling", "during the annual audit", "as the dry spell deepened",
		"in three coastal towns", "under pressure from donors", "after a series of protests", "while talks stalled",
		"once the inspection ended", "as fuel queues lengthened", "in the border provinces"},
	links:      []string{"while", "even as", "although", "because", "after"},
	quoteVerbs: []string{"We urge", "We cannot accept", "We are asking", "It is time for", "Nobody should ignore", "We expect"},
	titles:     []string{"Director of Programmes", "Head of Advocacy", "Regional Coordinator", "Executive Director", "Policy Lead"},
	orgVoice:   []string{"calls for a review of", "is deeply concerned about", "urges the authorities to reconsider", "welcomes the debate on", "warns against"},
	says:       "says", said: "said", hedge: "may", firm: "will", hedgeVerb: "disrupt supplies of",
	addedAttrib: "the official said",
	months:      []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	synonyms: map[string]string{"warned about": "cautioned against", "criticised": "condemned", "welcomed": "praised",
		"questioned": "cast doubt on", "postponed": "delayed", "approved": "endorsed", "reviewed": "examined",
		"expanded": "widened", "suspended": "halted", "defended": "stood by", "rejected": "turned down",
		"after weeks of heavy rain": "after weeks of torrential rain", "as prices kept rising": "as prices continued to climb",
		"despite objections from residents": "despite complaints from residents", "in the northern districts": "across the northern districts"},
	releaseHead: "FOR IMMEDIATE RELEASE",
	aboutFmt:    "About %s",
	contactFmt:  "For more information or to arrange an interview, please contact: %s, Communications Officer, press@%s.example.org",
	wireCredit:  "News",
	cities:      []string{"PORTVALE", "KESSARA", "MIRAN", "TOLBAY", "ASHFORD"},
	intro: []string{"Officials gave few details about the timetable", "The announcement drew mixed reactions in the capital",
		"Residents interviewed by this newspaper were divided", "The issue has dominated local radio for weeks",
		"Opposition figures said they would study the plan", "Analysts expect the debate to continue into next year",
		"Several councillors declined to comment on the matter", "A spokesperson for the ministry did not respond to questions"},
}

var french = bank{
	subjects: []string{"l'office régional de l'eau", "les coopératives de pêche", "la direction provinciale de la santé",
		"les conseils de district", "l'opérateur portuaire", "les syndicats agricoles", "la garde côtière", "les directeurs d'école",
		"la compagnie nationale d'électricité", "les commerçants du marché", "le ministère des transports", "les dispensaires ruraux",
		"la commission électorale", "les sociétés minières", "la régie des transports urbains", "les associations d'enseignants",
		"le service des douanes", "les convois humanitaires", "le service des forêts", "les radios communautaires"},
	verbs: []string{"a mis en garde contre", "a signalé des retards dans", "a réclamé des changements dans", "a critiqué", "a salué",
		"a remis en question", "a reporté", "a approuvé", "a réexaminé", "a élargi", "a suspendu", "a défendu", "a contesté",
		"a renégocié", "s'est plaint de", "a soutenu", "a rejeté", "a prolongé"},
	objects: []string{"la nouvelle taxe d'irrigation", "les réserves de céréales d'urgence", "le contrat de la digue", "les couvre-feux nocturnes",
		"la subvention sur le carburant", "les permis de commerce transfrontalier", "le calendrier de vaccination", "les budgets d'entretien des routes",
		"la réforme des retraites", "les visas de travail saisonnier", "l'appel d'offres du pont", "les règles de rationnement de l'eau",
		"le quota de pêche", "le financement des cantines scolaires", "le tarif de l'énergie solaire", "les horaires des postes frontières"},
	tails: []string{"après des semaines de fortes pluies", "à l'approche de la saison des récoltes", "malgré les objections des habitants",
		"à la suite d'un examen budgétaire", "alors que les prix continuaient de grimper", "dans les districts du nord",
		"avant la saison des pluies", "faute de chauffeurs disponibles", "après une décision de justice", "pendant l'audit annuel",
		"dans trois villes côtières", "sous la pression des bailleurs", "après une série de manifestations", "alors que les discussions piétinaient"},
	links:      []string{"tandis que", "alors même que", "bien que", "parce que", "après que"},
	quoteVerbs: []string{"Nous demandons", "Nous ne pouvons pas accepter", "Il est temps de revoir", "Personne ne doit ignorer", "Nous attendons"},
	titles:     []string{"directrice des programmes", "responsable du plaidoyer", "coordinateur régional", "directeur exécutif"},
	orgVoice:   []string{"appelle à revoir", "s'inquiète vivement de", "demande aux autorités de reconsidérer", "salue le débat sur", "met en garde contre"},
	says:       "déclare", said: "a déclaré", hedge: "pourrait", firm: "va", hedgeVerb: "perturber l'approvisionnement en",
	addedAttrib: "a ajouté le responsable",
	months:      []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	synonyms: map[string]string{"a critiqué": "a dénoncé", "a salué": "a applaudi", "a reporté": "a différé", "a approuvé": "a validé",
		"a suspendu": "a interrompu", "a rejeté": "a refusé", "après des semaines de fortes pluies": "après des semaines de pluies diluviennes",
		"dans les districts du nord": "dans l'ensemble des districts du nord"},
	releaseHead: "COMMUNIQUÉ DE PRESSE",
	aboutFmt:    "À propos de %s",
	contactFmt:  "Pour plus d'informations, veuillez contacter : %s, chargée de communication, presse@%s.example.org",
	wireCredit:  "Presse",
	cities:      []string{"PORTVALE", "KESSARA", "MIRAN", "TOLBAY"},
	intro: []string{"Les autorités ont donné peu de détails sur le calendrier", "L'annonce a suscité des réactions contrastées dans la capitale",
		"Les habitants interrogés par notre rédaction étaient partagés", "Le sujet occupe les radios locales depuis des semaines",
		"Plusieurs élus ont refusé de commenter cette décision", "Un porte-parole du ministère n'a pas répondu à nos questions"},
}

// organisations and people are invented.
var orgs = []struct{ long, short string }{
	{"Harbour Relief Alliance", "HRA"}, {"Coastal Monitoring Group", "CMG"}, {"Civic Water Network", "CWN"},
	{"Sahel Rights Forum", "SRF"}, {"Open Fields Institute", "OFI"}, {"River Basin Watch", "RBW"},
	{"Northern Health Collective", "NHC"}, {"Transit Users Council", "TUC"},
}

var firstNames = []string{"Amara", "Jonas", "Lieve", "Tomasz", "Ines", "Kofi", "Marisol", "Dmitri", "Yara", "Oskar", "Nadia", "Pieter"}
var lastNames = []string{"Okonkwo-Hale", "Brandvold", "Quesnel", "Varga", "Ferreira", "Lindqvist", "Mbeki-Rowe", "Tannenbaum", "Oduya", "Castellanos", "Ravel", "Abernethy"}
