// Package exporttest builds small analysis Results for the tests of the
// export and report packages and of the command line: invented text (never
// real articles) with the awkward characters exports must survive, and a
// hostile variant whose every field tries to inject markup or script.
package exporttest

import (
	"strings"

	"github.com/copytrail/copytrail/provenance"
)

// Marker is set as document.title by every script in Hostile; a report
// whose title becomes Marker ran one.
const Marker = "INJECTED-BY-ARTICLE"

// span finds needle in text and returns its byte span (panics if absent:
// the sample texts are fixed).
func span(text, needle string) provenance.Span {
	i := strings.Index(text, needle)
	if i < 0 {
		panic("exporttest: " + needle + " not in text")
	}
	return provenance.Span{Start: i, End: i + len(needle)}
}

func field(v string, o provenance.Origin, detail string) provenance.Field {
	return provenance.Field{Value: v, Origin: o, Detail: detail}
}

// Sample returns a three-document analysis: a press release, a wire story
// that copied it (with an altered quote and a changed number), and a
// paper that shares only a stock phrase with the wire. Texts and metadata
// contain quotes, commas, line breaks and non-ASCII letters.
func Sample() *provenance.Result {
	release := "Lakeside Water Board — press release\n\nThe board said on Monday that the new filter plant at Ørnes will serve 12,000 homes from \"early spring\", a year ahead of plan.\n\n\"We are confident the plant will lower bills,\" said chair Ana Müller, adding that costs \"may rise\" if steel prices climb.\n\nFor more information, contact the press office."
	wire := "ØRNES, March 4 (Northwind Wire) — The Lakeside Water Board said on Monday that the new filter plant at Ørnes will serve 15,000 homes from \"early spring\", a year ahead of plan.\n\n\"We are certain the plant will lower bills,\" said chair Ana Müller, adding that costs will rise if steel prices climb.\n\nReporting by Jo Kline; editing by Sam Ode."
	paper := "Town notes, \"quoted\", with commas\n\nIn other news the school fair raised money for books. Reporting by Jo Kline; editing by Sam Ode.\nThe fair returns next year."
	docs := []provenance.Document{
		{ID: "d-release", Path: "/corpus/release, \"final\".txt", Format: "txt", Text: release, Words: 52, ContentHash: "h1",
			Meta: provenance.Metadata{
				Title:     field("New filter plant to serve Ørnes \"early\"", provenance.OriginFrontMatter, "front matter title:"),
				Outlet:    field("Lakeside Water Board", provenance.OriginSidecar, "metadata.csv row 2"),
				Published: field("2024-03-04T08:00:00Z", provenance.OriginFrontMatter, ""),
				URL:       field("https://example.org/release?a=1&b=2", provenance.OriginSidecar, ""),
			}},
		{ID: "d-wire", Path: "/corpus/wire.html", Format: "html", Text: wire, Words: 55,
			Meta: provenance.Metadata{
				Title:     field("Ørnes plant, a year early, to serve 15,000 homes", provenance.OriginMeta, "og:title"),
				Outlet:    field("Northwind Wire", provenance.OriginInferred, "dateline 'ØRNES, March 4 (Northwind Wire) —'"),
				Author:    field("Jo Kline", provenance.OriginInferred, "sign-off line\nReporting by"),
				Published: field("2024-03-04T11:30:00Z", provenance.OriginJSONLD, "datePublished"),
			}},
		{ID: "d-paper", Path: "/corpus/paper.txt", Format: "txt", Text: paper, Words: 30,
			Meta: provenance.Metadata{Outlet: field("Daily, the \"Town\" Paper", provenance.OriginUser, "")}},
	}
	s1a, s1b := span(release, "The board said on Monday that the new filter plant at Ørnes will serve 12,000 homes from \"early spring\", a year ahead of plan."),
		span(wire, "The Lakeside Water Board said on Monday that the new filter plant at Ørnes will serve 15,000 homes from \"early spring\", a year ahead of plan.")
	s2a, s2b := span(release, "\"We are confident the plant will lower bills,\" said chair Ana Müller, adding that costs \"may rise\" if steel prices climb."),
		span(wire, "\"We are certain the plant will lower bills,\" said chair Ana Müller, adding that costs will rise if steel prices climb.")
	s3a, s3b := span(wire, "Reporting by Jo Kline; editing by Sam Ode."), span(paper, "Reporting by Jo Kline; editing by Sam Ode.")
	passages := []provenance.Passage{
		{A: "d-release", B: "d-wire", AStart: s1a.Start, AEnd: s1a.End, BStart: s1b.Start, BEnd: s1b.End, Words: 26, Similarity: 0.88,
			Diff: []provenance.DiffOp{{Op: "-", Text: "The board"}, {Op: "+", Text: "The Lakeside Water Board"},
				{Op: "=", Text: " said on Monday that the new filter plant at Ørnes will serve "},
				{Op: "-", Text: "12,000"}, {Op: "+", Text: "15,000"}, {Op: "=", Text: " homes from \"early spring\", a year ahead of plan."}}},
		{A: "d-release", B: "d-wire", AStart: s2a.Start, AEnd: s2a.End, BStart: s2b.Start, BEnd: s2b.End, Words: 20, Similarity: 0.85,
			Diff: []provenance.DiffOp{{Op: "=", Text: "\"We are "}, {Op: "-", Text: "confident"}, {Op: "+", Text: "certain"},
				{Op: "=", Text: " the plant will lower bills,\" said chair Ana Müller, adding that costs "},
				{Op: "-", Text: "\"may rise\""}, {Op: "+", Text: "will rise"}, {Op: "=", Text: " if steel prices climb."}}},
		{A: "d-wire", B: "d-paper", AStart: s3a.Start, AEnd: s3a.End, BStart: s3b.Start, BEnd: s3b.End, Words: 7, Similarity: 1,
			Incidental: true, IncidentalReason: "stock phrase: a sign-off line, common to the collection",
			Diff: []provenance.DiffOp{{Op: "=", Text: "Reporting by Jo Kline; editing by Sam Ode."}}},
	}
	r := &provenance.Result{
		Version:   provenance.ContractVersion,
		Settings:  provenance.Settings{Preset: "balanced", NGram: 5, MinPassageWords: 6, MaxGap: 4, DFCap: 0.1, DFCapMin: 3, MinSimilarity: 0.6, MaxDocBytes: 1 << 20, Lineage: provenance.LineageSettings{MinConfidence: 0.6}},
		Documents: docs,
		Passages:  passages,
		Pairs: []provenance.Pair{
			{A: "d-release", B: "d-wire", ACoverage: 0.88, BCoverage: 0.84, SharedWords: 46, LongestPassage: 26, Passages: []int{0, 1}},
			{A: "d-wire", B: "d-paper", ACoverage: 0.12, BCoverage: 0.23, SharedWords: 0, LongestPassage: 7, Passages: []int{2}},
		},
		Links: []provenance.Link{
			{Source: "d-release", Target: "d-wire", Kind: provenance.LinkCopy, Confidence: 0.91, Passages: []int{0, 1},
				Reasons: []string{"The release was published 3h30 before the wire story", "88% of the release's words reappear, in the same order", "The wire | quotes the release, \"nearly\" word for word"}},
			{Source: "d-wire", Target: "d-paper", Kind: provenance.LinkUnknown, Confidence: 0.2, Passages: []int{2},
				Reasons: []string{"Only an incidental sign-off line is shared; the paper has no date"}},
		},
		Mutations: []provenance.Mutation{
			{Kind: provenance.MutationNumber, Source: "d-release", Target: "d-wire", SourceText: "12,000", TargetText: "15,000",
				Passage: 0, Explanation: "A number changed: 12,000 → 15,000"},
			{Kind: provenance.MutationQuote, Source: "d-release", Target: "d-wire", SourceText: "confident", TargetText: "certain",
				Passage: 1, Explanation: "Words changed inside a quotation, \"confident\" → \"certain\""},
			{Kind: provenance.MutationHedge, Source: "d-release", Target: "d-wire", SourceText: "\"may rise\"", TargetText: "will rise",
				Passage: 1, Explanation: "A hedge was dropped: \"may rise\" became \"will rise\""},
		},
		OutletEdges: []provenance.OutletEdge{
			{Source: "Lakeside Water Board", Target: "Northwind Wire", Passages: 2, Words: 46, Articles: 1, Confidence: 0.91},
		},
		Families: []provenance.Family{{ID: "f1", Origin: "d-release", Words: 26, Snippet: "The board said on Monday, \"early\"…",
			Members: []provenance.FamilyMember{{Doc: "d-release", Start: s1a.Start, End: s1a.End}, {Doc: "d-wire", Start: s1b.Start, End: s1b.End}},
			Edges:   []provenance.FamilyEdge{{Source: "d-release", Target: "d-wire"}}}},
		Duplicates: []provenance.Duplicate{},
	}
	PlaceMutations(r)
	return r
}

// PlaceMutations sets each mutation's spans to the first occurrence of its
// texts in its documents (test data is written so they are unique).
func PlaceMutations(r *provenance.Result) {
	for i := range r.Mutations {
		m := &r.Mutations[i]
		if d := r.Doc(m.Source); d != nil {
			if j := strings.Index(d.Text, m.SourceText); j >= 0 {
				m.SourceStart, m.SourceEnd = j, j+len(m.SourceText)
			}
		}
		if d := r.Doc(m.Target); d != nil {
			if j := strings.Index(d.Text, m.TargetText); j >= 0 {
				m.TargetStart, m.TargetEnd = j, j+len(m.TargetText)
			}
		}
	}
}

// Large returns a synthetic analysis of n documents over days days, each
// document after the first reusing one earlier document's opening passage:
// n-1 copy links, n-1 passages, pairs and mutations, for benchmarks.
func Large(n, days int) *provenance.Result {
	r := &provenance.Result{Version: provenance.ContractVersion, Settings: Sample().Settings}
	outlets := []string{"Wire A", "Wire B", "Daily C", "Weekly D", "Radio E", "Blog F", "Paper G", "Site H"}
	para := strings.Repeat("The council said on Tuesday that the budget for water repairs would grow, adding that \"costs may rise\" if prices climb. ", 4)
	for i := 0; i < n; i++ {
		id := "doc-" + itoa(i)
		text := para + "Local detail number " + itoa(i) + " follows, with more words about the town and its people, schools, roads and rivers.\n"
		r.Documents = append(r.Documents, provenance.Document{
			ID: id, Path: "/corpus/" + id + ".txt", Format: "txt", Text: text, Words: len(strings.Fields(text)),
			Meta: provenance.Metadata{
				Title:     field("Story "+itoa(i)+", on \"water\"", provenance.OriginFrontMatter, ""),
				Outlet:    field(outlets[i%len(outlets)], provenance.OriginSidecar, ""),
				Published: field("2024-03-"+pad2(1+i*days/max(n, 1))+"T10:00:00Z", provenance.OriginJSONLD, ""),
			},
		})
		if i == 0 {
			continue
		}
		src := (i * 7919) % i
		pi := len(r.Passages)
		r.Passages = append(r.Passages, provenance.Passage{A: "doc-" + itoa(src), B: id, AStart: 0, AEnd: len(para), BStart: 0, BEnd: len(para),
			Words: 80, Similarity: 0.97, Diff: []provenance.DiffOp{{Op: "=", Text: para[:60]}, {Op: "-", Text: "may"}, {Op: "+", Text: "will"}, {Op: "=", Text: para[63:]}}})
		r.Pairs = append(r.Pairs, provenance.Pair{A: "doc-" + itoa(src), B: id, ACoverage: 0.8, BCoverage: 0.8, SharedWords: 80, LongestPassage: 80, Passages: []int{pi}})
		r.Links = append(r.Links, provenance.Link{Source: "doc-" + itoa(src), Target: id, Kind: provenance.LinkCopy, Confidence: 0.5 + float64(i%50)/100,
			Reasons: []string{"published earlier", "80 words reappear in the same order"}, Passages: []int{pi}})
		r.Mutations = append(r.Mutations, provenance.Mutation{Kind: provenance.MutationHedge, Source: "doc-" + itoa(src), Target: id,
			SourceText: "may", TargetText: "will", Passage: pi, Explanation: "a hedge was dropped"})
	}
	return r
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

func pad2(i int) string {
	i = min(max(i, 1), 28)
	if i < 10 {
		return "0" + itoa(i)
	}
	return itoa(i)
}
