package export

import (
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/export/exporttest"
	"github.com/copytrail/copytrail/provenance/graphlayout"
)

// readParquet writes a table with write and reads it back with
// parquet-go's reader, returning the rows and the file's schema.
func readParquet[T any](t *testing.T, r *provenance.Result, write func(io.Writer, *provenance.Result) error) ([]T, *parquet.Schema) {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b, r); err != nil {
		t.Fatal(err)
	}
	f, err := parquet.OpenFile(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatalf("not a readable Parquet file: %v", err)
	}
	rows, err := parquet.Read[T](bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if f.NumRows() != int64(len(rows)) {
		t.Errorf("file says %d rows, read %d", f.NumRows(), len(rows))
	}
	return rows, f.Schema()
}

// columnNames lists a schema's top-level columns in file order.
func columnNames(s *parquet.Schema) []string {
	var names []string
	for _, f := range s.Fields() {
		names = append(names, f.Name())
	}
	return names
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// TestParquetRoundTrip writes every Parquet table of the sample and the
// hostile results, reads it back with parquet-go, and compares it field by
// field with the analysis; the columns are the CSV tables' columns, in the
// same order.
func TestParquetRoundTrip(t *testing.T) {
	for name, r := range map[string]*provenance.Result{"sample": exporttest.Sample(), "hostile": exporttest.Hostile(), "named": namedSample()} {
		t.Run(name, func(t *testing.T) {
			doc := lookup(r)
			passages, s := readParquet[PassageRow](t, r, PassagesParquet)
			if got := columnNames(s); !slices.Equal(got, PassagesHeader) {
				t.Errorf("passages columns %v, want the CSV's %v", got, PassagesHeader)
			}
			if len(passages) != len(r.Passages) {
				t.Fatalf("%d passages read, %d written", len(passages), len(r.Passages))
			}
			for i, p := range r.Passages {
				g := passages[i]
				if g.Passage != int64(i) || g.A != p.A || g.B != p.B || g.AStart != int64(p.AStart) || g.BEnd != int64(p.BEnd) ||
					g.Similarity != p.Similarity || g.Incidental != p.Incidental || str(g.IncidentalReason) != p.IncidentalReason ||
					g.AText != Span(doc(p.A), p.AStart, p.AEnd) || g.BText != Span(doc(p.B), p.BStart, p.BEnd) || g.Diff != DiffString(p.Diff) {
					t.Errorf("passage %d: read %+v from %+v", i, g, p)
				}
			}

			links, s := readParquet[LinkRow](t, r, LinksParquet)
			if got := columnNames(s); !slices.Equal(got, LinksHeader) {
				t.Errorf("links columns %v, want %v", got, LinksHeader)
			}
			if len(links) != len(r.Links) {
				t.Fatalf("%d links read, %d written", len(links), len(r.Links))
			}
			for i, l := range r.Links {
				g := links[i]
				words, n := graphlayout.LinkWords(r, l)
				if g.Source != l.Source || g.Target != l.Target || g.Kind != string(l.Kind) || g.Confidence != l.Confidence ||
					g.Words != int64(words) || g.Passages != int64(n) || !slices.Equal(g.PassageIDs, int64s(l.Passages)) ||
					!slices.Equal(g.Reasons, l.Reasons) && len(l.Reasons) > 0 ||
					str(g.SourceOutlet) != outlet(doc(l.Source)) || str(g.TargetPublished) != published(doc(l.Target)) ||
					str(g.CommonSource) != l.CommonSource || (g.CommonSource == nil) != (l.CommonSource == "") {
					t.Errorf("link %d: read %+v from %+v", i, g, l)
				}
				if (g.SourcePublished == nil) != (published(doc(l.Source)) == "") {
					t.Errorf("link %d: an unknown date must be null, a known one a value: %v", i, g.SourcePublished)
				}
			}
			if !isList(s, "reasons") || !isList(s, "passage_ids") {
				t.Error("reasons and passage_ids are not Parquet LIST columns")
			}

			pairs, s := readParquet[PairRow](t, r, PairsParquet)
			if got := columnNames(s); !slices.Equal(got, PairsHeader) {
				t.Errorf("pairs columns %v, want %v", got, PairsHeader)
			}
			for i, p := range r.Pairs {
				g := pairs[i]
				if g.A != p.A || g.ACoverage != p.ACoverage || g.SharedWords != int64(p.SharedWords) ||
					g.Passages != int64(len(p.Passages)) || !slices.Equal(g.PassageIDs, int64s(p.Passages)) {
					t.Errorf("pair %d: read %+v from %+v", i, g, p)
				}
			}

			muts, s := readParquet[MutationRow](t, r, MutationsParquet)
			if got := columnNames(s); !slices.Equal(got, MutationsHeader) {
				t.Errorf("mutations columns %v, want %v", got, MutationsHeader)
			}
			for i, m := range r.Mutations {
				g := muts[i]
				if g.Kind != string(m.Kind) || g.SourceText != m.SourceText || g.TargetText != m.TargetText ||
					g.TargetStart != int64(m.TargetStart) || g.Passage != int64(m.Passage) || g.Explanation != m.Explanation {
					t.Errorf("mutation %d: read %+v from %+v", i, g, m)
				}
			}

			docs, s := readParquet[DocumentRow](t, r, DocumentsParquet)
			if got := columnNames(s); !slices.Equal(got, DocumentsHeader) {
				t.Errorf("documents columns %v, want the CSV's %v (a metadata field added to provenance.MetaFields needs its DocumentRow columns)", got, DocumentsHeader)
			}
			for i, d := range r.Documents {
				g := docs[i]
				vals := []*string{g.Title, g.Outlet, g.Author, g.Published, g.URL, g.Role}
				origins := []string{g.TitleOrigin, g.OutletOrigin, g.AuthorOrigin, g.PublishedOrigin, g.URLOrigin, g.RoleOrigin}
				details := []string{g.TitleDetail, g.OutletDetail, g.AuthorDetail, g.PublishedDetail, g.URLDetail, g.RoleDetail}
				for k, f := range fields(d.Meta) {
					want := optional(f.Value)
					if (vals[k] == nil) != (want == nil) || str(vals[k]) != str(want) || origins[k] != string(f.Origin) || details[k] != f.Detail {
						t.Errorf("document %s field %s: read %q/%q/%q from %+v", d.ID, provenance.MetaFields[k].Name, str(vals[k]), origins[k], details[k], f)
					}
				}
				if g.ID != d.ID || g.Path != d.Path || g.Words != int64(d.Words) || g.ContentHash != d.ContentHash {
					t.Errorf("document %d: read %+v from %+v", i, g, d)
				}
			}
		})
	}
}

// isList reports whether the top-level column name is a Parquet LIST.
func isList(s *parquet.Schema, name string) bool {
	for _, f := range s.Fields() {
		if f.Name() == name {
			lt := f.Type().LogicalType()
			return lt != nil && strings.HasPrefix(lt.String(), "LIST")
		}
	}
	return false
}

// TestParquetLarge writes passages.parquet of a 10,000-document result in
// several row groups and reads every row back.
func TestParquetLarge(t *testing.T) {
	r := exporttest.Large(10_000, 30)
	var b bytes.Buffer
	if err := LinksParquet(&b, r); err != nil {
		t.Fatal(err)
	}
	f, err := parquet.OpenFile(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if f.NumRows() != int64(len(r.Links)) || len(f.RowGroups()) < len(r.Links)/parquetRowGroup {
		t.Errorf("%d rows in %d row groups for %d links", f.NumRows(), len(f.RowGroups()), len(r.Links))
	}
}

// TestParquetEmpty: an analysis with nothing in it gives readable tables
// with no rows.
func TestParquetEmpty(t *testing.T) {
	r := &provenance.Result{}
	if rows, _ := readParquet[LinkRow](t, r, LinksParquet); len(rows) != 0 {
		t.Errorf("%d links from an empty analysis", len(rows))
	}
	if rows, _ := readParquet[DocumentRow](t, r, DocumentsParquet); len(rows) != 0 {
		t.Errorf("%d documents from an empty analysis", len(rows))
	}
}
