package lineage_test

import (
	"context"
	"path"
	"sort"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/assets"
	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/ingest"
	"github.com/copytrail/copytrail/provenance/scan"
)

// TestDemoCorpus checks the lineage of the embedded demo corpus against its
// ground truth (assets/demo/GROUND_TRUTH.md), with its dates and without.
func TestDemoCorpus(t *testing.T) {
	for _, dated := range []bool{true, false} {
		docs, _, errs := ingest.LoadFS(context.Background(), assets.Demo(), ingest.DefaultOptions())
		if len(errs) > 0 || len(docs) < 7 {
			t.Fatalf("demo corpus: %d docs, errors %v", len(docs), errs)
		}
		name := map[string]string{}
		for i := range docs {
			if !dated {
				docs[i].Meta.Published = provenance.Field{}
			}
			name[docs[i].ID] = path.Base(docs[i].Path)[:2]
		}
		r, err := scan.Run(context.Background(), docs, scan.DefaultSettings(), nil)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, l := range r.Links {
			got = append(got, string(l.Kind)+" "+name[l.Source]+"→"+name[l.Target])
		}
		sort.Strings(got)
		want := []string{"copy 01→02", "copy 01→04", "copy 01→07", "copy 02→03", "copy 03→05"}
		if strings.Join(got, ", ") != strings.Join(want, ", ") {
			t.Errorf("dated=%v: links %v, want %v", dated, got, want)
		}
		var muts []string
		for _, m := range r.Mutations {
			muts = append(muts, string(m.Kind)+" "+name[m.Source]+"→"+name[m.Target]+" "+m.SourceText+" → "+m.TargetText)
		}
		for _, w := range []string{
			"number-changed 02→03 4,200 → 42,000",
			"hedge-dropped 01→04 may → will",
			"name-changed 01→04 Ombra Watch → Ombra Watch International",
			"attribution-changed 01→04 says Telvane → says Water Minister Piet Korvalo",
			"quote-altered 02→03 so households need clean water delivered now, not another study in six months → ",
		} {
			found := false
			for _, m := range muts {
				found = found || m == w
			}
			if !found {
				t.Errorf("dated=%v: missing mutation %q in %q", dated, w, muts)
			}
		}
		if len(muts) != 5 {
			t.Errorf("dated=%v: want exactly the five changes of the ground truth, got %q", dated, muts)
		}
		if len(r.Families) == 0 || r.Families[0].Origin == "" {
			t.Errorf("dated=%v: families %+v", dated, r.Families)
		}
	}
}
