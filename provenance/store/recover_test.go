package store

import (
	"bytes"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestRecoverHealthyFileIsLossless(t *testing.T) {
	ws := fullWorkspace(t, 9)
	path := writeFile(t, "w.copytrail", savedBytes(t, ws))
	got, rep, err := Recover(path)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Lossless() || len(rep.Integrity) > 0 {
		t.Errorf("report on a healthy file:\n%s", rep)
	}
	assertEqual(t, got, ws)
}

// checkSalvage asserts that every recovered document is an original one,
// unchanged, and that the report accounts for every row.
func checkSalvage(t *testing.T, orig, got *Workspace, rep *RecoveryReport) {
	t.Helper()
	byID := map[string]int{}
	for i, d := range orig.Documents {
		byID[d.ID] = i
	}
	for _, d := range got.Documents {
		i, ok := byID[d.ID]
		if !ok || !reflect.DeepEqual(d, orig.Documents[i]) {
			t.Errorf("recovered document %q is not an original one", d.ID)
		}
	}
	for _, tr := range rep.Tables {
		if tr.Expected >= 0 && tr.Recovered+tr.Lost != tr.Expected {
			t.Errorf("table %s: %d recovered + %d lost != %d saved", tr.Table, tr.Recovered, tr.Lost, tr.Expected)
		}
		if tr.Table == "documents" && tr.Recovered != len(got.Documents) {
			t.Errorf("report says %d documents recovered, workspace has %d", tr.Recovered, len(got.Documents))
		}
	}
	if got.Result != nil && !reflect.DeepEqual(got.Result, orig.Result) {
		t.Error("a partial analysis result was kept")
	}
	// The salvage can be saved and opened like any workspace.
	path := filepath.Join(t.TempDir(), "recovered.copytrail")
	if err := Save(path, got); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path); err != nil {
		t.Fatal(err)
	}
}

func TestRecoverDamagedFiles(t *testing.T) {
	orig := corpusWorkspace(40, 300, 1)
	orig.Notes = map[string]string{"d00001": "call the editor"}
	good := savedBytes(t, orig)
	scribbled := append([]byte(nil), good...)
	page := bytes.Index(good, []byte("/articles/00020.txt")) / 4096 * 4096 // a page of the documents table
	for i := page; i < page+4096; i += 50 {
		scribbled[i] ^= 0xff
	}
	for name, data := range map[string][]byte{
		"truncated": good[:len(good)/2/4096*4096],
		"cut-short": good[:len(good)*3/4],
		"scribbled": scribbled,
	} {
		t.Run(name, func(t *testing.T) {
			path := writeFile(t, name+".copytrail", data)
			if _, err := Open(path); !errors.Is(err, ErrDamaged) {
				t.Fatalf("Open of a damaged file: %v", err)
			}
			got, rep, err := Recover(path)
			if err != nil {
				t.Fatalf("%v\n%s", err, rep)
			}
			t.Logf("%s", rep)
			if rep.Lossless() {
				t.Error("report claims nothing was lost")
			}
			if len(got.Documents) == 0 || len(got.Documents) == len(orig.Documents) {
				t.Errorf("recovered %d of %d documents; want some, not all", len(got.Documents), len(orig.Documents))
			}
			if !strings.Contains(rep.String(), "lost") {
				t.Errorf("report does not say what was lost:\n%s", rep)
			}
			checkSalvage(t, orig, got, rep)
		})
	}
}

func TestRecoverRefusesNonWorkspaces(t *testing.T) {
	for name, data := range map[string][]byte{"empty": nil, "text": []byte("hello")} {
		path := writeFile(t, name, data)
		if _, _, err := Recover(path); !errors.Is(err, ErrNotWorkspace) || !strings.Contains(err.Error(), path) {
			t.Errorf("Recover(%s) = %v", name, err)
		}
	}
}

// With the meta table unreadable, the row counts are unknown: Recover still
// reads every table to its end and says the counts are unknown.
func TestRecoverWithoutMeta(t *testing.T) {
	orig := corpusWorkspace(20, 200, 2)
	good := savedBytes(t, orig)
	at := bytes.Index(good, []byte("nil_collections"))
	if at < 0 {
		t.Fatal("meta table not found")
	}
	bad := append([]byte(nil), good...)
	page := at / 4096 * 4096
	for i := page; i < page+4096; i += 7 {
		bad[i] ^= 0xa5
	}
	path := writeFile(t, "w.copytrail", bad)
	if _, err := Open(path); !errors.Is(err, ErrDamaged) {
		t.Fatalf("Open: %v", err)
	}
	got, rep, err := Recover(path)
	if err != nil {
		t.Fatalf("%v\n%s", err, rep)
	}
	if !rep.SettingsLost || rep.Lossless() || got.Result != nil {
		t.Errorf("report:\n%s", rep)
	}
	if len(got.Documents) != len(orig.Documents) {
		t.Errorf("recovered %d of %d documents:\n%s", len(got.Documents), len(orig.Documents), rep)
	}
	if !strings.Contains(rep.String(), "unknown") {
		t.Errorf("report does not say the counts are unknown:\n%s", rep)
	}
	t.Logf("%s", rep)
	checkSalvage(t, orig, got, rep)
}
