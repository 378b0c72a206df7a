package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/parquet-go/parquet-go"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/graphlayout"
)

// Apache Parquet tables (github.com/parquet-go/parquet-go) for pandas,
// polars, DuckDB and R's arrow: the columns of the CSV tables of the same
// name, typed (integers int64, shares and confidences double, flags
// boolean), lists as Parquet lists instead of joined strings, and metadata
// a document lacks as null instead of "". Snappy-compressed, in row groups
// of at most parquetRowGroup rows, so writing a large result never holds a
// whole table in memory.

// parquetRowGroup bounds the rows buffered before a row group is written.
const parquetRowGroup = 20_000

// PassageRow is one row of passages.parquet.
type PassageRow struct {
	Passage          int64   `parquet:"passage"`
	A                string  `parquet:"a"`
	B                string  `parquet:"b"`
	ATitle           string  `parquet:"a_title"`
	BTitle           string  `parquet:"b_title"`
	AStart           int64   `parquet:"a_start"`
	AEnd             int64   `parquet:"a_end"`
	BStart           int64   `parquet:"b_start"`
	BEnd             int64   `parquet:"b_end"`
	Words            int64   `parquet:"words"`
	Similarity       float64 `parquet:"similarity"`
	Incidental       bool    `parquet:"incidental"`
	IncidentalReason *string `parquet:"incidental_reason,optional"`
	AText            string  `parquet:"a_text"`
	BText            string  `parquet:"b_text"`
	Diff             string  `parquet:"diff"`
}

// LinkRow is one row of links.parquet.
type LinkRow struct {
	Source          string   `parquet:"source"`
	Target          string   `parquet:"target"`
	SourceTitle     string   `parquet:"source_title"`
	TargetTitle     string   `parquet:"target_title"`
	SourceOutlet    *string  `parquet:"source_outlet,optional"`
	TargetOutlet    *string  `parquet:"target_outlet,optional"`
	SourcePublished *string  `parquet:"source_published,optional"`
	TargetPublished *string  `parquet:"target_published,optional"`
	Kind            string   `parquet:"kind"`
	Confidence      float64  `parquet:"confidence"`
	Words           int64    `parquet:"words"`
	Passages        int64    `parquet:"passages"`
	PassageIDs      []int64  `parquet:"passage_ids,list"`
	Reasons         []string `parquet:"reasons,list"`
	// CommonSource is the source a common-source link names; null otherwise.
	CommonSource *string `parquet:"common_source,optional"`
}

// PairRow is one row of pairs.parquet.
type PairRow struct {
	A              string  `parquet:"a"`
	B              string  `parquet:"b"`
	ATitle         string  `parquet:"a_title"`
	BTitle         string  `parquet:"b_title"`
	ACoverage      float64 `parquet:"a_coverage"`
	BCoverage      float64 `parquet:"b_coverage"`
	SharedWords    int64   `parquet:"shared_words"`
	LongestPassage int64   `parquet:"longest_passage"`
	Passages       int64   `parquet:"passages"`
	PassageIDs     []int64 `parquet:"passage_ids,list"`
}

// MutationRow is one row of mutations.parquet.
type MutationRow struct {
	Kind        string `parquet:"kind"`
	Source      string `parquet:"source"`
	Target      string `parquet:"target"`
	SourceTitle string `parquet:"source_title"`
	TargetTitle string `parquet:"target_title"`
	SourceText  string `parquet:"source_text"`
	TargetText  string `parquet:"target_text"`
	SourceStart int64  `parquet:"source_start"`
	SourceEnd   int64  `parquet:"source_end"`
	TargetStart int64  `parquet:"target_start"`
	TargetEnd   int64  `parquet:"target_end"`
	Passage     int64  `parquet:"passage"`
	Explanation string `parquet:"explanation"`
}

// DocumentRow is one row of documents.parquet: a metadata field's value
// is null when unknown; its origin and detail are "" then.
type DocumentRow struct {
	ID              string  `parquet:"id"`
	Path            string  `parquet:"path"`
	Format          string  `parquet:"format"`
	Words           int64   `parquet:"words"`
	ContentHash     string  `parquet:"content_hash"`
	DuplicateOf     *string `parquet:"duplicate_of,optional"`
	Title           *string `parquet:"title,optional"`
	TitleOrigin     string  `parquet:"title_origin"`
	TitleDetail     string  `parquet:"title_detail"`
	Outlet          *string `parquet:"outlet,optional"`
	OutletOrigin    string  `parquet:"outlet_origin"`
	OutletDetail    string  `parquet:"outlet_detail"`
	Author          *string `parquet:"author,optional"`
	AuthorOrigin    string  `parquet:"author_origin"`
	AuthorDetail    string  `parquet:"author_detail"`
	Published       *string `parquet:"published,optional"`
	PublishedOrigin string  `parquet:"published_origin"`
	PublishedDetail string  `parquet:"published_detail"`
	URL             *string `parquet:"url,optional"`
	URLOrigin       string  `parquet:"url_origin"`
	URLDetail       string  `parquet:"url_detail"`
	Role            *string `parquet:"role,optional"`
	RoleOrigin      string  `parquet:"role_origin"`
	RoleDetail      string  `parquet:"role_detail"`
}

// PassagesParquet writes passages.parquet: one row per shared passage.
func PassagesParquet(w io.Writer, r *provenance.Result) error {
	doc := lookup(r)
	return writeParquet(w, func(emit func(PassageRow) error) error {
		for i, p := range r.Passages {
			a, b := doc(p.A), doc(p.B)
			if err := emit(PassageRow{int64(i), p.A, p.B, label(a), label(b),
				int64(p.AStart), int64(p.AEnd), int64(p.BStart), int64(p.BEnd), int64(p.Words), p.Similarity,
				p.Incidental, optional(p.IncidentalReason), Span(a, p.AStart, p.AEnd), Span(b, p.BStart, p.BEnd),
				DiffString(p.Diff)}); err != nil {
				return err
			}
		}
		return nil
	})
}

// LinksParquet writes links.parquet: one row per link, its evidence
// passages and reasons as lists.
func LinksParquet(w io.Writer, r *provenance.Result) error {
	doc := lookup(r)
	return writeParquet(w, func(emit func(LinkRow) error) error {
		for _, l := range r.Links {
			s, t := doc(l.Source), doc(l.Target)
			words, n := graphlayout.LinkWords(r, l)
			reasons := l.Reasons
			if reasons == nil {
				reasons = []string{}
			}
			if err := emit(LinkRow{l.Source, l.Target, label(s), label(t), optional(outlet(s)), optional(outlet(t)),
				optional(published(s)), optional(published(t)), string(l.Kind), l.Confidence, int64(words), int64(n),
				int64s(l.Passages), reasons, optional(l.CommonSource)}); err != nil {
				return err
			}
		}
		return nil
	})
}

// PairsParquet writes pairs.parquet: one row per pair sharing text.
func PairsParquet(w io.Writer, r *provenance.Result) error {
	doc := lookup(r)
	return writeParquet(w, func(emit func(PairRow) error) error {
		for _, p := range r.Pairs {
			if err := emit(PairRow{p.A, p.B, label(doc(p.A)), label(doc(p.B)), p.ACoverage, p.BCoverage,
				int64(p.SharedWords), int64(p.LongestPassage), int64(len(p.Passages)), int64s(p.Passages)}); err != nil {
				return err
			}
		}
		return nil
	})
}

// MutationsParquet writes mutations.parquet: one row per substantive change.
func MutationsParquet(w io.Writer, r *provenance.Result) error {
	doc := lookup(r)
	return writeParquet(w, func(emit func(MutationRow) error) error {
		for _, m := range r.Mutations {
			if err := emit(MutationRow{string(m.Kind), m.Source, m.Target, label(doc(m.Source)), label(doc(m.Target)),
				m.SourceText, m.TargetText, int64(m.SourceStart), int64(m.SourceEnd), int64(m.TargetStart),
				int64(m.TargetEnd), int64(m.Passage), m.Explanation}); err != nil {
				return err
			}
		}
		return nil
	})
}

// DocumentsParquet writes documents.parquet: every document's metadata,
// each field with where it came from.
func DocumentsParquet(w io.Writer, r *provenance.Result) error {
	dupOf := map[string]string{}
	for _, d := range r.Duplicates {
		dupOf[d.Doc] = d.Original
	}
	return writeParquet(w, func(emit func(DocumentRow) error) error {
		for i := range r.Documents {
			d := &r.Documents[i]
			m := &d.Meta
			f := func(fl provenance.Field) (*string, string, string) {
				return optional(fl.Value), string(fl.Origin), fl.Detail
			}
			row := DocumentRow{ID: d.ID, Path: d.Path, Format: d.Format, Words: int64(d.Words),
				ContentHash: d.ContentHash, DuplicateOf: optional(dupOf[d.ID])}
			row.Title, row.TitleOrigin, row.TitleDetail = f(m.Title)
			row.Outlet, row.OutletOrigin, row.OutletDetail = f(m.Outlet)
			row.Author, row.AuthorOrigin, row.AuthorDetail = f(m.Author)
			row.Published, row.PublishedOrigin, row.PublishedDetail = f(m.Published)
			row.URL, row.URLOrigin, row.URLDetail = f(m.URL)
			row.Role, row.RoleOrigin, row.RoleDetail = f(m.Role)
			if err := emit(row); err != nil {
				return err
			}
		}
		return nil
	})
}

// writeParquet writes the rows rows gives as one Parquet file, in row
// groups of at most parquetRowGroup rows.
func writeParquet[T any](w io.Writer, rows func(emit func(T) error) error) error {
	pw := parquet.NewGenericWriter[T](w, parquet.Compression(&parquet.Snappy),
		parquet.CreatedBy("Copytrail", "", ""), parquet.MaxRowsPerRowGroup(parquetRowGroup))
	buf := make([]T, 0, 1024)
	flush := func() error {
		if len(buf) == 0 {
			return nil
		}
		_, err := pw.Write(buf)
		clear(buf)
		buf = buf[:0]
		return err
	}
	err := rows(func(t T) error {
		buf = append(buf, t)
		if len(buf) == cap(buf) {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if cerr := pw.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("parquet: %w", err)
	}
	return nil
}

// optional is nil for a blank value (null in Parquet).
func optional(s string) *string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return &s
}

func int64s(is []int) []int64 {
	out := make([]int64, len(is))
	for i, v := range is {
		out[i] = int64(v)
	}
	return out
}
