package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/export/exporttest"
)

// readCSV parses an export with the standard library's RFC 4180 reader and
// checks the header.
func readCSV(t *testing.T, data []byte, header []string) [][]string {
	t.Helper()
	rd := csv.NewReader(bytes.NewReader(data))
	recs, err := rd.ReadAll()
	if err != nil {
		t.Fatalf("csv does not parse: %v", err)
	}
	if strings.Join(recs[0], ",") != strings.Join(header, ",") {
		t.Fatalf("header %v, want %v", recs[0], header)
	}
	return recs[1:]
}

func col(header []string, name string) int {
	for i, h := range header {
		if h == name {
			return i
		}
	}
	panic("no column " + name)
}

func results() map[string]*provenance.Result {
	return map[string]*provenance.Result{"sample": exporttest.Sample(), "hostile": exporttest.Hostile(), "named": namedSample()}
}

// namedSample is the sample with its undecided link turned into a
// common-source link that names its source.
func namedSample() *provenance.Result {
	r := exporttest.Sample()
	r.Links[1].Kind, r.Links[1].CommonSource = provenance.LinkCommonSource, "Lakeside Water Board’s press release"
	return r
}

func TestPassagesCSVRoundTrips(t *testing.T) {
	for name, r := range results() {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := PassagesCSV(&buf, r); err != nil {
				t.Fatal(err)
			}
			rows := readCSV(t, buf.Bytes(), PassagesHeader)
			if len(rows) != len(r.Passages) {
				t.Fatalf("%d rows for %d passages", len(rows), len(r.Passages))
			}
			h := PassagesHeader
			for i, p := range r.Passages {
				row := rows[i]
				a, b := r.Doc(p.A), r.Doc(p.B)
				want := map[string]string{
					"passage": strconv.Itoa(i), "a": p.A, "b": p.B, "a_title": a.Label(), "b_title": b.Label(),
					"a_start": strconv.Itoa(p.AStart), "b_end": strconv.Itoa(p.BEnd), "words": strconv.Itoa(p.Words),
					"incidental": strconv.FormatBool(p.Incidental), "incidental_reason": p.IncidentalReason,
					"a_text": a.Text[p.AStart:p.AEnd], "b_text": b.Text[p.BStart:p.BEnd],
				}
				for k, v := range want {
					if got := row[col(h, k)]; got != v {
						t.Errorf("passage %d %s = %q, want %q", i, k, got, v)
					}
				}
				if sim, err := strconv.ParseFloat(row[col(h, "similarity")], 64); err != nil || sim != p.Similarity {
					t.Errorf("passage %d similarity %q, want %v", i, row[col(h, "similarity")], p.Similarity)
				}
			}
			// The sample has quotes, commas and newlines inside fields.
			if !strings.Contains(rows[1][col(h, "a_text")], `"We are confident`) || !strings.Contains(buf.String(), "\"\"") {
				t.Error("quotes inside fields were not kept and doubled")
			}
		})
	}
}

func TestDiffStringMarksChanges(t *testing.T) {
	got := DiffString([]provenance.DiffOp{{Op: "=", Text: "costs "}, {Op: "-", Text: "may"}, {Op: "+", Text: "will"}, {Op: "=", Text: " rise"}})
	if got != "costs [-may-]{+will+} rise" {
		t.Errorf("DiffString = %q", got)
	}
}

func TestTablesRoundTrip(t *testing.T) {
	for name, r := range results() {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := LinksCSV(&buf, r); err != nil {
				t.Fatal(err)
			}
			rows := readCSV(t, buf.Bytes(), LinksHeader)
			if len(rows) != len(r.Links) {
				t.Fatalf("%d link rows, want %d", len(rows), len(r.Links))
			}
			for i, l := range r.Links {
				row := rows[i]
				if row[col(LinksHeader, "reasons")] != strings.Join(l.Reasons, ReasonSeparator) ||
					row[col(LinksHeader, "kind")] != string(l.Kind) || row[col(LinksHeader, "source")] != l.Source ||
					row[col(LinksHeader, "source_outlet")] != r.Doc(l.Source).Meta.Outlet.Value ||
					row[col(LinksHeader, "common_source")] != l.CommonSource {
					t.Errorf("link %d row %q does not match %+v", i, row, l)
				}
				if c, _ := strconv.ParseFloat(row[col(LinksHeader, "confidence")], 64); c != l.Confidence {
					t.Errorf("link %d confidence %v, want %v", i, c, l.Confidence)
				}
			}
			if got := rows[0][col(LinksHeader, "words")]; got != "46" {
				t.Errorf("link words = %s, want 46 (26+20 evidence words)", got)
			}

			buf.Reset()
			if err := DocumentsCSV(&buf, r); err != nil {
				t.Fatal(err)
			}
			rows = readCSV(t, buf.Bytes(), DocumentsHeader)
			for i, d := range r.Documents {
				row := rows[i]
				for j, f := range fields(d.Meta) {
					name := provenance.MetaFields[j].Name
					if row[col(DocumentsHeader, name)] != CSVCell(f.Value) || row[col(DocumentsHeader, name+"_origin")] != string(f.Origin) ||
						row[col(DocumentsHeader, name+"_detail")] != CSVCell(f.Detail) {
						t.Errorf("document %s field %s: row %q, want %+v", d.ID, name, row, f)
					}
				}
				if row[col(DocumentsHeader, "path")] != d.Path || row[col(DocumentsHeader, "words")] != strconv.Itoa(d.Words) {
					t.Errorf("document %s row %q", d.ID, row)
				}
			}

			buf.Reset()
			if err := MutationsCSV(&buf, r); err != nil {
				t.Fatal(err)
			}
			rows = readCSV(t, buf.Bytes(), MutationsHeader)
			for i, m := range r.Mutations {
				row := rows[i]
				if row[col(MutationsHeader, "kind")] != string(m.Kind) || row[col(MutationsHeader, "source_text")] != m.SourceText ||
					row[col(MutationsHeader, "target_text")] != m.TargetText || row[col(MutationsHeader, "explanation")] != m.Explanation ||
					row[col(MutationsHeader, "target_end")] != strconv.Itoa(m.TargetEnd) {
					t.Errorf("mutation %d row %q, want %+v", i, row, m)
				}
			}

			buf.Reset()
			if err := PairsCSV(&buf, r); err != nil {
				t.Fatal(err)
			}
			rows = readCSV(t, buf.Bytes(), PairsHeader)
			for i, p := range r.Pairs {
				row := rows[i]
				if row[col(PairsHeader, "a")] != p.A || row[col(PairsHeader, "shared_words")] != strconv.Itoa(p.SharedWords) ||
					row[col(PairsHeader, "passage_ids")] != ints(p.Passages) || row[col(PairsHeader, "a_coverage")] != f64(p.ACoverage) {
					t.Errorf("pair %d row %q, want %+v", i, row, p)
				}
			}

			buf.Reset()
			if err := FamiliesCSV(&buf, r); err != nil {
				t.Fatal(err)
			}
			rows = readCSV(t, buf.Bytes(), FamiliesHeader)
			f := r.Families[0]
			if len(rows) != len(f.Members) || rows[0][col(FamiliesHeader, "snippet")] != f.Snippet || rows[0][col(FamiliesHeader, "is_origin")] != "true" ||
				rows[1][col(FamiliesHeader, "doc")] != f.Members[1].Doc || rows[1][col(FamiliesHeader, "start")] != strconv.Itoa(f.Members[1].Start) {
				t.Errorf("families rows %q, want %+v", rows, f)
			}

			buf.Reset()
			if err := OutletLinksCSV(&buf, r); err != nil {
				t.Fatal(err)
			}
			rows = readCSV(t, buf.Bytes(), OutletLinksHeader)
			if len(rows) != 1 || rows[0][0] != r.OutletEdges[0].Source || rows[0][4] != strconv.Itoa(r.OutletEdges[0].Words) {
				t.Errorf("outlet links %q, want %+v", rows, r.OutletEdges)
			}
		})
	}
}

func TestPassagesJSONLRoundTrips(t *testing.T) {
	for name, r := range results() {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := PassagesJSONL(&buf, r); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
			if len(lines) != len(r.Passages) {
				t.Fatalf("%d lines for %d passages", len(lines), len(r.Passages))
			}
			for i, line := range lines {
				var rec PassageRecord
				if err := json.Unmarshal([]byte(line), &rec); err != nil {
					t.Fatalf("line %d: %v", i+1, err)
				}
				p := r.Passages[i]
				a, b := r.Doc(p.A), r.Doc(p.B)
				if rec.Index != i || rec.A != p.A || rec.BEnd != p.BEnd || rec.Similarity != p.Similarity ||
					rec.Incidental != p.Incidental || rec.AText != a.Text[p.AStart:p.AEnd] || rec.BText != b.Text[p.BStart:p.BEnd] ||
					rec.ATitle != a.Label() || len(rec.Diff) != len(p.Diff) {
					t.Errorf("line %d = %+v, want passage %+v", i+1, rec, p)
				}
				for j := range p.Diff {
					if rec.Diff[j] != p.Diff[j] {
						t.Errorf("line %d diff op %d = %+v, want %+v", i+1, j, rec.Diff[j], p.Diff[j])
					}
				}
			}
		})
	}
}

func TestBadSpansDoNotPanic(t *testing.T) {
	r := exporttest.Sample()
	r.Passages[0].AEnd = 1 << 30
	r.Passages[0].BStart = -5
	r.Passages = append(r.Passages, provenance.Passage{A: "missing", B: "gone", AStart: 3, AEnd: 1})
	var buf bytes.Buffer
	if err := PassagesCSV(&buf, r); err != nil {
		t.Fatal(err)
	}
	if err := PassagesJSONL(&buf, r); err != nil {
		t.Fatal(err)
	}
	if got := Span(&r.Documents[0], 10, 5); got != "" {
		t.Errorf("reversed span gave %q", got)
	}
}

func FuzzDocumentsCSVRoundTrip(f *testing.F) {
	for _, a := range exporttest.Attacks {
		f.Add(a, "x,y")
	}
	f.Add("line\nbreak, \"quoted\"", "Ørnes — 東京 ✓")
	f.Fuzz(func(t *testing.T, a, b string) {
		r := exporttest.Sample()
		d := &r.Documents[1]
		d.Meta.Title.Value, d.Meta.Outlet.Detail, d.Path = a, b, a+b
		var buf bytes.Buffer
		if err := DocumentsCSV(&buf, r); err != nil {
			t.Fatal(err)
		}
		rows := readCSV(t, buf.Bytes(), DocumentsHeader)
		// Line breaks inside fields come back as LF (CRLF and lone CR too);
		// a would-be formula comes back behind an apostrophe (CSVCell).
		norm := func(s string) string { return strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(CSVCell(s)) }
		row := rows[1]
		if row[col(DocumentsHeader, "title")] != norm(a) || row[col(DocumentsHeader, "outlet_detail")] != norm(b) ||
			row[col(DocumentsHeader, "path")] != norm(a+b) || len(rows) != len(r.Documents) {
			t.Fatalf("round trip lost data: %q %q -> %q", a, b, row)
		}
	})
}

func TestChangedSpansPointAtTheChangedWords(t *testing.T) {
	r := exporttest.Sample()
	onlyA, onlyB := ChangedSpans(r, 0)
	a, b := r.Doc("d-release").Text, r.Doc("d-wire").Text
	var gotA, gotB []string
	for _, s := range onlyA {
		gotA = append(gotA, a[s.Start:s.End])
	}
	for _, s := range onlyB {
		gotB = append(gotB, b[s.Start:s.End])
	}
	if strings.Join(gotA, "|") != "The board|12,000" || strings.Join(gotB, "|") != "The Lakeside Water Board|15,000" {
		t.Errorf("changed words: A %q, B %q", gotA, gotB)
	}
	// A diff that does not fit the text gives nothing, not wrong spans.
	r.Passages[0].Diff[0].Text = "Something else"
	if onlyA, _ := ChangedSpans(r, 0); onlyA != nil {
		t.Errorf("mismatched diff gave %v", onlyA)
	}
	if a, b := ChangedSpans(r, 99); a != nil || b != nil {
		t.Error("bad index gave spans")
	}
}
