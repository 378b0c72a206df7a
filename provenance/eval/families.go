package eval

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing/fstest"
)

// FileTruth is one page of a real-world family, as its truth.json labels it.
type FileTruth struct {
	File   string `json:"file"`
	URL    string `json:"url"`
	Outlet string `json:"outlet"`
	// Date is the publication date when the page or its URL states it.
	Date *string `json:"date"`
	// Role is the page's place in the family: origin, copy or independent.
	Role string `json:"role"`
	// CopiesFrom is the nearest ancestor in the family, nil for none.
	CopiesFrom *string `json:"copies_from"`
	Note       string  `json:"note"`
	// QuotesSameSourceAs names pages this independent page shares only a
	// quotation with (both quote one statement): a common-source link to
	// them is right, a copy link is not. Optional.
	QuotesSameSourceAs []string `json:"quotes_same_source_as,omitempty"`
}

// Truth is a family's truth.json.
type Truth struct {
	Family     string  `json:"family"`
	Topic      string  `json:"topic"`
	Phenomenon string  `json:"phenomenon"`
	OriginFile *string `json:"origin_file"`
	// OriginIsProxy: the true origin is not in the store and a verbatim
	// repost stands in for it; a link from the stand-in is right in kind and
	// its direction is not judged.
	OriginIsProxy bool `json:"origin_is_proxy"`
	// CommonSource names the text every copy took from when it is not in
	// the collection (origin_file is then null, and each copy's copies_from
	// too): the right answer is a common-source link naming it. Optional.
	CommonSource string      `json:"common_source,omitempty"`
	Files        []FileTruth `json:"files"`
}

// Family is one folder of real pages with its labels.
type Family struct {
	Name  string
	Dir   string
	Truth Truth
	// Set names the collection the family came from ("shared", "own",
	// "fresh", "fresh2", "fresh3", "fresh4", "fresh5").
	Set string
}

// Page roles in a family.
const (
	PageOrigin      = "origin"
	PageCopy        = "copy"
	PageIndependent = "independent"
)

// LoadFamilies reads every subfolder of dir that holds a truth.json. set
// labels them. Files named in a truth.json must exist.
func LoadFamilies(dir, set string) ([]Family, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("reading families: %w", err)
	}
	var out []Family
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		p := filepath.Join(dir, e.Name(), "truth.json")
		b, err := os.ReadFile(p)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", p, err)
		}
		f := Family{Name: e.Name(), Dir: filepath.Join(dir, e.Name()), Set: set}
		if err := json.Unmarshal(b, &f.Truth); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		seen := map[string]bool{}
		for _, ft := range f.Truth.Files {
			seen[ft.File] = true
			if _, err := os.Stat(filepath.Join(f.Dir, ft.File)); err != nil {
				return nil, fmt.Errorf("%s names %s: %w", p, ft.File, err)
			}
		}
		for _, ft := range f.Truth.Files {
			if ft.CopiesFrom != nil && !seen[*ft.CopiesFrom] {
				return nil, fmt.Errorf("%s: %s copies from %s, which the family does not list", p, ft.File, *ft.CopiesFrom)
			}
		}
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// FindBesideModule returns the folder name (a relative path such as
// "shared/realworld") beside the module root above the working directory,
// or why it is not there.
func FindBesideModule(name string) (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("reading the working directory: %w", err)
	}
	dir := wd
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod in %s or any folder above it", wd)
		}
		dir = parent
	}
	p := filepath.Join(filepath.Dir(dir), filepath.FromSlash(name))
	info, err := os.Stat(p)
	if err != nil {
		return "", err
	}
	if !info.IsDir() {
		return "", fmt.Errorf("%s is not a folder", p)
	}
	return p, nil
}

// Roles are the outlet roles known for pages of the families ("wire",
// "press-office", …), keyed by family and file. They are labels, kept in
// the repository (testdata/realworld-roles.csv): what a researcher who
// knows the outlets would type.
type Roles map[[2]string]string

// ReadRoles reads a roles file: CSV with the columns family, file, role.
func ReadRoles(r io.Reader, name string) (Roles, error) {
	cr := csv.NewReader(r)
	cr.Comment = '#'
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	out := Roles{}
	for i, row := range rows {
		if len(row) != 3 {
			return nil, fmt.Errorf("%s line %d: want family,file,role", name, i+1)
		}
		if i == 0 && row[0] == "family" {
			continue
		}
		out[[2]string{row[0], row[1]}] = strings.TrimSpace(row[2])
	}
	return out, nil
}

// outletNote strips a label's own commentary from an outlet name: "WBBJ-TV
// (AP story)" is "WBBJ-TV" as a user would type it.
var outletNote = regexp.MustCompile(`\s*\([^)]*\)`)

// cleanOutlet is the outlet name a user would give.
func cleanOutlet(s string) string {
	return strings.TrimSpace(outletNote.ReplaceAllString(s, ""))
}

// Mode is how much metadata the evaluation gives.
type Mode string

// Evaluation modes.
const (
	// Bare: the page files alone; whatever ingest reads from them.
	Bare Mode = "bare files"
	// WithMetadata: a metadata.csv gives the outlets, the roles where known
	// and the dates that exist.
	WithMetadata Mode = "with metadata"
)

// collectionFS lays every family's pages out as family/file in one
// in-memory folder, with a metadata.csv in WithMetadata mode.
func collectionFS(fams []Family, mode Mode, roles Roles) (fstest.MapFS, error) {
	fsys := fstest.MapFS{}
	var meta strings.Builder
	cw := csv.NewWriter(&meta)
	cw.Write([]string{"file", "outlet", "published", "role"})
	for _, f := range fams {
		for _, ft := range f.Truth.Files {
			b, err := os.ReadFile(filepath.Join(f.Dir, ft.File))
			if err != nil {
				return nil, fmt.Errorf("reading %s: %w", ft.File, err)
			}
			name := f.Name + "/" + ft.File
			fsys[name] = &fstest.MapFile{Data: b, Mode: 0o644}
			date := ""
			if ft.Date != nil {
				date = *ft.Date
			}
			cw.Write([]string{name, cleanOutlet(ft.Outlet), date, roles[[2]string{f.Name, ft.File}]})
		}
	}
	cw.Flush()
	if mode == WithMetadata {
		fsys["metadata.csv"] = &fstest.MapFile{Data: []byte(meta.String()), Mode: 0o644}
	}
	return fsys, nil
}
