package lineages

import (
	"fmt"
	"math/rand"
	"strings"
	"time"

	"github.com/copytrail/copytrail/provenance"
)

// WireCase is a news agency's story and the newspaper stories written from
// it the same day, plus stories on the same event written independently.
type WireCase struct {
	Name string
	Docs []provenance.Document
	// Agency is the agency story's ID; Derived the stories rewritten from
	// it; Independent the same-event stories that took nothing from it.
	Agency      string
	Derived     []string
	Independent []string
}

// wireStory is the agency story's parts, kept so that rewrites can work
// on them.
type wireStory struct {
	dateline, lead, s1, s2, s3 string
	q1, q2, q3                 string // quotation texts, without marks
	expert, official           person
	field, univ                string
	org                        struct{ long, short string }
	agency                     string
}

// fields of study for the expert's full first mention.
var fields = []string{"hydrology", "public health", "marine ecology", "transport economics", "soil science", "urban planning"}

// GenerateWire builds one wire-rewrite case: an agency story, 2–5
// newspaper stories rewritten from it on the same day (each keeps at least
// two of its sentences nearly whole and rewrites the rest: quotes turned
// into reported speech, "said Dr Jane Smith, a professor at X" shortened to
// "Smith said", clauses reordered, synonyms), and two stories on the same
// event written independently. Dates, when given, are the same calendar
// day, so they say nothing about direction.
func GenerateWire(seed int64, dated bool) *WireCase {
	r := rand.New(rand.NewSource(seed))
	g := &generator{r: r, b: &english}
	b := g.b
	w := wireStory{
		org:      orgs[r.Intn(len(orgs))],
		expert:   person{g.pick(firstNames), g.pick(lastNames), "professor"},
		official: person{g.pick(firstNames), g.pick(lastNames), g.pick(b.titles)},
		field:    g.pick(fields),
		univ:     "University of " + g.pick([]string{"Kessara", "Tolbay", "Miran", "Portvale", "Ashford", "Dunmere", "Velda"}),
		agency:   g.pick([]string{"Tolbay", "Meridian", "Coastline", "Savanna"}) + " " + b.wireCredit,
	}
	for w.official.last == w.expert.last {
		w.official.last = g.pick(lastNames)
	}
	w.dateline = fmt.Sprintf("%s, (%s) – ", g.pick(b.cities), w.agency)
	w.lead = fmt.Sprintf("%s (%s) %s %s, %s.", w.org.long, w.org.short, g.pick(b.orgVoice), g.simpleClause(), g.clause())
	w.q1 = fmt.Sprintf("%s %s, %s", g.pick(b.quoteVerbs), g.simpleClause(), g.clause())
	w.s1 = g.sentence()
	w.q2 = fmt.Sprintf("%s %s, %s", g.pick(b.quoteVerbs), g.simpleClause(), g.clause())
	w.s2 = g.sentence()
	w.s3 = g.sentence()
	w.q3 = fmt.Sprintf("%s %s", g.pick(b.quoteVerbs), g.clause())
	c := &WireCase{Name: fmt.Sprintf("wire seed %d", seed)}
	id := func(s string) string { return fmt.Sprintf("wire%d-%s", seed, s) }
	day := time.Date(2026, 5, 1+r.Intn(25), 0, 0, 0, 0, time.UTC).Format("2006-01-02")
	add := func(docID, outlet, text string) {
		d := provenance.Document{ID: docID, Path: docID + ".txt", Format: "txt", Text: text}
		d.Meta.Outlet = provenance.Field{Value: outlet, Origin: provenance.OriginSidecar}
		d.Meta.Title = provenance.Field{Value: docID, Origin: provenance.OriginFile}
		if dated {
			d.Meta.Published = provenance.Field{Value: day, Origin: provenance.OriginSidecar}
		}
		c.Docs = append(c.Docs, d)
	}
	c.Agency = id("agency")
	add(c.Agency, w.agency, w.text())
	papers := []string{"The Valley Courier", "Harbour Evening Post", "Ridge Daily", "Plains Gazette", "Metro Bulletin"}
	n := 2 + r.Intn(4)
	for i := 0; i < n; i++ {
		pid := id(fmt.Sprintf("paper%d", i+1))
		add(pid, papers[i], g.rewrite(w, r.Intn(3) == 0))
		c.Derived = append(c.Derived, pid)
	}
	for i, outlet := range []string{"Lakeside Observer", "Northern Ledger"} {
		iid := id(fmt.Sprintf("indep%d", i+1))
		add(iid, outlet, g.sameEvent(w))
		c.Independent = append(c.Independent, iid)
	}
	r.Shuffle(len(c.Docs), func(i, j int) { c.Docs[i], c.Docs[j] = c.Docs[j], c.Docs[i] })
	return c
}

// text is the agency story as the wire sends it.
func (w wireStory) text() string {
	lines := []string{
		w.dateline + w.lead,
		fmt.Sprintf("“%s,” said Dr %s, a professor of %s at the %s.", w.q1, w.expert.full(), w.field, w.univ),
		w.s1,
		fmt.Sprintf("“%s,” said %s, %s of %s.", w.q2, w.official.full(), w.official.title, w.org.short),
		w.s2,
		w.s3,
		fmt.Sprintf("“%s,” %s added.", w.q3, w.official.last),
		"– " + w.agency,
	}
	return strings.Join(lines, "\n") + "\n"
}

// rewrite writes a newspaper story from the agency story: its own opening,
// the lead and one more sentence kept nearly whole, the first quote turned
// into reported speech with a short attribution, the second quote kept
// with "Last said", a sentence with its clauses swapped and a synonym, and
// sometimes the agency's credit.
func (g *generator) rewrite(w wireStory, credit bool) string {
	lead := g.substitute(w.lead)
	q1 := g.substitute(g.substitute(g.reported(w.q1)))
	var lines []string
	lines = append(lines, g.sentence())
	lines = append(lines, lead)
	lines = append(lines, fmt.Sprintf("%s said %s.", w.expert.last, q1))
	kept := []string{w.s2, w.s3}
	lines = append(lines, kept[g.r.Intn(2)])
	if g.r.Intn(2) == 0 {
		lines = append(lines, fmt.Sprintf("“%s,” %s said.", w.q2, w.official.last))
	} else {
		lines = append(lines, fmt.Sprintf("%s said %s.", w.official.last, g.reported(w.q2)))
	}
	s1 := g.substitute(g.swapClauses(w.s1))
	lines = append(lines, s1)
	lines = append(lines, g.sentence())
	g.r.Shuffle(len(lines)-3, func(i, j int) { lines[i+3], lines[j+3] = lines[j+3], lines[i+3] })
	if credit {
		lines = append(lines, "– With reporting from "+w.agency)
	}
	return strings.Join(lines, "\n") + "\n"
}

// reported turns a first-person quotation into reported speech, each
// rewriter in its own words (a subject and verb picked afresh).
func (g *generator) reported(q string) string {
	subj := g.pick([]string{"they", "the group", "his side", "the organisation", "campaigners", "its members", "her colleagues"})
	verbs := map[string][]string{
		"We urge":              {"urged", "were urging", "called on", "pressed"},
		"We cannot accept":     {"could not accept", "would not accept", "rejected", "refused to accept"},
		"We are asking":        {"were asking", "asked", "wanted", "sought"},
		"It is time for":       {"said it was time for", "argued it was time for", "believed the moment had come for", "felt it was high time for"},
		"Nobody should ignore": {"warned nobody should ignore", "said no one could ignore", "insisted nobody should overlook", "argued none could ignore"},
		"We expect":            {"expected", "anticipated", "were expecting", "foresaw"},
	}
	for k, vs := range verbs {
		if strings.HasPrefix(q, k) {
			q = subj + " " + g.pick(vs) + strings.TrimPrefix(q, k)
			break
		}
	}
	return g.pick([]string{"that ", "", "that "}) + q
}

// substitute replaces one adjective of s with another picked at random, as
// an editor's word choice (a wide choice, so two rewriters seldom make the
// same one).
func (g *generator) substitute(s string) string {
	var found []string
	for _, a := range g.b.adjs {
		if strings.Contains(s, " "+a+" ") {
			found = append(found, a)
		}
	}
	if len(found) == 0 {
		return s
	}
	sortStrings(found)
	old := found[g.r.Intn(len(found))]
	alt := g.pick(g.b.adjs)
	for alt == old || strings.Contains(alt, " ") {
		alt = g.pick(g.b.adjs)
	}
	return strings.Replace(s, " "+old+" ", " "+alt+" ", 1)
}

// swapClauses puts the two halves of "A, link B." the other way round,
// joined as this rewriter likes.
func (g *generator) swapClauses(s string) string {
	s = strings.TrimSuffix(s, ".")
	i := strings.Index(s, ", ")
	if i < 0 {
		return s + "."
	}
	first, second := s[:i], s[i+2:]
	join := g.pick([]string{", and ", "; meanwhile, ", ". Earlier, ", " — and "})
	return capitalise(second) + join + strings.ToLower(first[:1]) + first[1:] + "."
}

// sameEvent writes a story on the same event and people in its own words.
func (g *generator) sameEvent(w wireStory) string {
	b := g.b
	lines := []string{
		fmt.Sprintf("%s %s %s.", w.org.long, g.pick(b.orgVoice), g.clause()),
		g.sentence(),
		fmt.Sprintf("“%s %s,” said %s of %s.", g.pick(b.quoteVerbs), g.clause(), w.official.full(), w.org.short),
		g.sentence(),
		fmt.Sprintf("Dr %s of the %s said %s.", w.expert.full(), w.univ, g.clause()),
		g.sentence(),
	}
	return strings.Join(lines, "\n") + "\n"
}
