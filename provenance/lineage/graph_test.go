package lineage

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

const sharedStatement = "The harbour levy will fund the repair of the eastern breakwater before the winter storms arrive in the bay"

// Two outlets quote the same lost statement, each with words the other lacks.
const outletA = `Dock workers gathered outside the harbour office on Monday morning.
“` + sharedStatement + `,” said Jonas Brandvold, the harbour master.
“We have waited eleven years for a proper plan to protect the moorings on the eastern side,” Brandvold said.
The meeting ended without a vote.
`

const outletB = `A new levy on cargo ships was announced at a crowded meeting.
“` + sharedStatement + `,” said Jonas Brandvold.
“Nobody in this town should pay twice for the same stretch of concrete along the water,” Brandvold said.
Shipping firms said they would study the proposal.
`

func TestCommonSource(t *testing.T) {
	f := newFixture(t)
	f.doc("a", "Bay Herald", "2026-03-02T09:00:00Z", outletA)
	f.doc("b", "Coast Times", "2026-03-02T11:00:00Z", outletB)
	f.share("a", "b", sharedStatement+",” said Jonas Brandvold", sharedStatement+",” said Jonas Brandvold")
	r := f.analyze()
	l, ok := linkBetween(r, "a", "b")
	if !ok || l.Kind != provenance.LinkCommonSource {
		t.Fatalf("want common-source, got %+v", r.Links)
	}
	all := strings.Join(l.Reasons, "\n")
	if !strings.Contains(all, "Brandvold") || !strings.Contains(all, "shared passages") {
		t.Errorf("reasons should name the speaker and the passages:\n%s", all)
	}
	if len(r.OutletEdges) != 0 {
		t.Errorf("common source draws no outlet arrow: %+v", r.OutletEdges)
	}
}

func TestThinSharedTextNoLink(t *testing.T) {
	f := newFixture(t)
	f.doc("a", "", "2026-03-01", "The mission was established by the council in 2013 after the coup.\nOther text follows here.")
	f.doc("b", "", "2026-03-05", "Background: the mission was established by the council in 2013 after the coup.\nDifferent text.")
	f.share("a", "b", "mission was established by the council in 2013 after the coup", "mission was established by the council in 2013 after the coup")
	r := f.analyze()
	if len(r.Links) != 0 {
		t.Errorf("a single short sentence in common is no evidence of copying: %+v", r.Links)
	}
}

// chain builds release → wire → outlet with dates, all sharing one paragraph.
func chain(t *testing.T, dated bool) *provenance.Result {
	para := "The regional water board approved a new rationing timetable for the eastern districts after a review of the reservoir levels that lasted most of the dry season"
	f := newFixture(t)
	date := func(s string) string {
		if dated {
			return s
		}
		return ""
	}
	f.doc("rel", "Water Board", date("2026-04-01T08:00:00Z"), "FOR IMMEDIATE RELEASE\n"+para+".\nMedia contact: press@water.example.org\n###\n")
	f.doc("wire", "Tolbay News", date("2026-04-01T10:00:00Z"), "KESSARA, (Tolbay News) – "+para+", officials said on Wednesday in the old capital city.\n– Tolbay News\n")
	f.doc("out", "Daily Ledger", date("2026-04-02T07:00:00Z"), "Residents queued for water again. "+para+", officials said on Wednesday in the old capital city.\n")
	f.share("rel", "wire", para, para)
	f.share("wire", "out", para+", officials said on Wednesday in the old capital city", para+", officials said on Wednesday in the old capital city")
	f.share("rel", "out", para, para)
	return f.analyze()
}

func TestChainDirectionsFamiliesOutlets(t *testing.T) {
	for _, dated := range []bool{true, false} {
		r := chain(t, dated)
		l, ok := linkBetween(r, "rel", "wire")
		if !ok || l.Kind != provenance.LinkCopy || l.Source != "rel" {
			t.Errorf("dated=%v: want rel → wire, got %+v", dated, r.Links)
		}
		l, ok = linkBetween(r, "wire", "out")
		if !ok || l.Kind != provenance.LinkCopy || l.Source != "wire" {
			t.Errorf("dated=%v: want wire → out, got %+v", dated, r.Links)
		}
		if l, ok := linkBetween(r, "rel", "out"); ok && l.Source != "rel" {
			t.Errorf("dated=%v: rel–out must not point back to the release: %+v", dated, l)
		}
		if len(r.Families) != 1 {
			t.Fatalf("dated=%v: want one family, got %+v", dated, r.Families)
		}
		fam := r.Families[0]
		if len(fam.Members) != 3 || fam.Origin != "rel" || fam.Words < 20 || fam.Snippet == "" {
			t.Errorf("dated=%v: family %+v", dated, fam)
		}
		for _, e := range fam.Edges {
			if e.Target == "rel" {
				t.Errorf("dated=%v: nothing flows into the origin: %+v", dated, fam.Edges)
			}
		}
		found := false
		for _, e := range r.OutletEdges {
			if e.Source == "Water Board" && e.Target == "Tolbay News" && e.Articles == 1 && e.Words > 0 {
				found = true
			}
		}
		if !found {
			t.Errorf("dated=%v: outlet edge Water Board → Tolbay News missing: %+v", dated, r.OutletEdges)
		}
	}
	if r := chain(t, true); !strings.Contains(strings.Join(r.Links[0].Reasons, " "), "published") {
		t.Errorf("dated links should cite the dates: %+v", r.Links[0].Reasons)
	}
}

func TestConflictingEvidenceLowersConfidence(t *testing.T) {
	para := "The regional water board approved a new rationing timetable for the eastern districts after a review of the reservoir levels that lasted most of the dry season"
	agree, disagree := newFixture(t), newFixture(t)
	for _, f := range []*fixture{agree, disagree} {
		relDate, artDate := "2026-04-01T08:00:00Z", "2026-04-02T08:00:00Z"
		if f == disagree {
			relDate, artDate = artDate, relDate // the article is dated before the release
		}
		f.doc("rel", "Water Board", relDate, "FOR IMMEDIATE RELEASE\n"+para+".\nFor more information, please contact press@water.example.org\n")
		f.doc("art", "Daily Ledger", artDate, "Residents queued again. "+para+".\n")
		f.share("rel", "art", para, para)
	}
	la, _ := linkBetween(agree.analyze(), "rel", "art")
	ld, _ := linkBetween(disagree.analyze(), "rel", "art")
	if ld.Confidence >= la.Confidence {
		t.Errorf("conflicting clues must lower confidence: agree %.2f, conflict %.2f", la.Confidence, ld.Confidence)
	}
	if !strings.Contains(strings.Join(ld.Reasons, " "), "against") && ld.Kind != provenance.LinkUnknown {
		t.Errorf("conflicting evidence should be named: %+v", ld)
	}
}

func TestMutationKinds(t *testing.T) {
	src := "Officials say the new rules that the ministry announced last week may cause delays at the CIVIC border post, according to the organisation of traders.\n"
	dst := "Officials say the new rules that the ministry announced last week will cause delays at the CIVICUS border post, according to the organization of traders.\n"
	f := newFixture(t)
	f.doc("s", "", "2026-01-01", src)
	f.doc("d", "", "2026-01-02", dst)
	// Dates alone order reprints of one story as easily as source and
	// copy; the roles make it a copy link, whose changes are mutations.
	f.r.Documents[0].Meta.Role = provenance.Field{Value: string(provenance.RoleWire), Origin: provenance.OriginUser}
	f.r.Documents[1].Meta.Role = provenance.Field{Value: string(provenance.RoleNewspaper), Origin: provenance.OriginUser}
	f.share("s", "d", strings.TrimSpace(src), strings.TrimSpace(dst))
	r := f.analyze()
	got := map[provenance.MutationKind]string{}
	for _, m := range r.Mutations {
		got[m.Kind] = m.SourceText + "→" + m.TargetText
	}
	if got[provenance.MutationHedge] != "may→will" {
		t.Errorf("hedge: %v", got)
	}
	if got[provenance.MutationName] != "CIVIC→CIVICUS" {
		t.Errorf("name: %v", got)
	}
	if len(got) != 2 {
		t.Errorf("spelling variants are cosmetic; want exactly hedge and name, got %v", got)
	}
}

func TestValuesNormalise(t *testing.T) {
	read := func(s string) []value { return readValues(tokenize(s, provenance.Span{Start: 0, End: len(s)})) }
	if c := changedValues(read("on 1 July 2024"), read("on July 1, 2024")); len(c) != 0 {
		t.Errorf("same date reported changed: %+v", c)
	}
	if c := changedValues(read("le 1er juillet"), read("on 1 July")); len(c) != 0 {
		t.Errorf("same date across languages: %+v", c)
	}
	if c := changedValues(read("17,400 personnel"), read("17400 personnel")); len(c) != 0 {
		t.Errorf("same number: %+v", c)
	}
	if c := changedValues(read("$1.2bn budget"), read("$1.5bn budget")); len(c) != 1 {
		t.Errorf("changed amount not found: %+v", c)
	}
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := chain(t, true)
	if err := Analyze(ctx, r); !errors.Is(err, context.Canceled) {
		t.Errorf("want context.Canceled, got %v", err)
	}
	if err := Analyze(context.Background(), nil); err == nil {
		t.Error("nil result must be an error")
	}
}

func TestScaffoldEchoNoLink(t *testing.T) {
	// Two texts built on one pattern: many matching words, never 8 in a row.
	a := "In Kessara the coastal water authority postponed the new levy on Tuesday, while in Miran the rural health office approved the old tariff on Friday, and in Velda the local port operator reviewed the fuel plan last week."
	b := "In Calvo the northern water authority suspended the new levy on Monday, while in Lorne the urban health office rejected the old tariff on Sunday, and in Haddo the small port operator audited the fuel plan this month."
	f := newFixture(t)
	f.doc("a", "", "2026-01-01", a)
	f.doc("b", "", "2026-01-02", b)
	f.share("a", "b", a, b)
	if r := f.analyze(); len(r.Links) != 0 {
		t.Errorf("texts that only share a pattern must not be linked: %+v", r.Links)
	}
}

func TestSameSpeechIsNotCopying(t *testing.T) {
	speech := "We will rebuild every school that the floods destroyed before the next academic year begins in the autumn"
	a := "The minister spoke in the flooded town of Velda on Friday.\n“" + speech + ",” she told reporters.\nRepairs to the bridge are also planned.\n"
	b := "Teachers cheered at a rally in the capital.\n“" + speech + ",” the education minister declared.\nUnions said they would hold her to it.\n"
	f := newFixture(t)
	f.doc("a", "Valley Post", "2026-05-01T10:00:00Z", a)
	f.doc("b", "Capital Times", "2026-05-01T12:00:00Z", b)
	f.share("a", "b", speech, speech)
	r := f.analyze()
	l, ok := linkBetween(r, "a", "b")
	if !ok || l.Kind != provenance.LinkCommonSource {
		t.Fatalf("two outlets quoting one speech: want common-source, got %+v", r.Links)
	}
	if !strings.Contains(strings.Join(l.Reasons, " "), "quotation") {
		t.Errorf("reasons should say the shared text is a quotation: %v", l.Reasons)
	}
}

func TestInferredDateAndMinConfidence(t *testing.T) {
	para := "The regional water board approved a new rationing timetable for the eastern districts after a review of the reservoir levels that lasted most of the dry season"
	build := func(minConf float64) *provenance.Result {
		f := newFixture(t)
		f.doc("a", "Daily Ledger", "2026-04-01T08:00:00Z", "Residents queued again. "+para+".\n")
		f.doc("b", "Evening Star", "", "Queues grew longer. "+para+".\n")
		f.r.Documents[1].Meta.Published = provenance.Field{Value: "2026-04-03", Origin: provenance.OriginInferred, Detail: "dateline 'KESSARA, 3 April'"}
		f.r.Documents[0].Meta.Role = provenance.Field{Value: string(provenance.RoleWire), Origin: provenance.OriginUser}
		f.r.Documents[1].Meta.Role = provenance.Field{Value: string(provenance.RoleNewspaper), Origin: provenance.OriginUser}
		f.share("a", "b", para, para)
		f.r.Settings.Lineage.MinConfidence = minConf
		return f.analyze()
	}
	l, _ := linkBetween(build(0.6), "a", "b")
	all := strings.Join(l.Reasons, " ")
	if !strings.Contains(all, "inferred from dateline 'KESSARA, 3 April'") {
		t.Errorf("an inferred date must be named as such: %v", l.Reasons)
	}
	if l.Kind != provenance.LinkCopy || l.Source != "a" {
		t.Errorf("the earlier text is the source: %+v", l)
	}
	strict, _ := linkBetween(build(0.99), "a", "b")
	if strict.Kind != provenance.LinkUnknown || strict.Confidence >= 0.99 {
		t.Errorf("below MinConfidence the link must be unknown: %+v", strict)
	}
}

// TestLargeInputs runs a 1 MB single-line pair full of unclosed quotation
// marks (a quadratic quote scan would not finish within the test timeout).
func TestLargeInputs(t *testing.T) {
	line := strings.Repeat("“word after word without an end ", 30000) // ~1 MB, one line, no closing marks
	f := newFixture(t)
	f.doc("a", "", "", line)
	f.doc("b", "", "", line+" tail")
	f.share("a", "b", line[:len(line)/2], line[:len(line)/2])
	r := f.analyze()
	if len(r.Links) != 1 || len(r.Families) != 1 {
		t.Errorf("want one link and one family, got %d and %d", len(r.Links), len(r.Families))
	}
}
