package scan_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/gen"
	"github.com/copytrail/copytrail/provenance/scan"
)

func docOf(id, text string) provenance.Document {
	return provenance.Document{ID: id, Path: id + ".txt", Format: "txt", Text: text}
}

func run(t *testing.T, docs []provenance.Document) *provenance.Result {
	t.Helper()
	r, err := scan.Run(context.Background(), docs, scan.DefaultSettings(), nil)
	if err != nil {
		t.Fatalf("scan: %v", err)
	}
	return r
}

// article returns generated text of about words words; seed varies it.
func article(seed uint64, words int) string {
	return gen.Corpus(1, words, seed)[0].Text
}

func TestPresets(t *testing.T) {
	prev := 0
	for _, name := range scan.Presets {
		s, err := scan.Preset(name)
		if err != nil || s.Preset != name || scan.Validate(s) != nil {
			t.Fatalf("preset %q: %+v, %v", name, s, err)
		}
		if prev != 0 && s.NGram > prev {
			t.Fatalf("preset %q has longer seeds than a stricter one", name)
		}
		prev = s.NGram
	}
	if _, err := scan.Preset("loose"); err == nil {
		t.Fatal("unknown preset accepted")
	}
	if d := scan.DefaultSettings(); d.Preset != "balanced" {
		t.Fatalf("default preset %q", d.Preset)
	}
	bad := scan.DefaultSettings()
	bad.NGram = 1
	if _, err := scan.Run(context.Background(), nil, bad, nil); err == nil {
		t.Fatal("ngram 1 accepted")
	}
}

func TestFindsReuseAndSummarisesPair(t *testing.T) {
	src := article(1, 400)
	body := strings.SplitN(src, "\n\n", 3)[2] // drop the title
	copied := body[:len(body)/2]
	tgt := article(2, 200) + "\n\n" + copied + "\n\n" + article(3, 200)
	r := run(t, []provenance.Document{docOf("src", src), docOf("tgt", tgt), docOf("other", article(4, 300))})
	if len(r.Pairs) != 1 || r.Pairs[0].A != "src" || r.Pairs[0].B != "tgt" {
		t.Fatalf("pairs = %+v, want only src-tgt", r.Pairs)
	}
	p := r.Pairs[0]
	if p.ACoverage < 0.35 || p.ACoverage > 0.6 || p.LongestPassage == 0 || len(p.Passages) == 0 {
		t.Fatalf("pair summary %+v: about half of src was copied", p)
	}
	// the same shared words, counted on each side
	wa, wb := float64(r.Documents[0].Words), float64(r.Documents[1].Words)
	if d := p.ACoverage*wa - p.BCoverage*wb; d > 5 || d < -5 || p.SharedWords != int(p.ACoverage*wa+0.5) {
		t.Fatalf("coverages disagree: %+v (words %v, %v)", p, wa, wb)
	}
	for _, d := range r.Documents {
		if d.Words == 0 {
			t.Fatalf("document %s has no word count", d.ID)
		}
	}
	if r.Settings.Preset != "balanced" || r.Version != provenance.ContractVersion {
		t.Fatalf("result does not repeat its settings: %+v", r.Settings)
	}
}

func TestBadInputEmptyDocuments(t *testing.T) {
	r := run(t, []provenance.Document{docOf("a", ""), docOf("b", "   \n\n "), docOf("c", "…—!?")})
	if len(r.Passages) != 0 || len(r.Documents) != 3 {
		t.Fatalf("empty documents gave %d passages, %d docs", len(r.Passages), len(r.Documents))
	}
	if r0 := run(t, nil); len(r0.Documents) != 0 {
		t.Fatal("no documents should give an empty result")
	}
}

func TestBadInputOneMegabyteLine(t *testing.T) {
	var b strings.Builder
	for i := uint64(0); b.Len() < 1<<20; i++ {
		b.WriteString(strings.ReplaceAll(article(100+i%50, 600), "\n", " "))
	}
	line := b.String()
	excerpt := line[500000:501200]
	excerpt = excerpt[strings.IndexByte(excerpt, ' ')+1 : strings.LastIndexByte(excerpt, ' ')]
	r := run(t, []provenance.Document{docOf("big", line), docOf("small", article(7, 200)+" "+excerpt)})
	found := false
	for _, p := range r.Passages {
		if !p.Incidental && p.AStart >= 499000 && p.AEnd <= 502500 && p.Words > 100 {
			found = true
		}
	}
	if !found {
		t.Fatalf("the excerpt of the 1 MB line was not found; %d passages", len(r.Passages))
	}
}

func TestBadInputOneWordRepeated(t *testing.T) {
	same := strings.Repeat("word ", 100000)
	r := run(t, []provenance.Document{docOf("a", same), docOf("b", same+"end"), docOf("c", "a word or two")})
	if r.Documents[0].Words != 100000 {
		t.Fatalf("words = %d", r.Documents[0].Words)
	}
	if len(r.Passages) > 10 {
		t.Fatalf("a repeated word exploded into %d passages", len(r.Passages))
	}
}

func TestBadInputIdenticalDocuments(t *testing.T) {
	text := article(9, 300)
	r := run(t, []provenance.Document{docOf("a", text), docOf("b", text), docOf("c", article(10, 300))})
	if len(r.Duplicates) != 1 || r.Duplicates[0].Doc != "b" || r.Duplicates[0].Original != "a" {
		t.Fatalf("duplicates = %+v", r.Duplicates)
	}
	if len(r.Passages) != 0 {
		t.Fatalf("identical documents analysed as copies: %+v", r.Pairs)
	}
}

// 5,000 documents sharing one unmarked boilerplate paragraph must not turn
// into 12.5 million pairs: the DF cap stops its n-grams seeding.
func TestBadInputSharedBoilerplate(t *testing.T) {
	if testing.Short() {
		t.Skip("5,000 documents")
	}
	boiler := "Sign up for our morning newsletter to receive the latest regional reporting, exclusive interviews and analysis delivered straight to your inbox every weekday before breakfast."
	texts := gen.Corpus(5000, 80, 11)
	docs := make([]provenance.Document, len(texts))
	for i, d := range texts {
		docs[i] = docOf(fmt.Sprintf("d%04d", i), d.Text+"\n\n"+boiler)
	}
	r := run(t, docs)
	// Copies near a document's end may run on into the boilerplate (it is
	// shared text), but no passage may be mostly boilerplate.
	for _, p := range r.Passages {
		a := sideA(p, docs)
		if i := strings.Index(a, "Sign up for"); !p.Incidental && i >= 0 && len(a)-i > len(a)/2 {
			t.Fatalf("the shared boilerplate became evidence: %+v", p)
		}
	}
	if len(r.Pairs) > 50000 {
		t.Fatalf("%d pairs: the boilerplate was not capped", len(r.Pairs))
	}
}

// sideA returns side A's text of p.
func sideA(p provenance.Passage, docs []provenance.Document) string {
	for _, d := range docs {
		if d.ID == p.A {
			return d.Text[p.AStart:p.AEnd]
		}
	}
	return ""
}

func TestMarkedBoilerplateIgnored(t *testing.T) {
	boiler := strings.SplitN(article(12, 80), "\n\n", 2)[1]
	a := article(13, 200) + "\n\n" + boiler
	b := article(14, 200) + "\n\n" + boiler
	da, db := docOf("a", a), docOf("b", b)
	da.Boilerplate = []provenance.Span{{Start: len(a) - len(boiler), End: len(a)}}
	db.Boilerplate = []provenance.Span{{Start: len(b) - len(boiler), End: len(b)}}
	if r := run(t, []provenance.Document{da, db}); len(r.Passages) != 0 {
		t.Fatalf("marked boilerplate matched: %+v", r.Passages)
	}
	if r := run(t, []provenance.Document{docOf("a", a), docOf("b", b)}); len(r.Passages) == 0 {
		t.Fatal("unmarked, the same text should match (the test is void otherwise)")
	}
}

func TestProgressAndCancel(t *testing.T) {
	docs := gen.Corpus(60, 300, 5)
	stages := map[string]bool{}
	_, err := scan.Run(context.Background(), docs, scan.DefaultSettings(), func(p provenance.Progress) {
		stages[p.Stage] = true
		if p.Done > p.Total && p.Total > 0 {
			t.Errorf("progress %+v beyond total", p)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"indexing", "matching", "aligning", "linking"} {
		if !stages[s] {
			t.Errorf("no progress for stage %q (got %v)", s, stages)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := scan.Run(ctx, docs, scan.DefaultSettings(), nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled scan returned %v", err)
	}
}

func TestCacheReusesDocuments(t *testing.T) {
	docs := gen.Corpus(30, 300, 6)
	sc := &scan.Scanner{Cache: scan.NewCache()}
	r1, err := sc.Run(context.Background(), docs[:29], scan.DefaultSettings(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Cache.Len() != 29 {
		t.Fatalf("cache holds %d documents, want 29", sc.Cache.Len())
	}
	r2, err := sc.Run(context.Background(), docs, scan.DefaultSettings(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Cache.Len() != 30 {
		t.Fatalf("adding one article: cache holds %d, want 30", sc.Cache.Len())
	}
	fresh := run(t, docs)
	if len(r2.Passages) != len(fresh.Passages) || len(r2.Passages) < len(r1.Passages) {
		t.Fatalf("cached scan found %d passages, fresh %d (before adding %d)", len(r2.Passages), len(fresh.Passages), len(r1.Passages))
	}
}

// Two near-identical 1 MB documents: one long passage, aligned and diffed
// in bounded time (go-diff's timeout, no whole-document table).
func TestBadInputNearIdenticalLargeDocuments(t *testing.T) {
	if testing.Short() {
		t.Skip("2 MB of text")
	}
	var b strings.Builder
	for i := uint64(0); b.Len() < 1<<20; i++ {
		b.WriteString(article(200+i, 600))
	}
	a := b.String()
	edited := strings.Replace(strings.Replace(a, " the ", " a ", 3), "said", "says", 5)
	r := run(t, []provenance.Document{docOf("a", a), docOf("b", edited)})
	if len(r.Pairs) != 1 || r.Pairs[0].ACoverage < 0.9 {
		t.Fatalf("near-identical documents: %+v", r.Pairs)
	}
}
