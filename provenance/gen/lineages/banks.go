package lineages

// bank holds the word pools one language's invented texts are built from.
// Every text is generated; none is taken from a real article.
type bank struct {
	// Single-word slots make clauses that two independent texts almost never share.
	adjs, actors, nouns, acts, places, times []string
	clauseFmts                               []string // %[1]s adj, %[2]s actor, %[3]s verb, %[4]s adj2, %[5]s noun, %[6]s place, %[7]s time
	links, quoteVerbs, titles                []string
	orgVoice                                 []string // "calls for", "appelle à"
	says, said                               string   // present and past reporting verb
	hedge, firm                              string   // "may", "will"
	hedgeVerbs, hedgeSubjects                []string // "disrupt"; "which"
	addedAttrib                              string   // "the official said"
	months                                   []string
	dateSentence                             string // %s slots: start date, end date
	synonyms                                 map[string]string
	releaseHead, aboutFmt, contactFmt        string
	wireCredit                               string
	cities                                   []string
	intro                                    []string
}

var english = bank{
	adjs: []string{"coastal", "northern", "provincial", "rural", "municipal", "seasonal", "emergency", "regional", "temporary",
		"national", "private", "informal", "disputed", "revised", "southern", "upland", "eastern", "western", "urban",
		"cooperative", "independent", "veteran", "overstretched", "underfunded", "newly elected", "local", "federal",
		"mobile", "volunteer", "state-owned", "small", "licensed", "unlicensed", "frontline", "long-standing", "interim"},
	actors: []string{"water authority", "fishing cooperatives", "health office", "district councils", "port operator",
		"farmers' unions", "coast guard", "school boards", "grid company", "market traders", "transport ministry",
		"clinics", "electoral commission", "mining firms", "transit board", "teachers' associations", "customs service",
		"relief convoys", "forestry department", "radio stations", "hospital staff", "housing agency", "herders",
		"bus drivers", "midwives", "road engineers", "grain millers", "ferry crews", "tax inspectors", "village elders"},
	nouns: []string{"levy", "reserve", "barrier contract", "curfew", "subsidy", "permit scheme", "timetable", "budget",
		"pension plan", "visa quota", "tender", "fishing quota", "tariff", "checkpoint", "registry", "import licence",
		"staffing plan", "dredging project", "amnesty", "fee structure", "pipeline", "warehouse", "ferry route",
		"harvest forecast", "bridge repair", "meal programme", "water ration", "fuel allowance", "rent cap", "clinic network",
		"loan guarantee", "seed distribution", "census", "audit", "ballot count", "road toll"},
	acts: []string{"postponed", "approved", "reviewed", "expanded", "suspended", "defended", "challenged", "renegotiated",
		"backed", "audited", "rejected", "extended", "scaled back", "questioned", "criticised", "welcomed", "redrew",
		"froze", "doubled", "halved", "published", "withdrew", "reinstated", "contested", "simplified", "delayed",
		"financed", "inspected", "overhauled", "cancelled"},
	places: []string{"in Kessara", "near Tolbay", "in Miran", "outside Portvale", "in Ashford", "at Dunmere", "in Velda", "near Orrin", "in Calvo", "at Brisk", "in Saltmarsh", "near Fenwick", "in Lorne", "at Haddo", "in Quarrytown", "near Pellam"},
	times:  []string{"on Tuesday", "yesterday", "last week", "overnight", "on Friday", "this month", "recently", "on Monday", "again", "last year", "on Sunday", "in March", "this spring", "at dawn"},
	clauseFmts: []string{
		"the %[1]s %[2]s %[3]s the %[4]s %[5]s %[6]s %[7]s",
		"%[7]s the %[1]s %[2]s %[3]s a %[4]s %[5]s %[6]s",
		"%[6]s the %[1]s %[2]s %[3]s the %[5]s %[7]s",
	},
	links:      []string{"while", "even as", "although", "because", "after"},
	quoteVerbs: []string{"We urge", "We cannot accept", "We are asking", "It is time for", "Nobody should ignore", "We expect"},
	titles:     []string{"Director of Programmes", "Head of Advocacy", "Regional Coordinator", "Executive Director", "Policy Lead"},
	orgVoice:   []string{"calls for a review of", "is deeply concerned about", "urges the authorities to reconsider", "welcomes the debate on", "warns against"},
	says:       "says", said: "said", hedge: "may", firm: "will", hedgeVerbs: []string{"disrupt", "delay", "raise", "cut", "block", "strain", "undermine", "stall"}, hedgeSubjects: []string{"which", "a change that", "a move that", "and that"},
	addedAttrib: "the official said",
	months:      []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	synonyms: map[string]string{"postponed": "put off|pushed back|deferred", "approved": "endorsed|signed off|cleared",
		"reviewed": "examined|reassessed|studied", "expanded": "widened|enlarged|broadened", "suspended": "halted|paused|stopped",
		"criticised": "condemned|attacked|faulted", "welcomed": "praised|hailed|applauded", "rejected": "turned down|refused|dismissed",
		"cancelled": "scrapped|dropped|axed", "froze": "blocked|locked|stalled", "questioned": "cast doubt on|queried|disputed",
		"defended": "stood by|upheld|justified", "delayed": "held up|slowed|stalled", "backed": "supported|endorsed|championed"},
	releaseHead: "FOR IMMEDIATE RELEASE",
	aboutFmt:    "About %s",
	contactFmt:  "For more information or to arrange an interview, please contact: %s, Communications Officer, press@%s.example.org",
	wireCredit:  "News",
	cities:      []string{"PORTVALE", "KESSARA", "MIRAN", "TOLBAY", "ASHFORD"},
}

var french = bank{
	adjs: []string{"côtier", "provincial", "rural", "municipal", "saisonnier", "régional", "temporaire", "national",
		"privé", "informel", "contesté", "révisé", "urbain", "coopératif", "indépendant", "local", "fédéral", "mobile",
		"bénévole", "public", "modeste", "agréé", "intérimaire", "ancien", "nouveau", "prioritaire", "annuel", "spécial",
		"commun", "technique"},
	actors: []string{"l'office de l'eau", "les coopératives de pêche", "la direction de la santé", "les conseils de district",
		"l'opérateur portuaire", "les syndicats agricoles", "la garde côtière", "les directeurs d'école", "la compagnie d'électricité",
		"les commerçants", "le ministère des transports", "les dispensaires", "la commission électorale", "les sociétés minières",
		"la régie des transports", "les enseignants", "les douanes", "les convois humanitaires", "le service des forêts",
		"les radios communautaires", "le personnel hospitalier", "l'agence du logement", "les éleveurs", "les chauffeurs de bus",
		"les sages-femmes", "les ingénieurs des routes", "les meuniers", "les équipages des bacs", "les inspecteurs des impôts", "les chefs de village"},
	nouns: []string{"le prélèvement", "la réserve", "le contrat de digue", "le couvre-feu", "la subvention", "le régime de permis",
		"le calendrier", "le budget", "le plan de retraite", "l'appel d'offres", "la pêche hauturière",
		"le tarif", "le poste de contrôle", "le registre", "la licence d'importation", "le plan d'effectifs", "le projet de dragage",
		"l'amnistie", "le barème des frais", "l'oléoduc", "l'entrepôt", "la ligne de bac", "la prévision de récolte",
		"la réparation du pont", "le programme de repas", "la ration d'eau", "l'indemnité de carburant", "le plafond des loyers",
		"le réseau de dispensaires", "la garantie de prêt", "la distribution de semences", "le recensement", "l'audit"},
	acts: []string{"a reporté", "a approuvé", "a réexaminé", "a élargi", "a suspendu", "a défendu", "a contesté", "a renégocié",
		"a soutenu", "a audité", "a rejeté", "a prolongé", "a réduit", "a remis en cause", "a critiqué", "a salué", "a redessiné",
		"a gelé", "a doublé", "a publié", "a retiré", "a rétabli", "a simplifié", "a retardé", "a financé", "a inspecté", "a annulé"},
	places: []string{"à Kessara", "près de Tolbay", "à Miran", "vers Portvale", "à Ashford", "à Dunmere", "à Velda", "près d'Orrin", "à Calvo", "à Brisk", "à Lorne", "à Haddo", "à Pellam", "vers Fenwick"},
	times:  []string{"mardi", "hier", "vendredi", "lundi", "récemment", "cette semaine", "en mars", "l'an dernier", "dimanche", "jeudi", "à nouveau", "ce printemps", "à l'aube"},
	clauseFmts: []string{
		"%[2]s %[1]s %[3]s %[5]s %[6]s %[7]s",
		"%[7]s, %[2]s %[3]s %[5]s %[4]s %[6]s",
		"%[6]s, %[2]s %[3]s %[5]s %[7]s",
	},
	links:      []string{"tandis que", "alors même que", "bien que", "parce que", "après que"},
	quoteVerbs: []string{"Nous demandons", "Nous ne pouvons pas accepter", "Il est temps de revoir", "Personne ne doit ignorer", "Nous attendons"},
	titles:     []string{"directrice des programmes", "responsable du plaidoyer", "coordinateur régional", "directeur exécutif"},
	orgVoice:   []string{"appelle à revoir", "s'inquiète vivement de", "demande aux autorités de reconsidérer", "salue le débat sur", "met en garde contre"},
	says:       "déclare", said: "a déclaré", hedge: "pourrait", firm: "va", hedgeVerbs: []string{"perturber", "retarder", "augmenter", "réduire", "bloquer", "fragiliser", "freiner"}, hedgeSubjects: []string{"ce qui", "une mesure qui", "un changement qui", "et cela"},
	addedAttrib: "a ajouté le responsable",
	months:      []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	synonyms: map[string]string{"a reporté": "a différé|a repoussé|a ajourné", "a approuvé": "a validé|a entériné|a adopté",
		"a suspendu": "a interrompu|a stoppé|a arrêté", "a rejeté": "a refusé|a écarté|a repoussé", "a critiqué": "a dénoncé|a fustigé|a attaqué",
		"a salué": "a applaudi|a félicité|a loué", "a annulé": "a supprimé|a abandonné|a abrogé", "a soutenu": "a appuyé|a défendu|a épaulé",
		"a gelé": "a bloqué|a figé|a immobilisé", "a retardé": "a freiné|a ralenti|a différé"},
	releaseHead: "COMMUNIQUÉ DE PRESSE",
	aboutFmt:    "À propos de %s",
	contactFmt:  "Pour plus d'informations, veuillez contacter : %s, chargée de communication, presse@%s.example.org",
	wireCredit:  "Presse",
	cities:      []string{"PORTVALE", "KESSARA", "MIRAN", "TOLBAY"},
}

// organisations and people are invented.
var orgs = []struct{ long, short string }{
	{"Harbour Relief Alliance", "HRA"}, {"Coastal Monitoring Group", "CMG"}, {"Civic Water Network", "CWN"},
	{"Sahel Rights Forum", "SRF"}, {"Open Fields Institute", "OFI"}, {"River Basin Watch", "RBW"},
	{"Northern Health Collective", "NHC"}, {"Transit Users Council", "TUC"},
}

var firstNames = []string{"Amara", "Jonas", "Lieve", "Tomasz", "Ines", "Kofi", "Marisol", "Dmitri", "Yara", "Oskar", "Nadia", "Pieter"}
var lastNames = []string{"Okonkwo-Hale", "Brandvold", "Quesnel", "Varga", "Ferreira", "Lindqvist", "Mbeki-Rowe", "Tannenbaum", "Oduya", "Castellanos", "Ravel", "Abernethy"}
