package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/copytrail/copytrail/provenance"
)

// ShardName is the name of shard i of n of a JSON Lines file: the name
// itself when there is one shard, else "passages-00003-of-00012.jsonl".
// A distributed runner writes large kinds in shards; ReadJSONL reads both.
func ShardName(name string, i, n int) string {
	if n <= 1 {
		return name
	}
	ext := filepath.Ext(name)
	return fmt.Sprintf("%s-%05d-of-%05d%s", name[:len(name)-len(ext)], i, n, ext)
}

// ReadJSONL reads a JSON Lines export folder (written by WriteAll with the
// jsonl format, or by cmd/copytrail-beam) back into a Result, so the app
// can open what a distributed run produced. A bad line is an error naming
// the file and line; a missing line file reads as empty, a missing
// analysis.json is an error (it is what marks the folder as an export).
func ReadJSONL(dir string) (*provenance.Result, error) {
	data, err := os.ReadFile(filepath.Join(dir, AnalysisJSON))
	if err != nil {
		return nil, fmt.Errorf("read export %s: %w", dir, err)
	}
	var a Analysis
	if err := json.Unmarshal(data, &a); err != nil {
		return nil, fmt.Errorf("read export %s: %s: %w", dir, AnalysisJSON, err)
	}
	r := &provenance.Result{Version: a.Version, Settings: a.Settings, Duplicates: a.Duplicates, Errors: a.Errors}
	err = errors.Join(
		readKind(dir, DocumentsJSONL, func(rec *DocumentRecord) {
			rec.Document.Text = rec.Text
			r.Documents = append(r.Documents, rec.Document)
		}),
		readKind(dir, PassagesFile, func(rec *PassageRecord) {
			if len(rec.Diff) == 0 {
				rec.Diff = nil // written as [] for readers; the engine leaves it nil
			}
			r.Passages = append(r.Passages, rec.Passage)
		}),
		readKind(dir, PairsJSONL, func(p *provenance.Pair) { r.Pairs = append(r.Pairs, *p) }),
		readKind(dir, LinksJSONL, func(l *provenance.Link) { r.Links = append(r.Links, *l) }),
		readKind(dir, FamiliesJSONL, func(f *provenance.Family) { r.Families = append(r.Families, *f) }),
		readKind(dir, MutationsJSONL, func(m *provenance.Mutation) { r.Mutations = append(r.Mutations, *m) }),
		readKind(dir, OutletLinksJSONL, func(e *provenance.OutletEdge) { r.OutletEdges = append(r.OutletEdges, *e) }),
	)
	if err != nil {
		return nil, fmt.Errorf("read export %s: %w", dir, err)
	}
	for kind, n := range map[string]int{"documents": len(r.Documents), "passages": len(r.Passages), "pairs": len(r.Pairs), "links": len(r.Links)} {
		if want, ok := a.Counts[kind]; ok && want != n {
			return nil, fmt.Errorf("read export %s: %s lists %d %s, the files hold %d (an unfinished or mixed export)", dir, AnalysisJSON, want, kind, n)
		}
	}
	return r, nil
}

// readKind reads the file name (or its shards, in order) line by line.
func readKind[T any](dir, name string, add func(*T)) error {
	files, err := shards(dir, name)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := readLines(f, add); err != nil {
			return err
		}
	}
	return nil
}

// shards lists name, else its shards "stem-*-of-*.ext" sorted; none is
// not an error.
func shards(dir, name string) ([]string, error) {
	one := filepath.Join(dir, name)
	if _, err := os.Stat(one); err == nil {
		return []string{one}, nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	ext := filepath.Ext(name)
	many, err := filepath.Glob(filepath.Join(dir, name[:len(name)-len(ext)]+"-[0-9]*-of-[0-9]*"+ext))
	sort.Strings(many)
	return many, err
}

func readLines[T any](path string, add func(*T)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<16)
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(b)) > 0 {
			var v T
			if jerr := json.Unmarshal(b, &v); jerr != nil {
				return fmt.Errorf("%s line %d: %w", filepath.Base(path), line, jerr)
			}
			add(&v)
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s line %d: %w", filepath.Base(path), line, err)
		}
	}
}

// IsJSONLExport reports whether dir is a folder holding a JSON Lines export
// (its analysis.json).
func IsJSONLExport(dir string) bool {
	fi, err := os.Stat(filepath.Join(dir, AnalysisJSON))
	return err == nil && fi.Mode().IsRegular()
}
