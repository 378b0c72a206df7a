package ingest

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

func TestSidecarRole(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.txt": "A release from the press office, long enough to read.\n",
		"b.txt": "A newspaper story about the release, also long enough.\n",
		"c.txt": "Another text whose role is a word nobody knows.\n",
		"d.txt": "---\ntitle: D\nrole: Wire agency\n---\nA wire story with its role in front matter.\n",
		"metadata.csv": "file,outlet,role\na.txt,University of X,Press office\nb.txt,Daily Y,newspaper\n" +
			"c.txt,Z,spaceship\n",
	})
	docs, _, errs := Load(context.Background(), []string{dir}, DefaultOptions(), nil)
	byName := map[string]provenance.Document{}
	for _, d := range docs {
		byName[filepath.Base(d.Path)] = d
	}
	if a := byName["a.txt"].Meta.Role; a.Value != string(provenance.RolePressOffice) || a.Origin != provenance.OriginSidecar ||
		!strings.Contains(a.Detail, "metadata.csv line 2") {
		t.Errorf("a.txt role %+v, want press-office from metadata.csv line 2", a)
	}
	if b := byName["b.txt"].Meta; b.RoleOf() != provenance.RoleNewspaper {
		t.Errorf("b.txt role %+v", b.Role)
	}
	if d := byName["d.txt"].Meta.Role; d.Value != string(provenance.RoleWire) || d.Origin != provenance.OriginFrontMatter {
		t.Errorf("d.txt role %+v, want wire from front matter", d)
	}
	if c := byName["c.txt"].Meta.Role; c.Known() {
		t.Errorf("an unknown role word was kept: %+v", c)
	}
	var named bool
	for _, e := range errs {
		if strings.Contains(e.Path, "metadata.csv") && strings.Contains(e.Reason, "line 4") && strings.Contains(e.Reason, `"spaceship"`) {
			named = true
		}
	}
	if !named {
		t.Errorf("the unknown role is not reported with its file and line: %v", errs)
	}
}

func TestParseRole(t *testing.T) {
	for in, want := range map[string]provenance.Role{
		"wire": provenance.RoleWire, "News agency": provenance.RoleWire, "press_office": provenance.RolePressOffice,
		"PRESS-OFFICE": provenance.RolePressOffice, "NGO": provenance.RolePressOffice, "aggregator": provenance.RoleAggregator,
		"Broadcaster": provenance.RoleNewspaper, " blog ": provenance.RoleBlog, "": provenance.RoleNone, "unknown": provenance.RoleNone,
	} {
		if got, ok := provenance.ParseRole(in); !ok || got != want {
			t.Errorf("ParseRole(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := provenance.ParseRole("spaceship"); ok {
		t.Error("ParseRole accepted a word it does not know")
	}
}
