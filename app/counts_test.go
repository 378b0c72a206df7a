package app

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/copytrail/copytrail/internal/testseeds"
	"github.com/copytrail/copytrail/provenance"
)

// checkCounts compares, for every link and pair of u's analysis, the shared
// passages and words the graph panel, the comparison, the status line, the
// report and pairs.csv show: one definition (Result.Shared), one number.
func checkCounts(t *testing.T, u *UI) {
	t.Helper()
	r := u.ws.Result
	g := u.views[ScreenGraph].(*GraphView)
	for i, l := range r.Links {
		want := r.Shared(l.Source, l.Target)
		words := sharedText(want)
		g.selectEdge(i)
		if !strings.Contains(g.details.Text, "Shared: "+words) {
			t.Errorf("graph panel for link %d says %q, want %q", i, g.details.Text, words)
		}
		u.Compare(l.Source, l.Target)
		if got := len(u.compare.cmp.Passages); got != want.Passages {
			t.Errorf("compare numbers %d passages, Shared says %d", got, want.Passages)
		}
		if !strings.Contains(u.compare.summary.Text, words) {
			t.Errorf("compare header %q lacks %q", u.compare.summary.Text, words)
		}
	}
	// Every passage belongs to one pair: the status line's total is their sum.
	sum := 0
	for _, p := range r.Pairs {
		sum += r.Shared(p.A, p.B).Passages
	}
	all, _ := r.PassageCounts()
	if sum != all || !strings.Contains(u.status.Text, plural(all, "shared passage", "shared passages")) {
		t.Errorf("status %q: %d passages in all, %d in the pairs", u.status.Text, all, sum)
	}
	dir := t.TempDir()
	u.Export(dir, []string{formatReport, "csv"})
	u.bridge.Wait()
	html, err := os.ReadFile(filepath.Join(dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range r.Links {
		c := r.Shared(l.Source, l.Target)
		line := fmt.Sprintf("%s · %s", plural(c.Passages, "shared passage", "shared passages"), plural(c.Words, "shared word", "shared words"))
		if !strings.Contains(string(html), line) {
			t.Errorf("report lacks %q for link %s → %s", line, l.Source, l.Target)
		}
	}
	f, err := os.Open(filepath.Join(dir, "pairs.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) != len(r.Pairs)+1 {
		t.Fatalf("pairs.csv: %d rows, %v", len(rows), err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, row := range rows[1:] {
		c := r.Shared(row[col["a"]], row[col["b"]])
		words, _ := strconv.Atoi(row[col["shared_words"]])
		passages, _ := strconv.Atoi(row[col["passages"]])
		if words != c.Words || passages != c.Passages {
			t.Errorf("pairs.csv %s–%s: %d words, %d passages; screens say %d, %d", row[col["a"]], row[col["b"]], words, passages, c.Words, c.Passages)
		}
	}
}

func TestCountsAgreeOnTheDemo(t *testing.T) {
	u := demoUI(t)
	u.win.Resize(fyne.NewSize(1400, 900))
	checkCounts(t, u)
}

func TestCountsAgreeOnTheSeeds(t *testing.T) {
	seeds := testseeds.Dir(t)
	u := newTestUI(t, DefaultEngine())
	u.Start(Options{Paths: []string{seeds}})
	u.bridge.Wait()
	checkCounts(t, u)
}

func TestSharedCountsIncidental(t *testing.T) {
	r := &provenance.Result{
		Passages: []provenance.Passage{{A: "a", B: "b", Words: 30}, {A: "b", B: "a", Words: 5, Incidental: true}, {A: "a", B: "c", Words: 9}},
		Pairs:    []provenance.Pair{{A: "a", B: "b", SharedWords: 30, Passages: []int{0, 1}}, {A: "a", B: "c", SharedWords: 9}},
	}
	if c := r.Shared("b", "a"); c.Passages != 2 || c.Incidental != 1 || c.Words != 30 || c.Evidence() != 1 {
		t.Errorf("Shared(b, a) = %+v", c)
	}
	if c := r.Shared("a", "c"); c.Passages != 1 || c.Words != 9 { // no passage list saved: found by IDs
		t.Errorf("Shared(a, c) = %+v", c)
	}
	if got := sharedText(r.Shared("a", "b")); got != "2 shared passages (1 incidental), 30 shared words" {
		t.Errorf("sharedText = %q", got)
	}
	if all, inc := r.PassageCounts(); all != 3 || inc != 1 {
		t.Errorf("PassageCounts = %d, %d", all, inc)
	}
}
