package store

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/copytrail/copytrail/provenance"
)

// ordered is a row read with its place in its list.
type ordered[T any] struct {
	ord int64
	v   T
}

// loader collects the rows read from a workspace file.
type loader struct {
	ws              Workspace
	res             provenance.Result
	wsDocs, resDocs []ordered[provenance.Document]
}

// resultLen is the length of a result list, 0 without a result.
func resultLen[T any](w *Workspace, list func(r *provenance.Result) []T) int {
	if w.Result == nil {
		return 0
	}
	return len(list(w.Result))
}

// listTable builds the spec of a table holding one result list whose
// elements map to plain columns.
func listTable[T any](name string, cols []column, list func(r *provenance.Result) *[]T,
	values func(x *T) []any, dest func(x *T) []any, decode func(x *T, raw []string) error, raw int) tableSpec {
	return tableSpec{
		name: name,
		cols: cols,
		rows: func(w *Workspace) (int, func(i int) []any) {
			if w.Result == nil {
				return 0, nil
			}
			l := *list(w.Result)
			return len(l), func(i int) []any { return values(&l[i]) }
		},
		scan: func() ([]any, func(l *loader) error) {
			var x T
			texts := make([]string, raw)
			d := dest(&x)
			for i := range texts {
				d = append(d, &texts[i])
			}
			return d, func(l *loader) error {
				if decode != nil {
					if err := decode(&x, texts); err != nil {
						return err
					}
				}
				p := list(&l.res)
				*p = append(*p, x)
				return nil
			}
		},
	}
}

// tables lists every list table in the order Save writes them: the user's
// own work first, then the articles, then the analysis, so that a file cut
// short (the commonest damage) keeps what cannot be recomputed.
var tables = []tableSpec{
	{
		name: "decisions",
		cols: []column{{"source", "TEXT"}, {"target", "TEXT"}, {"verdict", "TEXT"}, {"note", "TEXT"},
			{"decided_at", "TEXT"}},
		rows: func(w *Workspace) (int, func(i int) []any) {
			keys := sortedKeys(w.Decisions, func(a, b LinkKey) int {
				return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target))
			})
			return len(keys), func(i int) []any {
				d := w.Decisions[keys[i]]
				return []any{keys[i].Source, keys[i].Target, string(d.Verdict), d.Note, formatTime(d.At)}
			}
		},
		scan: func() ([]any, func(l *loader) error) {
			var k LinkKey
			var d Decision
			var at string
			return []any{&k.Source, &k.Target, (*string)(&d.Verdict), &d.Note, &at}, func(l *loader) error {
				t, err := parseTime(at)
				if err != nil {
					return err
				}
				d.At = t
				if l.ws.Decisions == nil {
					l.ws.Decisions = map[LinkKey]Decision{}
				}
				l.ws.Decisions[k] = d
				return nil
			}
		},
	},
	stringMapTable("notes", "doc", "note", func(w *Workspace) *map[string]string { return &w.Notes }),
	stringMapTable("view", "key", "value", func(w *Workspace) *map[string]string { return &w.View }),
	{
		name: "documents",
		cols: documentCols(),
		rows: func(w *Workspace) (int, func(i int) []any) {
			rows := documentRows(w)
			return len(rows), func(i int) []any { return docValues(rows[i]) }
		},
		scan: scanDocument,
	},
	listTable("passages",
		[]column{{"a", "TEXT"}, {"b", "TEXT"}, {"a_start", "INTEGER"}, {"a_end", "INTEGER"},
			{"b_start", "INTEGER"}, {"b_end", "INTEGER"}, {"words", "INTEGER"}, {"similarity", "REAL"},
			{"incidental", "INTEGER"}, {"incidental_reason", "TEXT"}, {"diff", "TEXT"}},
		func(r *provenance.Result) *[]provenance.Passage { return &r.Passages },
		func(p *provenance.Passage) []any {
			return []any{p.A, p.B, p.AStart, p.AEnd, p.BStart, p.BEnd, p.Words, p.Similarity,
				p.Incidental, p.IncidentalReason, diffJSON(p.Diff)}
		},
		func(p *provenance.Passage) []any {
			return []any{&p.A, &p.B, &p.AStart, &p.AEnd, &p.BStart, &p.BEnd, &p.Words, &p.Similarity,
				&p.Incidental, &p.IncidentalReason}
		},
		func(p *provenance.Passage, raw []string) error { return diffFromJSON(raw[0], &p.Diff) }, 1),
	listTable("pairs",
		[]column{{"a", "TEXT"}, {"b", "TEXT"}, {"a_coverage", "REAL"}, {"b_coverage", "REAL"},
			{"shared_words", "INTEGER"}, {"longest_passage", "INTEGER"}, {"passages", "TEXT"}},
		func(r *provenance.Result) *[]provenance.Pair { return &r.Pairs },
		func(p *provenance.Pair) []any {
			return []any{p.A, p.B, p.ACoverage, p.BCoverage, p.SharedWords, p.LongestPassage, toJSON(p.Passages)}
		},
		func(p *provenance.Pair) []any {
			return []any{&p.A, &p.B, &p.ACoverage, &p.BCoverage, &p.SharedWords, &p.LongestPassage}
		},
		func(p *provenance.Pair, raw []string) error { return fromJSON("passages", raw[0], &p.Passages) }, 1),
	listTable("links",
		[]column{{"source", "TEXT"}, {"target", "TEXT"}, {"kind", "TEXT"}, {"confidence", "REAL"},
			{"reasons", "TEXT"}, {"passages", "TEXT"}, {"to_decide", "TEXT"}, {"common_source", "TEXT"}},
		func(r *provenance.Result) *[]provenance.Link { return &r.Links },
		func(k *provenance.Link) []any {
			return []any{k.Source, k.Target, string(k.Kind), k.Confidence, toJSON(k.Reasons), toJSON(k.Passages),
				toJSON(k.ToDecide), k.CommonSource}
		},
		func(k *provenance.Link) []any { return []any{&k.Source, &k.Target, (*string)(&k.Kind), &k.Confidence} },
		func(k *provenance.Link, raw []string) error {
			if err := fromJSON("reasons", raw[0], &k.Reasons); err != nil {
				return err
			}
			if err := fromJSON("passages", raw[1], &k.Passages); err != nil {
				return err
			}
			k.CommonSource = raw[3]
			return fromJSON("to_decide", raw[2], &k.ToDecide)
		}, 4),
	listTable("families",
		[]column{{"family_id", "TEXT"}, {"origin", "TEXT"}, {"words", "INTEGER"}, {"snippet", "TEXT"},
			{"members", "TEXT"}, {"edges", "TEXT"}},
		func(r *provenance.Result) *[]provenance.Family { return &r.Families },
		func(f *provenance.Family) []any {
			return []any{f.ID, f.Origin, f.Words, f.Snippet, toJSON(f.Members), toJSON(f.Edges)}
		},
		func(f *provenance.Family) []any { return []any{&f.ID, &f.Origin, &f.Words, &f.Snippet} },
		func(f *provenance.Family, raw []string) error {
			if err := fromJSON("members", raw[0], &f.Members); err != nil {
				return err
			}
			return fromJSON("edges", raw[1], &f.Edges)
		}, 2),
	listTable("mutations",
		[]column{{"kind", "TEXT"}, {"source", "TEXT"}, {"target", "TEXT"}, {"source_text", "TEXT"},
			{"target_text", "TEXT"}, {"source_start", "INTEGER"}, {"source_end", "INTEGER"},
			{"target_start", "INTEGER"}, {"target_end", "INTEGER"}, {"passage", "INTEGER"}, {"explanation", "TEXT"}},
		func(r *provenance.Result) *[]provenance.Mutation { return &r.Mutations },
		func(m *provenance.Mutation) []any {
			return []any{string(m.Kind), m.Source, m.Target, m.SourceText, m.TargetText, m.SourceStart,
				m.SourceEnd, m.TargetStart, m.TargetEnd, m.Passage, m.Explanation}
		},
		func(m *provenance.Mutation) []any {
			return []any{(*string)(&m.Kind), &m.Source, &m.Target, &m.SourceText, &m.TargetText, &m.SourceStart,
				&m.SourceEnd, &m.TargetStart, &m.TargetEnd, &m.Passage, &m.Explanation}
		}, nil, 0),
	listTable("outlet_edges",
		[]column{{"source", "TEXT"}, {"target", "TEXT"}, {"passages", "INTEGER"}, {"words", "INTEGER"},
			{"articles", "INTEGER"}, {"confidence", "REAL"}},
		func(r *provenance.Result) *[]provenance.OutletEdge { return &r.OutletEdges },
		func(e *provenance.OutletEdge) []any {
			return []any{e.Source, e.Target, e.Passages, e.Words, e.Articles, e.Confidence}
		},
		func(e *provenance.OutletEdge) []any {
			return []any{&e.Source, &e.Target, &e.Passages, &e.Words, &e.Articles, &e.Confidence}
		}, nil, 0),
	listTable("duplicates",
		[]column{{"doc", "TEXT"}, {"original", "TEXT"}, {"reason", "TEXT"}},
		func(r *provenance.Result) *[]provenance.Duplicate { return &r.Duplicates },
		func(d *provenance.Duplicate) []any { return []any{d.Doc, d.Original, d.Reason} },
		func(d *provenance.Duplicate) []any { return []any{&d.Doc, &d.Original, &d.Reason} }, nil, 0),
	listTable("file_errors",
		[]column{{"path", "TEXT"}, {"reason", "TEXT"}},
		func(r *provenance.Result) *[]provenance.FileError { return &r.Errors },
		func(e *provenance.FileError) []any { return []any{e.Path, e.Reason} },
		func(e *provenance.FileError) []any { return []any{&e.Path, &e.Reason} }, nil, 0),
}

// stringMapTable builds the spec of a table holding a map[string]string.
func stringMapTable(name, keyCol, valueCol string, m func(w *Workspace) *map[string]string) tableSpec {
	return tableSpec{
		name: name,
		cols: []column{{keyCol, "TEXT"}, {valueCol, "TEXT"}},
		rows: func(w *Workspace) (int, func(i int) []any) {
			mm := *m(w)
			keys := sortedKeys(mm, cmp.Compare[string])
			return len(keys), func(i int) []any { return []any{keys[i], mm[keys[i]]} }
		},
		scan: func() ([]any, func(l *loader) error) {
			var k, v string
			return []any{&k, &v}, func(l *loader) error {
				p := m(&l.ws)
				if *p == nil {
					*p = map[string]string{}
				}
				(*p)[k] = v
				return nil
			}
		},
	}
}

// collection is one list or map of a workspace.
type collection struct {
	name  string
	isNil func(w *Workspace) bool
	empty func(w *Workspace) // sets the collection to an empty, non-nil value
}

// collections names every list and map of a workspace, with a function
// reporting whether it is nil, so Open can give back nil where Save was
// given nil and an empty list where it was given an empty one.
var collections = []collection{
	{"documents", func(w *Workspace) bool { return w.Documents == nil },
		func(w *Workspace) { w.Documents = nonNil(w.Documents) }},
	{"decisions", func(w *Workspace) bool { return w.Decisions == nil },
		func(w *Workspace) { w.Decisions = nonNilMap(w.Decisions) }},
	{"notes", func(w *Workspace) bool { return w.Notes == nil }, func(w *Workspace) { w.Notes = nonNilMap(w.Notes) }},
	{"view", func(w *Workspace) bool { return w.View == nil }, func(w *Workspace) { w.View = nonNilMap(w.View) }},
	resultCollection("result.documents", func(r *provenance.Result) *[]provenance.Document { return &r.Documents }),
	resultCollection("passages", func(r *provenance.Result) *[]provenance.Passage { return &r.Passages }),
	resultCollection("pairs", func(r *provenance.Result) *[]provenance.Pair { return &r.Pairs }),
	resultCollection("links", func(r *provenance.Result) *[]provenance.Link { return &r.Links }),
	resultCollection("families", func(r *provenance.Result) *[]provenance.Family { return &r.Families }),
	resultCollection("mutations", func(r *provenance.Result) *[]provenance.Mutation { return &r.Mutations }),
	resultCollection("outlet_edges", func(r *provenance.Result) *[]provenance.OutletEdge { return &r.OutletEdges }),
	resultCollection("duplicates", func(r *provenance.Result) *[]provenance.Duplicate { return &r.Duplicates }),
	resultCollection("file_errors", func(r *provenance.Result) *[]provenance.FileError { return &r.Errors }),
}

func resultCollection[T any](name string, list func(r *provenance.Result) *[]T) collection {
	return collection{
		name:  name,
		isNil: func(w *Workspace) bool { return w.Result == nil || *list(w.Result) == nil },
		empty: func(w *Workspace) {
			if w.Result != nil {
				*list(w.Result) = nonNil(*list(w.Result))
			}
		},
	}
}

// finish places the documents read in their lists.
func (l *loader) finish() error {
	for _, part := range []struct {
		rows []ordered[provenance.Document]
		dst  *[]provenance.Document
	}{{l.wsDocs, &l.ws.Documents}, {l.resDocs, &l.res.Documents}} {
		slices.SortFunc(part.rows, func(a, b ordered[provenance.Document]) int { return cmp.Compare(a.ord, b.ord) })
		*part.dst = slices.Grow(*part.dst, len(part.rows)) // 100,000 documents grown one by one took most of a second
		for i, r := range part.rows {
			if i > 0 && part.rows[i-1].ord == r.ord {
				return fmt.Errorf("documents: two documents at place %d", r.ord)
			}
			*part.dst = append(*part.dst, r.v)
		}
	}
	return nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func nonNilMap[K comparable, V any](m map[K]V) map[K]V {
	if m == nil {
		return map[K]V{}
	}
	return m
}
