package store

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// FuzzOpen writes arbitrary bytes to a file and opens it: Open and Recover
// must never panic, their errors must name the file, and whatever Open
// accepts must survive a Save and Open unchanged.
//
//	go test -run '^$' -fuzz '^FuzzOpen$' -fuzztime 5m ./provenance/store/
func FuzzOpen(f *testing.F) {
	small := savedBytes(f, fullWorkspace(f, 1))
	empty := savedBytes(f, &Workspace{})
	f.Add(small)
	f.Add(empty)
	if golden, err := os.ReadFile(filepath.Join("testdata", "v1.copytrail")); err == nil {
		f.Add(golden)
	}
	for _, n := range []int{0, 15, 16, 99, 100, 4096, 4096 + 512, 2 * 4096, len(small) / 2, len(small) - 4096, len(small) - 1} {
		if n <= len(small) {
			f.Add(small[:n])
		}
	}
	flipped := append([]byte(nil), small...)
	flipped[len(flipped)/2] ^= 0xff
	f.Add(flipped)
	f.Add([]byte("SQLite format 3\x00 but nothing else"))
	f.Add([]byte("<html>not a workspace</html>"))

	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "fuzz.copytrail")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		ws, err := Open(path)
		if err != nil && !strings.Contains(err.Error(), path) {
			t.Fatalf("Open error does not name the file: %v", err)
		}
		if _, _, rerr := Recover(path); rerr != nil && !strings.Contains(rerr.Error(), path) {
			t.Fatalf("Recover error does not name the file: %v", rerr)
		}
		if err != nil {
			return
		}
		again := filepath.Join(t.TempDir(), "again.copytrail")
		if err := Save(again, ws); err != nil {
			t.Fatalf("saving what Open accepted: %v", err)
		}
		ws2, err := Open(again)
		if err != nil {
			t.Fatalf("reopening what Open accepted: %v", err)
		}
		if !reflect.DeepEqual(ws, ws2) {
			t.Fatalf("round trip of an accepted file changed it: %s", firstDiff(reflect.ValueOf(ws2), reflect.ValueOf(ws), "Workspace"))
		}
	})
}
