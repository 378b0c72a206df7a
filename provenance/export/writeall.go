package export

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/graphlayout"
)

// Formats WriteAll knows, in the order it writes them.
var Formats = []string{"csv", "jsonl", "parquet", "graphml", "gexf", "dot", "png"}

// Options choose what WriteAll writes.
type Options struct {
	// Formats to write (see Formats); empty means all.
	Formats []string
	// Compare names the two documents of comparison.png; empty means the
	// strongest link's two documents.
	Compare [2]string
}

// file is one output: its name in the folder, the format that asks for it,
// and how to write it.
type file struct {
	name, format string
	write        func(io.Writer) error
}

func files(r *provenance.Result, opts Options) []file {
	docs, outlets := graphlayout.DocumentGraph(r), graphlayout.OutletGraph(r)
	with := func(f func(io.Writer, *provenance.Result) error) func(io.Writer) error {
		return func(w io.Writer) error { return f(w, r) }
	}
	graph := func(f func(io.Writer, graphlayout.Graph) error, g graphlayout.Graph) func(io.Writer) error {
		return func(w io.Writer) error { return f(w, g) }
	}
	fs := []file{
		{"passages.csv", "csv", with(PassagesCSV)},
		{"pairs.csv", "csv", with(PairsCSV)},
		{"links.csv", "csv", with(LinksCSV)},
		{"mutations.csv", "csv", with(MutationsCSV)},
		{"documents.csv", "csv", with(DocumentsCSV)},
		{"outlet_links.csv", "csv", with(OutletLinksCSV)},
		{"families.csv", "csv", with(FamiliesCSV)},
		{AnalysisJSON, "jsonl", with(AnalysisFile)},
		{DocumentsJSONL, "jsonl", with(DocumentsFile)},
		{PassagesFile, "jsonl", with(PassagesJSONL)},
		{PairsJSONL, "jsonl", with(PairsFile)},
		{LinksJSONL, "jsonl", with(LinksFile)},
		{FamiliesJSONL, "jsonl", with(FamiliesFile)},
		{MutationsJSONL, "jsonl", with(MutationsFile)},
		{OutletLinksJSONL, "jsonl", with(OutletLinksFile)},
		{"passages.parquet", "parquet", with(PassagesParquet)}, {"links.parquet", "parquet", with(LinksParquet)},
		{"pairs.parquet", "parquet", with(PairsParquet)}, {"mutations.parquet", "parquet", with(MutationsParquet)},
		{"documents.parquet", "parquet", with(DocumentsParquet)},
		{"graph.graphml", "graphml", graph(GraphML, docs)},
		{"outlets.graphml", "graphml", graph(GraphML, outlets)},
		{"graph.gexf", "gexf", graph(GEXF, docs)},
		{"outlets.gexf", "gexf", graph(GEXF, outlets)},
		{"graph.dot", "dot", graph(DOT, docs)},
		{"outlets.dot", "dot", graph(DOT, outlets)},
		{"graph.png", "png", func(w io.Writer) error { return GraphPNG(w, docs.Linked(), GraphTitle(r)) }},
		{"outlets.png", "png", func(w io.Writer) error { return GraphPNG(w, outlets.Linked(), "Who took text from whom, by outlet") }},
	}
	a, b := opts.Compare[0], opts.Compare[1]
	if a == "" || b == "" {
		a, b = StrongestPair(r)
	}
	if a != "" && b != "" { // a single document has nothing to compare
		fs = append(fs, file{"comparison.png", "png", func(w io.Writer) error { return ComparisonPNG(w, r, a, b) }})
	}
	return fs
}

// StrongestPair returns the documents of the most confident link (else of
// the pair sharing the most words, else the first two documents).
func StrongestPair(r *provenance.Result) (a, b string) {
	best := -1.0
	for _, l := range r.Links {
		if l.Confidence > best {
			best, a, b = l.Confidence, l.Source, l.Target
		}
	}
	if a != "" {
		return a, b
	}
	most := -1
	for _, p := range r.Pairs {
		if p.SharedWords > most {
			most, a, b = p.SharedWords, p.A, p.B
		}
	}
	if a == "" && len(r.Documents) >= 2 {
		a, b = r.Documents[0].ID, r.Documents[1].ID
	}
	return a, b
}

// WriteAll writes the chosen formats into folder dir (created if missing)
// and returns the names written. Every file goes directly into dir: names
// are sanitised, a symlink in dir is refused rather than followed, and all
// access goes through an os.Root so nothing can land outside dir. Each file
// is written to a temporary file in dir and renamed into place, so a file is
// either the old one or the complete new one, never half written.
func WriteAll(dir string, r *provenance.Result, opts Options) ([]string, error) {
	want := map[string]bool{}
	for _, f := range opts.Formats {
		f = strings.ToLower(strings.TrimSpace(f))
		if !KnownFormat(f) {
			return nil, fmt.Errorf("export: unknown format %q (known: %s)", f, strings.Join(Formats, ", "))
		}
		want[f] = true
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("export: folder %s: %w", dir, err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("export: folder %s: %w", dir, err)
	}
	defer root.Close()
	var written []string
	for _, f := range files(r, opts) {
		if len(want) > 0 && !want[f.format] {
			continue
		}
		name, err := WriteFile(root, f.name, f.write)
		if err != nil {
			return written, fmt.Errorf("export: %s in %s: %w", f.name, dir, err)
		}
		written = append(written, name)
	}
	return written, nil
}

// KnownFormat reports whether WriteAll knows format (see Formats).
func KnownFormat(format string) bool {
	for _, f := range Formats {
		if f == format {
			return true
		}
	}
	return false
}

// SafeName turns name into a plain file name: only letters, digits, '.',
// '-' and '_' (others become '_'), no leading dot, at most 120 bytes.
func SafeName(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	s := strings.TrimLeft(b.String(), ".")
	if len(s) > 120 {
		s = s[len(s)-120:]
	}
	if s == "" {
		s = "export"
	}
	return s
}

// WriteFile writes one file named name (sanitised with SafeName) directly
// inside root, atomically, and returns the name used. An existing symlink
// or folder of that name is an error.
func WriteFile(root *os.Root, name string, write func(io.Writer) error) (string, error) {
	return WriteFileAs(root, SafeName(name), write)
}

// WriteFileAs is WriteFile for a name the user chose exactly (spaces and
// accents kept): it must be a plain file name, not a path, "." or "..".
func WriteFileAs(root *os.Root, name string, write func(io.Writer) error) (string, error) {
	if name == "" || name == "." || name == ".." || strings.ContainsAny(name, `/\`) || strings.ContainsRune(name, 0) {
		return name, fmt.Errorf("%q is not a plain file name", name)
	}
	if fi, err := root.Lstat(name); err == nil {
		if fi.Mode()&fs.ModeSymlink != 0 {
			return name, fmt.Errorf("refusing to write through symlink %s", name)
		}
		if !fi.Mode().IsRegular() {
			return name, fmt.Errorf("%s exists and is not a regular file", name)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return name, err
	}
	var rnd [6]byte
	_, _ = rand.Read(rnd[:])
	tmp := "." + name + "." + hex.EncodeToString(rnd[:]) + ".tmp"
	f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return name, err
	}
	fail := func(err error) (string, error) {
		f.Close()
		root.Remove(tmp)
		return name, err
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	if err := write(bw); err != nil {
		return fail(err)
	}
	if err := bw.Flush(); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		root.Remove(tmp)
		return name, err
	}
	if err := root.Rename(tmp, name); err != nil {
		root.Remove(tmp)
		return name, err
	}
	return name, nil
}
