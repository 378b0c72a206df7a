package lineage

import (
	"context"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

// fixture builds a result from invented texts: each shared piece is given as
// the two strings as they appear in each document.
type fixture struct {
	t *testing.T
	r provenance.Result
}

func newFixture(t *testing.T) *fixture { return &fixture{t: t} }

func (f *fixture) doc(id, outlet, published, text string) {
	d := provenance.Document{ID: id, Path: id + ".txt", Format: "txt", Text: text}
	d.Meta.Outlet = provenance.Field{Value: outlet, Origin: provenance.OriginSidecar}
	d.Meta.Title = provenance.Field{Value: id, Origin: provenance.OriginFile}
	if published != "" {
		d.Meta.Published = provenance.Field{Value: published, Origin: provenance.OriginSidecar}
	}
	f.r.Documents = append(f.r.Documents, d)
}

// share records a passage between a and b: aPart must occur in a's text and
// bPart in b's.
func (f *fixture) share(a, b, aPart, bPart string) {
	da, db := f.r.Doc(a), f.r.Doc(b)
	i, j := strings.Index(da.Text, aPart), strings.Index(db.Text, bPart)
	if i < 0 || j < 0 {
		f.t.Fatalf("fixture: passage not found (%d, %d): %q / %q", i, j, aPart, bPart)
	}
	p := provenance.Passage{A: a, B: b, AStart: i, AEnd: i + len(aPart), BStart: j, BEnd: j + len(bPart),
		Words: max(len(strings.Fields(aPart)), len(strings.Fields(bPart))), Similarity: 0.9}
	idx := len(f.r.Passages)
	f.r.Passages = append(f.r.Passages, p)
	if pr := f.r.PairOf(a, b); pr != nil {
		pr.Passages = append(pr.Passages, idx)
		return
	}
	f.r.Pairs = append(f.r.Pairs, provenance.Pair{A: a, B: b, Passages: []int{idx}, SharedWords: p.Words})
}

func (f *fixture) analyze() *provenance.Result {
	if err := Analyze(context.Background(), &f.r); err != nil {
		f.t.Fatal(err)
	}
	return &f.r
}

func linkBetween(r *provenance.Result, a, b string) (provenance.Link, bool) {
	for _, l := range r.Links {
		if (l.Source == a && l.Target == b) || (l.Source == b && l.Target == a) {
			return l, true
		}
	}
	return provenance.Link{}, false
}

const releaseEN = `FOR IMMEDIATE RELEASE
Harbour Relief Alliance (HRA) calls for a pause in the dredging of the northern channel until the fishing cooperatives have been consulted properly.
“The dredging may cause lasting harm to the spawning grounds that three hundred families depend on for their income,” says Amara Oduya, HRA’s Director of Programmes.
HRA fears that the contract, signed on 1 July, will cost 300 jobs in the coastal villages before the end of the season.
HRA urges the port authority to publish its environmental survey in full.
“We are asking the authority to open the survey to independent review before a single barge moves in the channel,” says Oduya.
About Harbour Relief Alliance
Harbour Relief Alliance is an invented organisation used in tests.
For more information, please contact: Lieve Quesnel, press@hra.example.org
`

const articleEN = `PORTVALE – Fishing families in the north are worried about a dredging plan.
“The dredging will cause lasting harm to the spawning grounds that three hundred families depend on for their income,” said Amara Oduya, HRA’s Director of Programmes.
The contract was signed on July 1 and will cost 400 jobs in the coastal villages before the end of the season, according to the group.
“We are asking the authority to open the survey to independent review before a single barge moves in the channel,” the HRCU official said.
Local councillors declined to comment when reached on Tuesday.
`

func TestReleaseToArticle(t *testing.T) {
	f := newFixture(t)
	f.doc("rel", "Harbour Relief Alliance", "", releaseEN)
	f.doc("art", "Portvale Courier", "", articleEN)
	f.share("rel", "art",
		"The dredging may cause lasting harm to the spawning grounds that three hundred families depend on for their income,” says Amara Oduya, HRA’s Director of Programmes.",
		"The dredging will cause lasting harm to the spawning grounds that three hundred families depend on for their income,” said Amara Oduya, HRA’s Director of Programmes.")
	f.share("rel", "art",
		"signed on 1 July, will cost 300 jobs in the coastal villages before the end of the season",
		"signed on July 1 and will cost 400 jobs in the coastal villages before the end of the season")
	f.share("rel", "art",
		"We are asking the authority to open the survey to independent review before a single barge moves in the channel",
		"We are asking the authority to open the survey to independent review before a single barge moves in the channel")
	r := f.analyze()
	l, ok := linkBetween(r, "rel", "art")
	if !ok || l.Kind != provenance.LinkCopy || l.Source != "rel" {
		t.Fatalf("want copy rel → art, got %+v", r.Links)
	}
	all := strings.Join(l.Reasons, "\n")
	for _, want := range []string{"press release", "FOR IMMEDIATE RELEASE", "first-party quote", "Oduya of HRA", "attribution shift"} {
		if !strings.Contains(all, want) {
			t.Errorf("reasons lack %q:\n%s", want, all)
		}
	}
	kinds := map[provenance.MutationKind][]provenance.Mutation{}
	for _, m := range r.Mutations {
		kinds[m.Kind] = append(kinds[m.Kind], m)
		if strings.Contains(m.SourceText, "July") || strings.Contains(m.TargetText, "July") {
			t.Errorf("1 July → July 1 is the same date: %+v", m)
		}
		if m.SourceText != r.Doc(m.Source).Text[m.SourceStart:m.SourceEnd] || m.TargetText != r.Doc(m.Target).Text[m.TargetStart:m.TargetEnd] {
			t.Errorf("spans do not match texts: %+v", m)
		}
	}
	if ms := kinds[provenance.MutationNumber]; len(ms) != 1 || ms[0].SourceText != "300" || ms[0].TargetText != "400" {
		t.Errorf("want one number change 300 → 400, got %+v", ms)
	}
	if ms := kinds[provenance.MutationHedge]; len(ms) != 1 || ms[0].SourceText != "may" || ms[0].TargetText != "will" {
		t.Errorf("want the hedge dropped inside the quote, may → will, got %+v", ms)
	}
	if ms := kinds[provenance.MutationAttribution]; len(ms) != 1 || !strings.Contains(ms[0].TargetText, "HRCU official said") {
		t.Errorf("want the quote given to the HRCU official, got %+v", ms)
	}
}

const releaseFR = `COMMUNIQUÉ DE PRESSE
L'Observatoire des Lacs (ODL) appelle à suspendre le chantier de la digue nord tant que les pêcheurs n'ont pas été consultés.
« Le chantier pourrait détruire les frayères dont dépendent trois cents familles de la rive nord », déclare Ines Ravel, directrice de l'ODL.
L'ODL demande que l'étude d'impact soit publiée intégralement avant toute décision.
L'ODL rappelle que la saison de pêche commence dans six semaines.
À propos de l'Observatoire des Lacs
Organisation inventée pour les tests.
Pour plus d'informations, contactez : presse@odl.example.org
`

const articleFR = `Les pêcheurs de la rive nord s'inquiètent du chantier de la digue.
« Le chantier pourrait détruire les frayères dont dépendent trois cents familles de la rive nord », a déclaré Ines Ravel, directrice de l'ODL.
La préfecture n'a pas répondu à nos questions lundi.
`

func TestFrenchReleaseToArticle(t *testing.T) {
	f := newFixture(t)
	f.doc("com", "", "", releaseFR)
	f.doc("jnl", "", "", articleFR)
	f.share("com", "jnl",
		"Le chantier pourrait détruire les frayères dont dépendent trois cents familles de la rive nord », déclare Ines Ravel, directrice de l'ODL.",
		"Le chantier pourrait détruire les frayères dont dépendent trois cents familles de la rive nord », a déclaré Ines Ravel, directrice de l'ODL.")
	r := f.analyze()
	l, ok := linkBetween(r, "com", "jnl")
	if !ok || l.Kind != provenance.LinkCopy || l.Source != "com" {
		t.Fatalf("want copy com → jnl, got %+v", r.Links)
	}
	all := strings.Join(l.Reasons, "\n")
	for _, want := range []string{"COMMUNIQUÉ DE PRESSE", "Pour plus d'informations", "À propos de", "first-party quote", "déclare"} {
		if !strings.Contains(all, want) {
			t.Errorf("reasons lack %q:\n%s", want, all)
		}
	}
	for _, m := range r.Mutations {
		t.Errorf("reporting-verb tense is cosmetic, not a mutation: %+v", m)
	}
}
