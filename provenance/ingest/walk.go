package ingest

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/dates"
)

// maxWalkDepth bounds folder recursion.
const maxWalkDepth = 64

// osWalker lists the files to read from OS paths.
type osWalker struct {
	jobs     []job
	dups     []provenance.Duplicate
	errs     []provenance.FileError
	seen     map[string]bool // absolute file paths listed
	visited  map[string]bool // real folder paths walked
	sidecars map[string]map[string]provenance.Metadata
	// dateOrder reads the metadata.csv dates that could be day or month first.
	dateOrder dates.Order
	// listed, when set, hears the number of files listed so far.
	listed func(n int)
}

func newOSWalker() *osWalker {
	return &osWalker{seen: map[string]bool{}, visited: map[string]bool{}, sidecars: map[string]map[string]provenance.Metadata{}}
}

// add lists a path given by the user: a file (any extension; an unsupported
// one is an error) or a folder (supported files only).
func (w *osWalker) add(p string) {
	if lp := strings.ToLower(p); strings.HasPrefix(lp, "http://") || strings.HasPrefix(lp, "https://") {
		if w.seen[p] {
			w.dups = append(w.dups, provenance.Duplicate{Doc: DocID(p), Original: DocID(p), Reason: "same file"})
			return
		}
		w.seen[p] = true
		w.jobs = append(w.jobs, job{path: p, format: "url"})
		return
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		w.errs = append(w.errs, fileError(p, err))
		return
	}
	info, err := os.Stat(abs)
	if err != nil {
		w.errs = append(w.errs, fileError(abs, err))
		return
	}
	if info.IsDir() {
		w.walk(abs, abs, 0)
		return
	}
	if !info.Mode().IsRegular() {
		w.errs = append(w.errs, provenance.FileError{Path: abs, Reason: "not a regular file (a device, pipe or socket); not read"})
		return
	}
	if filepath.Base(abs) == SidecarName {
		return // metadata for the articles beside it, not an article
	}
	if formatOf(abs) == "" {
		w.errs = append(w.errs, provenance.FileError{Path: abs, Reason: "unsupported file type " + quoteShort(filepath.Ext(abs)) +
			" (Copytrail reads .txt, .md, .html, .htm, .pdf, .docx, .eml, and archives: .jsonl, .csv, .tsv, .warc, their .gz, .zip)"})
		return
	}
	w.addFile(abs, filepath.Dir(abs))
}

// addFile lists one file, or records it as a duplicate of itself. Its
// metadata row is looked up in the metadata.csv of its folder by name,
// then in those of the folders above it, up to root, by relative path.
func (w *osWalker) addFile(abs, root string) {
	if w.seen[abs] {
		id := DocID(abs)
		w.dups = append(w.dups, provenance.Duplicate{Doc: id, Original: id, Reason: "same file"})
		return
	}
	w.seen[abs] = true
	var meta provenance.Metadata
	for dir := filepath.Dir(abs); ; dir = filepath.Dir(dir) {
		rows, ok := w.sidecars[dir]
		if !ok {
			rows = w.readSidecar(filepath.Join(dir, SidecarName))
			w.sidecars[dir] = rows
		}
		if rel, err := filepath.Rel(dir, abs); err == nil {
			if m, ok := rows[sidecarKey(filepath.ToSlash(rel))]; ok {
				meta = m
				break
			}
		}
		if dir == root || !strings.HasPrefix(dir, root) || filepath.Dir(dir) == dir {
			break
		}
	}
	w.jobs = append(w.jobs, job{path: abs, open: osOpen(abs), format: formatOf(abs), sidecar: meta})
	if w.listed != nil {
		w.listed(len(w.jobs))
	}
}

// readSidecar parses a folder's metadata.csv when there is one.
func (w *osWalker) readSidecar(p string) map[string]provenance.Metadata {
	f, err := os.Open(p)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			w.errs = append(w.errs, fileError(p, err))
		}
		return nil
	}
	defer f.Close()
	return readSidecarFrom(f, p, w.dateOrder, &w.errs)
}

// walk lists a folder's supported files, recursively. Hidden entries are
// skipped; links to folders are followed once per real folder, so a link
// loop ends; unreadable folders become errors.
func (w *osWalker) walk(root, dir string, depth int) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		w.errs = append(w.errs, fileError(dir, err))
		return
	}
	if w.visited[real] {
		return
	}
	w.visited[real] = true
	if depth > maxWalkDepth {
		w.errs = append(w.errs, provenance.FileError{Path: dir, Reason: "folders nested too deep (over 64 levels); not read"})
		return
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		w.errs = append(w.errs, fileError(dir, err))
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || name == SidecarName {
			continue
		}
		p := filepath.Join(dir, name)
		mode := e.Type()
		if mode&fs.ModeSymlink != 0 {
			info, err := os.Stat(p)
			if err != nil {
				w.errs = append(w.errs, provenance.FileError{Path: p, Reason: "broken or looping symbolic link: " + unwrapPathError(err)})
				continue
			}
			mode = info.Mode().Type()
		}
		switch {
		case mode.IsDir():
			w.walk(root, p, depth+1)
		case mode.IsRegular() && formatOf(name) != "":
			w.addFile(p, root)
		case formatOf(name) != "":
			w.errs = append(w.errs, provenance.FileError{Path: p, Reason: "not a regular file (a device, pipe or socket); not read"})
		}
	}
}

// unwrapPathError returns the reason of a PathError without the path.
func unwrapPathError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
