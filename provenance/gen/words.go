package gen

import "strings"

// Word lists for the synthetic news generator. The text they make is
// grammatical-looking nonsense about invented places and people: never a
// real article.
var (
	nouns = strings.Fields(`agreement budget committee council court delegation election envoy
		farmers fund government harvest hospital inquiry investment judges ministry mission
		negotiators officials parliament plan police programme project protesters prices
		reform refugees region report residents road school security shipment strike students
		talks teachers trade union villages voters water workers bridge clinic contract convoy
		drought exports factory flooding harbour highway loan market mayor network pipeline
		railway reservoir rebels senate survey tariff taxes tribunal vaccine wages warehouse
		ceasefire coalition curfew dam deadline district embargo famine ferry garrison grain
		audit bank border cabinet census charity coast debt diplomats doctors dockers engineers
		fishermen forest journalists lawyers miners nurses pilots ports prisoners rangers
		satellite shelter sanctions settlers smugglers soldiers tanker tribes troops volunteers`)
	adjectives = strings.Fields(`new local regional national interim urgent fragile costly
		delayed disputed temporary rural coastal northern southern eastern western annual
		emergency joint independent informal formal public private crucial modest sharp
		sudden gradual controversial long-awaited overdue fresh renewed limited broad
		partial cautious bitter rapid slow quiet heavy severe mild unusual routine
		unprecedented ambitious troubled promising sweeping narrow detailed vague`)
	verbsPast = strings.Fields(`approved rejected delayed announced criticised welcomed
		suspended expanded reviewed funded blocked opened closed signed postponed extended
		questioned defended cancelled launched halted resumed endorsed challenged secured
		proposed completed abandoned inspected restored doubled cut raised lowered audited
		debated praised condemned ordered requested withdrew rebuilt repaired monitored`)
	verbsBase = strings.Fields(`approve reject delay announce criticise welcome suspend
		expand review fund block open close sign postpone extend question defend cancel
		launch halt resume endorse challenge secure propose complete abandon inspect
		restore double cut raise lower audit debate praise condemn order request rebuild`)
	adverbs = strings.Fields(`quickly quietly publicly formally reluctantly firmly openly
		partly largely briefly again eventually initially repeatedly finally jointly`)
	preps   = strings.Fields(`in near across beyond along around inside outside throughout`)
	days    = strings.Fields(`Monday Tuesday Wednesday Thursday Friday Saturday Sunday`)
	clauses = []string{"in a statement on Monday", "according to local reports",
		"despite earlier objections", "after weeks of talks", "for the second time this year",
		"as widely expected", "without further explanation", "under mounting pressure",
		"in a brief interview", "late on Friday evening", "with little public debate",
		"according to two officials", "at a press conference", "in the coming weeks",
		"officials confirmed", "a source close to the talks said", "before the holiday",
		"two days later", "to the surprise of many", "as the rains began", "once again",
		"in a letter seen by reporters", "amid growing criticism", "on short notice",
		"with support from donors", "over the objections of the opposition"}
	syllables = strings.Fields(`ka ren vo li mar tes dun bel or sa qui nel ab tor ve
		lin ma gro hal pes ur din zo rak te mon il bri sef an du cal ro vin
		ez fa lu ther gam ny`)
	determiners  = strings.Fields(`the the the a its their this that several two many some every`)
	modals       = strings.Fields(`will may could should would might must`)
	saysWords    = strings.Fields(`says says said added noted warned`)
	conjunctions = strings.Fields(`while although as after because but and since`)
	openers      = []string{"Earlier this %s in", "Late last %s in", "For much of the %s in",
		"Since the start of the %s in", "By the end of the %s in", "Over the %s in",
		"Early in the %s across", "During the %s outside", "Throughout the %s near"}
	periods    = strings.Fields(`week month year season quarter spring summer autumn winter decade`)
	rankWords  = strings.Fields(`deputy acting regional senior chief interim assistant principal`)
	titleWords = strings.Fields(`director minister spokesperson coordinator adviser secretary officer commissioner`)
	orgKinds   = []string{"Ministry of Water", "Regional Council", "Workers' Union",
		"Farmers' Cooperative", "Port Authority", "Relief Agency", "Electoral Commission",
		"Chamber of Commerce", "Health Board", "Transport Authority"}
)

// tense pairs for tense and attribution edits (present -> past).
var tense = map[string]string{"says": "said", "is": "was", "are": "were", "will": "would",
	"has": "had", "have": "had", "can": "could", "may": "might", "remains": "remained"}
