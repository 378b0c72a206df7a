package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/gen"
	"github.com/copytrail/copytrail/provenance/ingest"
	"github.com/copytrail/copytrail/provenance/scan"
	"github.com/copytrail/copytrail/provenance/store"
)

// scaleOutlets are the invented outlets of the scale collections.
var scaleOutlets = func() []string {
	var out []string
	for _, place := range []string{"Harbour", "Valley", "Northfield", "Coastal", "Ridge", "Lakeside", "Eastmoor", "Riverbend"} {
		for _, kind := range []string{"Gazette", "Post", "Times", "Herald", "Courier", "Chronicle"} {
			out = append(out, place+" "+kind)
		}
	}
	return append(out, "Meridian Wire", "Continental Press Agency")
}()

// scaleDocs is a generated news archive of n articles (never real text):
// gen.WireCollection's corpus — a topic per ten articles, every fifth
// reusing sentences of an earlier one, one wire story carried by
// min(400, n/25) articles — plus n/2000 press releases carried by 3 to 40
// articles each; spread over 50 outlets (two wires), one article every six
// minutes from 1 March 2024, so a source is dated before its copies.
func scaleDocs(n int) []provenance.Document {
	c := gen.WireCollection(n, max(2, min(400, n/25)), 120, 11)
	docs := c.Docs
	rng := rand.New(rand.NewPCG(uint64(n), 17))
	w := gen.NewWriter(uint64(n) ^ 0x5ca1e)
	for k := 0; k < n/2000; k++ {
		release := strings.Join(w.Sentences(w.NewTopic(), 90), " ")
		first := rng.IntN(n - n/10)
		for c := 0; c < 3+rng.IntN(38); c++ {
			i := first
			if c > 0 {
				i = first + 1 + rng.IntN(n/10)
			}
			d := &docs[i]
			at := strings.LastIndex(d.Text, "\n\n") + 2
			d.Text = d.Text[:at] + release + "\n\n" + d.Text[at:]
		}
	}
	t0 := time.Date(2024, 3, 1, 7, 0, 0, 0, time.UTC)
	for i := range docs {
		d := &docs[i]
		outlet := scaleOutlets[rng.IntN(len(scaleOutlets)-2)]
		if i%97 == 0 {
			outlet = scaleOutlets[len(scaleOutlets)-1-i%2]
		}
		d.Meta.Title.Origin = provenance.OriginFile
		d.Meta.Outlet = provenance.Field{Value: outlet, Origin: provenance.OriginSidecar, Detail: "metadata.csv"}
		d.Meta.Published = provenance.Field{Value: t0.Add(time.Duration(i) * 6 * time.Minute).Format(time.RFC3339), Origin: provenance.OriginSidecar, Detail: "metadata.csv"}
		if strings.HasSuffix(outlet, "Wire") || strings.HasSuffix(outlet, "Agency") {
			d.Meta.Role = provenance.Field{Value: string(provenance.RoleWire), Origin: provenance.OriginSidecar, Detail: "metadata.csv"}
		}
		d.Path = "/archive/" + d.Path
		d.ContentHash = ingest.ContentHash(d.Text, nil)
	}
	return docs
}

// scaleWorkspace is the path of an analysed workspace of scaleDocs(n),
// analysed by the real engine (with its index) and saved by the real
// store. It is built once and kept in the system's temporary folder
// (copytrail-app-scale-N-vK.copytrail; K changes with the collection), so
// the 100,000-article benchmarks build it (minutes) on their first run only.
func scaleWorkspace(tb testing.TB, n int) string {
	tb.Helper()
	path := filepath.Join(os.TempDir(), "copytrail-app-scale-"+strconv.Itoa(n)+"-v1.copytrail")
	if sum, err := store.Peek(path); err == nil && sum.HasResult && sum.Documents == n {
		return path
	}
	start := time.Now()
	ws := analysedScale(tb, n)
	if err := store.Save(path, ws); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("built %s (%d articles, %d passages, %d links) in %v", path, n, len(ws.Result.Passages), len(ws.Result.Links), time.Since(start).Round(time.Second))
	return path
}

// analysedScale is scaleDocs(n) analysed by the real engine, with its
// index, as a workspace.
func analysedScale(tb testing.TB, n int) *store.Workspace {
	tb.Helper()
	docs := scaleDocs(n)
	r, ix, err := (&scan.Scanner{}).RunIndexed(context.Background(), docs, scan.DefaultSettings(), nil)
	if err != nil {
		tb.Fatal(err)
	}
	for i := range docs {
		docs[i].Words = r.Documents[i].Words
	}
	return &store.Workspace{Documents: docs, Settings: r.Settings, Result: r, Index: ix,
		Decisions: map[store.LinkKey]store.Decision{}, Notes: map[string]string{}, View: map[string]string{}}
}

// TestWriteScaleWorkspace writes the analysed scale workspace of
// $COPYTRAIL_SCALE_N articles (default 10,000) to $COPYTRAIL_SCALE_OUT, for
// looking at the app on an archive:
//
//	COPYTRAIL_SCALE_OUT=/tmp/10k.copytrail go test -run TestWriteScaleWorkspace ./app/
func TestWriteScaleWorkspace(t *testing.T) {
	out := os.Getenv("COPYTRAIL_SCALE_OUT")
	if out == "" {
		t.Skip("set COPYTRAIL_SCALE_OUT (and COPYTRAIL_SCALE_N) to write a scale workspace")
	}
	n := 10000
	if s := os.Getenv("COPYTRAIL_SCALE_N"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			t.Fatalf("COPYTRAIL_SCALE_N: %v", err)
		}
	}
	in, err := os.Open(scaleWorkspace(t, n))
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	f, err := os.Create(out)
	if err == nil {
		_, err = io.Copy(f, in)
		err = errors.Join(err, f.Close())
	}
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println("wrote", out)
}
