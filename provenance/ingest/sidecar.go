package ingest

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/dates"
)

// SidecarName is the metadata file read beside the articles of a folder.
const SidecarName = "metadata.csv"

// sidecarColumns is the column order assumed when metadata.csv has no header.
var sidecarColumns = []string{"file", "title", "outlet", "author", "published", "url", "role"}

// maxSidecarRows bounds how many rows of a metadata.csv are read.
const maxSidecarRows = 1_000_000

// parseSidecar reads a metadata.csv: a header naming the columns file,
// title, outlet, author, published, url, role (any order, extra columns
// ignored; role is one of provenance.Roles or a word ParseRole reads),
// or rows in that order with no header. Keys are cleaned slash paths
// relative to the folder. A row it cannot use is reported in problems and
// skipped; err is set only when the file as a whole is unreadable.
func parseSidecar(r io.Reader, order dates.Order) (rows map[string]provenance.Metadata, problems []string, err error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	rows = map[string]provenance.Metadata{}
	cols := map[string]int{}
	for line := 1; line <= maxSidecarRows; line++ {
		rec, rerr := cr.Read()
		if errors.Is(rerr, io.EOF) {
			break
		}
		if rerr != nil {
			var pe *csv.ParseError
			if errors.As(rerr, &pe) && pe.Err != csv.ErrFieldCount {
				return rows, problems, fmt.Errorf("%s line %d: %w", SidecarName, pe.Line, rerr)
			}
			return rows, problems, fmt.Errorf("%s: %w", SidecarName, rerr)
		}
		if line == 1 {
			rec[0] = strings.TrimPrefix(rec[0], "\ufeff")
			if isSidecarHeader(rec) {
				for i, name := range rec {
					cols[strings.ToLower(strings.TrimSpace(name))] = i
				}
				continue
			}
			for i, name := range sidecarColumns {
				cols[name] = i
			}
		}
		get := func(name string) string {
			i, ok := cols[name]
			if !ok || i >= len(rec) {
				return ""
			}
			return strings.TrimSpace(rec[i])
		}
		file := get("file")
		if file == "" {
			if strings.Join(rec, "") != "" {
				problems = append(problems, fmt.Sprintf("%s line %d: no file name", SidecarName, line))
			}
			continue
		}
		var m provenance.Metadata
		detail := fmt.Sprintf("%s line %d", SidecarName, line)
		for _, name := range sidecarColumns[1:] {
			setMetaKey(&m, name, get(name), provenance.OriginSidecar, detail, order)
		}
		if get("published") != "" && !m.Published.Known() {
			problems = append(problems, m.Published.Detail)
		}
		if r := get("role"); r != "" && !m.Role.Known() {
			problems = append(problems, fmt.Sprintf("%s line %d: unknown role %q for %s (known: %s); the role is left unknown",
				SidecarName, line, r, file, roleList()))
		}
		rows[sidecarKey(file)] = m
	}
	return rows, problems, nil
}

// isSidecarHeader reports whether a first row names the columns.
func isSidecarHeader(rec []string) bool {
	for _, c := range rec {
		if strings.EqualFold(strings.TrimSpace(c), "file") {
			return true
		}
	}
	return false
}

// sidecarKey normalises a file name from metadata.csv or from a walk.
func sidecarKey(name string) string {
	name = strings.ReplaceAll(strings.TrimSpace(name), `\`, "/")
	return path.Clean(strings.TrimPrefix(name, "./"))
}
