// Package report writes a Copytrail analysis as one self-contained HTML
// file: inline CSS and SVG, no scripts, no fonts or images fetched from
// anywhere, so it reads offline for years and can be mailed or printed.
// It holds a summary with the settings used, the provenance graph, every
// link with its confidence and reasons, the two texts side by side with
// shared passages highlighted and numbered and the word changes inline, the
// mutations, the families of passages that travel across several articles
// with their timelines, and an appendix of every article's metadata with where each
// field came from. All article content goes through html/template, and a
// Content-Security-Policy forbids scripts, so a hostile article shows as
// text and runs nothing.
package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/export"
	"github.com/copytrail/copytrail/provenance/graphlayout"
)

// Options choose what a report holds.
type Options struct {
	// Title heads the report; empty gives "Copytrail report".
	Title string
	// Version is the tool version, repeated in the summary.
	Version string
	// Generated is when the report was made; zero leaves it out (tests
	// compare reports byte for byte).
	Generated time.Time
	// Compare limits the report to one comparison: the two document IDs.
	// Empty means the whole result.
	Compare [2]string
	// MaxComparisons caps how many links get their full texts side by side
	// (strongest first); the others list their reasons and passages. Zero
	// means DefaultMaxComparisons.
	MaxComparisons int
}

// DefaultMaxComparisons is the side-by-side cap when Options leave it zero.
const DefaultMaxComparisons = 60

// WriteHTML writes the report for r to w.
func WriteHTML(w io.Writer, r *provenance.Result, opts Options) error {
	v, err := build(r, opts)
	if err != nil {
		return err
	}
	if err := page.Execute(w, v); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

// view is everything the template shows.
type view struct {
	Title, Version, Generated string
	CSS                       any
	Compare                   bool
	Stats                     []stat
	TopSources                []source
	OutletLinks               []graphlayout.Edge
	Settings                  [][2]string
	Graph                     svgGraph
	Links                     []linkView
	LinkCount, PairCount      int // Links with a link drawn; pairs that share text without one
	Mutations                 []mutationView
	Families                  familiesSection
	Docs                      []docView
	Errors                    []provenance.FileError
	Duplicates                []dupView
}

type stat struct {
	N     int
	Label string
}

type source struct {
	Label, Outlet, Anchor string
	Reusers, Words        int
}

type dupView struct{ Doc, Original, Reason string }

func build(pr *provenance.Result, opts Options) (*view, error) {
	r := index(pr)
	v := &view{Title: opts.Title, Version: opts.Version, CSS: css()}
	if v.Title == "" {
		v.Title = "Copytrail report"
	}
	if v.Version == "" {
		v.Version = "(version not given)"
	}
	if !opts.Generated.IsZero() {
		v.Generated = opts.Generated.UTC().Format("2006-01-02 15:04 UTC")
	}
	docs := r.Documents
	links := r.Links
	g := graphlayout.DocumentGraph(pr)
	if a, b := opts.Compare[0], opts.Compare[1]; a != "" || b != "" {
		da, db := r.Doc(a), r.Doc(b)
		if da == nil || db == nil || a == b {
			return nil, fmt.Errorf("report: compare needs two different documents of the analysis, got %q and %q", a, b)
		}
		v.Compare = true
		docs = []provenance.Document{*da, *db}
		links = nil
		for _, l := range r.Links {
			if (l.Source == a && l.Target == b) || (l.Source == b && l.Target == a) {
				links = append(links, l)
			}
		}
		if len(links) == 0 { // no link drawn: still compare what they share
			links = []provenance.Link{{Source: a, Target: b, Kind: "", Reasons: nil}}
		}
		g = g.Restrict(a, b)
	} else {
		g = graphlayout.WithAbsentSources(pr).Linked() // the sources the texts name, drawn as hubs
	}
	sort.SliceStable(links, func(i, j int) bool { return links[i].Confidence > links[j].Confidence })
	if !v.Compare {
		links = append(links, unlinkedPairs(pr)...)
	}
	max := opts.MaxComparisons
	if max <= 0 {
		max = DefaultMaxComparisons
	}
	anchors := map[string]string{}
	for i, d := range docs {
		anchors[d.ID] = fmt.Sprintf("doc-%d", i+1)
	}
	for i, l := range links {
		v.Links = append(v.Links, buildLink(r, l, i, i < max, anchors))
		if l.Kind != "" {
			v.LinkCount++
		} else {
			v.PairCount++
		}
	}
	v.Graph = buildGraph(g, anchors)
	v.Mutations = buildMutations(r, docs)
	v.Families = buildFamilies(r, anchors)
	for i := range docs {
		v.Docs = append(v.Docs, buildDoc(&docs[i], anchors))
	}
	v.Stats = stats(r, docs, links, v.Mutations)
	v.TopSources = topSources(r, links, anchors)
	if !v.Compare {
		v.OutletLinks = graphlayout.OutletGraph(pr).SortedEdges()
		if len(v.OutletLinks) > 10 {
			v.OutletLinks = v.OutletLinks[:10]
		}
	}
	v.Settings = flatten(r.Settings)
	if !v.Compare {
		v.Errors = r.Errors
		for _, d := range r.Duplicates {
			v.Duplicates = append(v.Duplicates, dupView{label(r, d.Doc), label(r, d.Original), d.Reason})
		}
	}
	return v, nil
}

func label(r *result, id string) string {
	if d := r.Doc(id); d != nil {
		return d.Label()
	}
	return id
}

func stats(r *result, docs []provenance.Document, links []provenance.Link, muts []mutationView) []stat {
	in := map[string]bool{}
	for _, d := range docs {
		in[d.ID] = true
	}
	passages := 0
	for _, p := range r.Passages {
		if in[p.A] && in[p.B] {
			passages++
		}
	}
	kinds := map[provenance.LinkKind]int{}
	for _, l := range links {
		if l.Kind != "" {
			kinds[l.Kind]++
		}
	}
	return []stat{
		{len(docs), "articles"}, {passages, "shared passages"},
		{kinds[provenance.LinkCopy], "copy links"}, {kinds[provenance.LinkCommonSource], "common-source links"},
		{kinds[provenance.LinkUnknown], "undirected links"}, {len(muts), "mutations"},
	}
}

// topSources ranks documents by how many others reused them (copy links).
func topSources(r *result, links []provenance.Link, anchors map[string]string) []source {
	by := map[string]*source{}
	var order []string
	for _, l := range links {
		if l.Kind != provenance.LinkCopy {
			continue
		}
		s, ok := by[l.Source]
		if !ok {
			d := r.Doc(l.Source)
			s = &source{Label: label(r, l.Source), Anchor: anchors[l.Source]}
			if d != nil {
				s.Outlet = d.Meta.Outlet.Value
			}
			by[l.Source] = s
			order = append(order, l.Source)
		}
		s.Reusers++
		w, _ := graphlayout.LinkWords(r.Result, l)
		s.Words += w
	}
	out := make([]source, 0, len(order))
	for _, id := range order {
		out = append(out, *by[id])
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Reusers != out[j].Reusers {
			return out[i].Reusers > out[j].Reusers
		}
		return out[i].Words > out[j].Words
	})
	if len(out) > 10 {
		out = out[:10]
	}
	return out
}

// flatten lists every setting as "name = value" rows, nested blocks as
// "block.name", read from the settings' JSON form so no field is forgotten.
func flatten(s provenance.Settings) [][2]string {
	b, err := json.Marshal(s)
	if err != nil {
		return [][2]string{{"settings", err.Error()}}
	}
	var m map[string]any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&m); err != nil {
		return [][2]string{{"settings", err.Error()}}
	}
	var rows [][2]string
	var walk func(prefix string, m map[string]any)
	walk = func(prefix string, m map[string]any) {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if sub, ok := m[k].(map[string]any); ok {
				walk(prefix+k+".", sub)
				continue
			}
			rows = append(rows, [2]string{prefix + k, fmt.Sprint(m[k])})
		}
	}
	walk("", m)
	return rows
}

// mutationView is one mutation as the report lists it.
type mutationView struct {
	Kind, Explanation, Source, Target, SourceText, TargetText string
	SourceAnchor, TargetAnchor                                string
}

func buildMutations(r *result, docs []provenance.Document) []mutationView {
	in := map[string]string{}
	for i, d := range docs {
		in[d.ID] = fmt.Sprintf("doc-%d", i+1)
	}
	var out []mutationView
	for _, m := range r.Mutations {
		if in[m.Source] == "" || in[m.Target] == "" {
			continue
		}
		out = append(out, mutationView{
			Kind: m.Kind.Words(), Explanation: m.Explanation,
			Source: label(r, m.Source), Target: label(r, m.Target),
			SourceText: m.SourceText, TargetText: m.TargetText,
			SourceAnchor: in[m.Source], TargetAnchor: in[m.Target],
		})
	}
	return out
}

// unlinkedPairs returns, as link-less comparisons, the pairs that share a
// passage counted as evidence but got no link (below the lineage layer's
// thresholds, or before it ran), most shared words first.
func unlinkedPairs(r *provenance.Result) []provenance.Link {
	linked := map[[2]string]bool{}
	for _, l := range r.Links {
		linked[[2]string{l.Source, l.Target}], linked[[2]string{l.Target, l.Source}] = true, true
	}
	var ps []provenance.Pair
	for _, p := range r.Pairs {
		if !linked[[2]string{p.A, p.B}] && p.SharedWords > 0 {
			ps = append(ps, p)
		}
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].SharedWords > ps[j].SharedWords })
	out := make([]provenance.Link, len(ps))
	for i, p := range ps {
		out[i] = provenance.Link{Source: p.A, Target: p.B, Passages: p.Passages}
	}
	return out
}

// displayDate shows an RFC 3339 date as "2006-01-02 15:04 UTC" (or the
// date alone), and anything unparseable as written.
func displayDate(s string) string {
	m := provenance.Metadata{Published: provenance.Field{Value: s}}
	t, ok := m.PublishedTime()
	if !ok {
		return s
	}
	if h, mi, se := t.Clock(); h+mi+se == 0 && len(strings.TrimSpace(s)) <= 10 {
		return t.Format("2006-01-02")
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}

// WriteFile writes the report as name (default "report.html") directly
// inside folder dir, with export.WriteFile's guarantees: never outside dir,
// never through a symlink, atomically replaced. It returns the path written.
func WriteFile(dir, name string, r *provenance.Result, opts Options) (string, error) {
	if name == "" {
		name = "report.html"
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("report: folder %s: %w", dir, err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return "", fmt.Errorf("report: folder %s: %w", dir, err)
	}
	defer root.Close()
	written, err := export.WriteFile(root, name, func(w io.Writer) error { return WriteHTML(w, r, opts) })
	path := filepath.Join(dir, written)
	if err != nil {
		return path, fmt.Errorf("report: %s: %w", path, err)
	}
	return path, nil
}
