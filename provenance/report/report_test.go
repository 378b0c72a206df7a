package report

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/export"
	"github.com/copytrail/copytrail/provenance/export/exporttest"
)

func render(t testing.TB, r *provenance.Result, opts Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteHTML(&buf, r, opts); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// unsafeMarkup tokenises a report and returns the first thing in it that
// could run or fetch anything: a script, iframe, object, embed, img, link
// or base element, an on* attribute, a non-local href, or an external
// reference inside the style.
func unsafeMarkup(doc string) string {
	z := html.NewTokenizer(strings.NewReader(doc))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.Data {
			case "script", "iframe", "object", "embed", "img", "link", "base", "form", "image", "use", "foreignobject":
				return "element <" + tok.Data + ">"
			}
			for _, a := range tok.Attr {
				k := strings.ToLower(a.Key)
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if strings.HasPrefix(k, "on") {
					return "attribute " + a.Key + " on <" + tok.Data + ">"
				}
				if (k == "href" || k == "src" || k == "xlink:href") && !strings.HasPrefix(v, "#") && !strings.HasPrefix(v, "http://") && !strings.HasPrefix(v, "https://") {
					return "reference " + a.Key + "=" + a.Val
				}
			}
		case html.TextToken:
			// Inside <style> the tokenizer yields raw text: it must hold no
			// url() other than our own fragment references.
		}
	}
}

func TestHostileContentIsEscaped(t *testing.T) {
	r := exporttest.Hostile()
	for _, opts := range []Options{{}, {Compare: [2]string{"d-release", "d-wire"}}} {
		doc := render(t, r, opts)
		if bad := unsafeMarkup(doc); bad != "" {
			t.Errorf("compare=%v: report contains %s", opts.Compare, bad)
		}
		if !strings.Contains(doc, "&lt;script&gt;document.title=") {
			t.Error("the hostile title is not shown as text")
		}
		if strings.Contains(strings.ToLower(doc), `href="javascript:`) {
			t.Error("a javascript: URL became a link")
		}
		if !strings.Contains(doc, "Content-Security-Policy") {
			t.Error("no Content-Security-Policy")
		}
	}
}

func FuzzReportEscapes(f *testing.F) {
	for _, a := range exporttest.Attacks {
		f.Add(a, a)
	}
	f.Add("<svg><script>alert(1)</script></svg>", "</textarea><a href=javascript:x>")
	f.Fuzz(func(t *testing.T, field, text string) {
		r := exporttest.Sample()
		d := &r.Documents[0]
		d.Meta.Title.Value, d.Meta.Outlet.Value, d.Meta.URL.Value, d.Meta.Author.Detail = field, field, field, field
		d.Text = text + d.Text
		for i := range r.Passages {
			if p := &r.Passages[i]; p.A == d.ID {
				p.AStart += len(text)
				p.AEnd += len(text)
			}
		}
		r.Links[0].Reasons = append(r.Links[0].Reasons, field)
		r.Passages[0].Diff = append(r.Passages[0].Diff, provenance.DiffOp{Op: "-", Text: text})
		doc := render(t, r, Options{Title: field, Version: field})
		if bad := unsafeMarkup(doc); bad != "" {
			t.Fatalf("field %q text %q: report contains %s", field, text, bad)
		}
	})
}

func TestCompareReportCoversOnePair(t *testing.T) {
	r := exporttest.Sample()
	doc := render(t, r, Options{Compare: [2]string{"d-wire", "d-release"}})
	if n := strings.Count(doc, `<article class="link"`); n != 1 {
		t.Errorf("%d comparisons, want 1", n)
	}
	if strings.Contains(doc, "Town notes") || strings.Count(doc, `<h3 id="doc-`) != 2 {
		t.Error("a comparison report shows a third article")
	}
	// The source (release) is on the left whatever the order asked.
	if strings.Index(doc, "Lakeside Water Board — press release") > strings.Index(doc, "ØRNES, March 4") {
		t.Error("the source is not on the left")
	}
	if _, err := build(r, Options{Compare: [2]string{"d-wire", "nope"}}); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("unknown document: %v", err)
	}
	// A pair with no link is still compared, without an arrow.
	r.Links = nil
	doc = render(t, r, Options{Compare: [2]string{"d-wire", "d-release"}})
	if !strings.Contains(doc, "no link drawn") || !strings.Contains(doc, "↔") {
		t.Error("an unlinked pair should say no link was drawn")
	}
}

func TestDiffsReadFromSourceToTarget(t *testing.T) {
	r := exporttest.Sample()
	doc := render(t, r, Options{})
	if !strings.Contains(doc, "<del>12,000</del><ins>15,000</ins>") {
		t.Error("passage diff not shown source → target")
	}
	// Swap the passage's sides: the report must flip the diff so that
	// deleted words are still the source's.
	p := &r.Passages[0]
	p.A, p.B, p.AStart, p.AEnd, p.BStart, p.BEnd = p.B, p.A, p.BStart, p.BEnd, p.AStart, p.AEnd
	for i, op := range p.Diff {
		p.Diff[i].Op = map[string]string{"=": "=", "-": "+", "+": "-"}[op.Op]
	}
	doc = render(t, r, Options{})
	if !strings.Contains(doc, "<del>12,000</del>") || !strings.Contains(doc, "<ins>15,000</ins>") {
		t.Error("flipped passage: diff not re-oriented from source to target")
	}
}

func TestSegmentsNumberPassagesAndGreyBoilerplate(t *testing.T) {
	text := "---\ntitle: x\n---\nHello shared words here. Share this article. More shared text."
	skip := []provenance.Span{{Start: 0, End: 17}}
	grey := []provenance.Span{{Start: strings.Index(text, "Share this"), End: strings.Index(text, "More")}}
	marks := []export.Mark{
		{Span: provenance.Span{Start: strings.Index(text, "shared words"), End: strings.Index(text, " here")}, N: 0},
		{Span: provenance.Span{Start: strings.Index(text, "shared text"), End: len(text)}, N: 1},
	}
	segs := segments(text, marks, grey, skip)
	var joined strings.Builder
	badges := 0
	for _, s := range segs {
		joined.WriteString(s.Text)
		if s.Badge != "" {
			badges++
		}
	}
	if joined.String() != text[17:] {
		t.Errorf("segments hold %q, want the text without front matter", joined.String())
	}
	if badges != 2 {
		t.Errorf("%d badges, want one per passage", badges)
	}
	for _, s := range segs {
		if strings.HasPrefix(s.Text, "Share this") && !s.Grey {
			t.Error("boilerplate not greyed")
		}
		if s.Text == "shared words" && (s.N != 0 || s.Cls != "p0" || s.Badge != "1") {
			t.Errorf("first passage segment %+v", s)
		}
	}
	// Bad spans are clamped, never a panic.
	segments("short", []export.Mark{{Span: provenance.Span{Start: -4, End: 99}}}, []provenance.Span{{Start: 50, End: 2}}, nil)
}

func TestSummaryRepeatsEverySetting(t *testing.T) {
	r := exporttest.Sample()
	rows := flatten(r.Settings)
	names := map[string]string{}
	for _, row := range rows {
		names[row[0]] = row[1]
	}
	for _, want := range []string{"preset", "ngram", "min_passage_words", "max_gap", "df_cap", "df_cap_min", "min_similarity", "max_doc_bytes", "lineage.min_confidence"} {
		if _, ok := names[want]; !ok {
			t.Errorf("settings table lacks %s", want)
		}
	}
	if names["max_doc_bytes"] != "1048576" {
		t.Errorf("max_doc_bytes shown as %q", names["max_doc_bytes"])
	}
	doc := render(t, r, Options{Version: "9.9.9"})
	if !strings.Contains(doc, "Copytrail 9.9.9") || !strings.Contains(doc, "Top sources") {
		t.Error("summary lacks version or top sources")
	}
}

func TestSafeURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.org/a?b=1": "https://example.org/a?b=1", " HTTP://x.example ": "HTTP://x.example",
		"javascript:alert(1)": "", "data:text/html,x": "", "https://x\" onmouseover=\"y": "", "file:///etc/passwd": "",
	} {
		if got := safeURL(in); got != want {
			t.Errorf("safeURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWordChangesShowInTheTexts(t *testing.T) {
	doc := render(t, exporttest.Sample(), Options{})
	// Once inline in the side-by-side text, once in the passage list.
	for _, want := range []string{"<del>12,000</del>", "<ins>15,000</ins>", "<del>The board</del>", "<ins>The Lakeside Water Board</ins>"} {
		if n := strings.Count(doc, want); n < 2 {
			t.Errorf("%s appears %d times, want in the text and in the passage list", want, n)
		}
	}
	segs := markChanges([]segment{{Start: 10, Text: "abcdefghij", N: 0, Badge: "1"}}, []provenance.Span{{Start: 12, End: 15}}, "del")
	if len(segs) != 3 || segs[1].Text != "cde" || segs[1].Change != "del" || segs[0].Badge != "1" || segs[1].Badge != "" || segs[2].Change != "" {
		t.Errorf("markChanges = %+v", segs)
	}
}

func TestEmptyResultReports(t *testing.T) {
	doc := render(t, &provenance.Result{}, Options{})
	if !strings.Contains(doc, "No articles.") || !strings.Contains(doc, "no link") {
		t.Error("an empty analysis should say there is nothing")
	}
}

func TestWriteFileStaysInFolder(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "out")
	path, err := WriteFile(dir, "", exporttest.Sample(), Options{})
	if err != nil || path != filepath.Join(dir, "report.html") {
		t.Fatalf("WriteFile = %q, %v", path, err)
	}
	if b, _ := os.ReadFile(path); !strings.Contains(string(b), "<!DOCTYPE html>") {
		t.Error("report not written")
	}
	victim := filepath.Join(base, "victim.html")
	os.WriteFile(victim, []byte("keep"), 0o644)
	if err := os.Symlink(victim, filepath.Join(dir, "link.html")); err != nil {
		t.Skip("no symlinks:", err)
	}
	if _, err := WriteFile(dir, "link.html", exporttest.Sample(), Options{}); err == nil || !strings.Contains(err.Error(), "symlink") {
		t.Errorf("writing through a symlink: err = %v", err)
	}
	if b, _ := os.ReadFile(victim); string(b) != "keep" {
		t.Error("the symlink's target was overwritten")
	}
}

func TestSummaryListsOutletLinks(t *testing.T) {
	r := exporttest.Hostile()
	doc := render(t, r, Options{})
	if !strings.Contains(doc, "Between outlets") || !strings.Contains(doc, "Northwind Wire</td>") || !strings.Contains(doc, "91%") {
		t.Error("outlet links missing from the summary")
	}
	if !strings.Contains(doc, "&lt;/style&gt;&lt;script&gt;") {
		t.Error("hostile outlet name not escaped in the outlet table")
	}
}

func TestFamiliesSectionListsTimelines(t *testing.T) {
	r := exporttest.Sample()
	doc := render(t, r, Options{})
	if !strings.Contains(doc, `href="#families">Families (1)`) || strings.Count(doc, `<article class="family"`) != 1 {
		t.Fatal("the sample's family is not listed or not in the navigation")
	}
	if m, f, a := strings.Index(doc, `id="mutations"`), strings.Index(doc, `id="families"`), strings.Index(doc, `id="appendix"`); !(m < f && f < a) {
		t.Error("families section not between mutations and appendix")
	}
	// Three articles, one undated, a hostile snippet, and more families
	// than the cap: widest first, dated members by date, undated last.
	var ids []string
	for _, d := range r.Documents {
		ids = append(ids, d.ID)
	}
	undated := ids[len(ids)-1]
	for i := range r.Documents {
		if r.Documents[i].ID == undated {
			r.Documents[i].Meta.Published.Value = ""
		}
	}
	wide := provenance.Family{ID: "wide", Origin: ids[0], Words: 9, Snippet: "<script>alert(1)</script> wide family"}
	for _, id := range []string{undated, ids[1], ids[0]} {
		wide.Members = append(wide.Members, provenance.FamilyMember{Doc: id, Start: 0, End: 40})
	}
	for i := 0; i < MaxFamilies+4; i++ {
		r.Families = append(r.Families, provenance.Family{ID: fmt.Sprint("n", i), Words: 3, Snippet: fmt.Sprint("narrow ", i),
			Members: []provenance.FamilyMember{{Doc: ids[0], End: 10}, {Doc: ids[1], End: 10}}})
	}
	r.Families = append(r.Families, wide)
	v, err := build(r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	fs := v.Families
	if fs.Total != MaxFamilies+6 || len(fs.List) != MaxFamilies || fs.More != 6 || !strings.Contains(fs.Note(), "6 more") {
		t.Fatalf("families: total %d, listed %d, more %d, note %q", fs.Total, len(fs.List), fs.More, fs.Note())
	}
	first := fs.List[0]
	if first.Reach != 3 || first.Origin == nil || first.Origin.Label != label(index(r), ids[0]) {
		t.Fatalf("widest family first with its origin, got %+v", first)
	}
	if fs.List[1].Words != 26 {
		t.Errorf("second family has %d words, want the 26-word one before the 3-word ones", fs.List[1].Words)
	}
	last := first.Members[len(first.Members)-1]
	if last.Date != "undated" || last.Label != label(index(r), undated) {
		t.Errorf("undated member not last: %+v", first.Members)
	}
	for _, m := range first.Members[:len(first.Members)-1] {
		if m.Date == "undated" || m.Opening == "" {
			t.Errorf("dated member shown as %+v", m)
		}
	}
	if a, b := first.Members[0].Date, first.Members[1].Date; a > b {
		t.Errorf("dated members out of order: %s before %s", a, b)
	}
	doc = render(t, r, Options{})
	if !strings.Contains(doc, "&lt;script&gt;alert(1)&lt;/script&gt; wide family") || strings.Contains(doc, "<script>alert(1)") {
		t.Error("family snippet not escaped")
	}
	if !strings.Contains(doc, "6 more are not shown") || strings.Count(doc, `<article class="family"`) != MaxFamilies {
		t.Error("the cap and its note are not rendered")
	}
	if bad := unsafeMarkup(doc); bad != "" {
		t.Errorf("report contains %s", bad)
	}
}

// TestSameTitleLinkIsToldApart: a reprint keeps its source's headline;
// the link's heading and its two columns name each side by its outlet, or
// by its file when the outlets do not tell them apart.
func TestSameTitleLinkIsToldApart(t *testing.T) {
	r := exporttest.Sample()
	a, b := r.Doc("d-wire"), r.Doc("d-release")
	a.Meta.Title = provenance.Field{Value: "Water unsafe", Origin: provenance.OriginInferred}
	b.Meta.Title = a.Meta.Title
	v, err := build(r, Options{Compare: [2]string{"d-wire", "d-release"}})
	if err != nil {
		t.Fatal(err)
	}
	src, tgt := v.Links[0].Source, v.Links[0].Target
	if src.Label == tgt.Label || !strings.HasPrefix(src.Label, "Water unsafe (") || !strings.Contains(src.Label, src.Outlet) {
		t.Errorf("labels %q and %q (outlets %q, %q)", src.Label, tgt.Label, src.Outlet, tgt.Outlet)
	}
	b.Meta.Outlet = a.Meta.Outlet
	v, _ = build(r, Options{Compare: [2]string{"d-wire", "d-release"}})
	src, tgt = v.Links[0].Source, v.Links[0].Target
	fa, fb := "("+filepath.Base(a.Path)+")", "("+filepath.Base(b.Path)+")"
	if fa == fb {
		t.Fatalf("the sample's two files are both %s", fa)
	}
	if got := []string{src.Label, tgt.Label}; !(strings.HasSuffix(got[0], fb) && strings.HasSuffix(got[1], fa)) && !(strings.HasSuffix(got[0], fa) && strings.HasSuffix(got[1], fb)) {
		t.Errorf("one outlet: labels %q, want them told apart by %s and %s", got, fa, fb)
	}
}

// TestNamedSourceIsDrawnAsAHub: a common-source link that names its source
// is drawn in the report's graph as that source, "not in the collection",
// with an edge to each of the two articles, not as an edge between them.
func TestNamedSourceIsDrawnAsAHub(t *testing.T) {
	r := exporttest.Sample()
	r.Links[1].Kind, r.Links[1].CommonSource = provenance.LinkCommonSource, "Harbour News Agency"
	v, err := build(r, Options{})
	if err != nil {
		t.Fatal(err)
	}
	hub := -1
	for i, n := range v.Graph.Nodes {
		if n.Label == "Harbour News Agency" && n.Sub == "not in the collection" {
			hub = i
		}
	}
	if hub < 0 {
		t.Fatalf("no node for the named source among %+v", v.Graph.Nodes)
	}
	from := 0
	for _, e := range v.Graph.Edges {
		if e.Kind == "common" {
			from++
		}
	}
	if from != 2 {
		t.Errorf("%d common-source edges, want one from the source to each of its two articles", from)
	}
	if doc := render(t, r, Options{}); !strings.Contains(doc, "not in the collection") {
		t.Error("the report does not say the source is not in the collection")
	}
}
