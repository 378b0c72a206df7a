package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/dates"
)

// formats maps file extensions to the reader's format name.
var formats = map[string]string{
	".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
	".html": "html", ".htm": "html", ".xhtml": "html",
	".pdf": "pdf", ".docx": "docx", ".eml": "eml",
	".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv", ".warc": "warc", ".zip": "zip",
}

// Extensions lists the file name extensions Load reads, archives among
// them, each with its dot (".gz" stands for the gzipped archives), sorted:
// for the filters of file dialogs.
func Extensions() []string {
	exts := append(slices.Collect(maps.Keys(formats)), ".gz")
	slices.Sort(exts)
	return exts
}

// formatOf returns the format of a file name, "" when unsupported. An
// archive compressed with gzip has the format of the archive plus ".gz"
// ("jsonl.gz", "warc.gz").
func formatOf(name string) string {
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".gz" {
		inner := formats[strings.ToLower(filepath.Ext(name[:len(name)-len(ext)]))]
		if gzipArchives[inner] {
			return inner + ".gz"
		}
		return ""
	}
	return formats[ext]
}

// job is one file to read.
type job struct {
	path    string // Document.Path: the absolute OS path, or the fs.FS path
	open    func() (fs.File, error)
	format  string // "url" for a web address, fetched with FetchURL
	sidecar provenance.Metadata
}

// testHookBeforeRead, when set by a test, runs after a file is listed and
// just before it is opened.
var testHookBeforeRead func(path string)

// Load reads files and folders (recursively; hidden folders skipped,
// symbolic links followed without loops), and fetches the http and https
// addresses among paths like FetchURL. Archives (JSON lines, CSV, TSV,
// WARC, zip) give one document per record. Files and records it cannot
// read become errs; a file listed twice, or with the same text as an
// earlier one, becomes a Duplicate and is left out of docs. progress, when
// not nil, gets "reading" updates from another goroutine; Load never waits
// on it for long. On cancellation Load stops early and returns what it
// read. Stream does the same without holding the documents.
func Load(ctx context.Context, paths []string, opts Options, progress func(provenance.Progress)) (docs []provenance.Document, dups []provenance.Duplicate, errs []provenance.FileError) {
	var c collect
	Stream(ctx, paths, opts, progress, c.sink())
	return c.docs, c.dups, c.errs
}

// LoadFS reads every supported file of fsys (for the embedded demo corpus,
// assets.Demo()). Document paths are the paths inside fsys.
func LoadFS(ctx context.Context, fsys fs.FS, opts Options) (docs []provenance.Document, dups []provenance.Duplicate, errs []provenance.FileError) {
	opts = opts.withDefaults()
	var jobs []job
	var ferrs []provenance.FileError
	sidecars := map[string]map[string]provenance.Metadata{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			ferrs = append(ferrs, fileError(p, err))
			return nil
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || d.Name() == SidecarName {
			return nil
		}
		format := formatOf(p)
		if format == "" {
			return nil
		}
		var meta provenance.Metadata
		for dir := path.Dir(p); ; dir = path.Dir(dir) {
			rows, ok := sidecars[dir]
			if !ok {
				rows = readSidecarFS(fsys, path.Join(dir, SidecarName), opts.DateOrder, &ferrs)
				sidecars[dir] = rows
			}
			rel := strings.TrimPrefix(p, dir+"/")
			if m, ok := rows[sidecarKey(rel)]; ok {
				meta = m
				break
			}
			if dir == "." {
				break
			}
		}
		jobs = append(jobs, job{path: p, format: format, sidecar: meta,
			open: func() (fs.File, error) { return fsys.Open(p) }})
		return ctx.Err()
	})
	if err != nil && !errors.Is(err, ctx.Err()) {
		ferrs = append(ferrs, fileError(".", err))
	}
	rep := newReporter(nil)
	defer rep.close()
	c := collect{errs: ferrs}
	stream(ctx, jobs, opts, rep, c.sink())
	return c.docs, c.dups, c.errs
}

// readSidecarFS parses a metadata.csv from fsys when it exists.
func readSidecarFS(fsys fs.FS, name string, order dates.Order, errs *[]provenance.FileError) map[string]provenance.Metadata {
	f, err := fsys.Open(name)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			*errs = append(*errs, fileError(name, err))
		}
		return nil
	}
	defer f.Close()
	return readSidecarFrom(f, name, order, errs)
}

// readSidecarFrom parses a metadata.csv, recording its problems under name.
func readSidecarFrom(r io.Reader, name string, order dates.Order, errs *[]provenance.FileError) map[string]provenance.Metadata {
	rows, problems, err := parseSidecar(io.LimitReader(r, maxSidecarBytes), order)
	for _, p := range problems {
		*errs = append(*errs, provenance.FileError{Path: name, Reason: p})
	}
	if err != nil {
		*errs = append(*errs, provenance.FileError{Path: name, Reason: err.Error()})
	}
	return rows
}

// maxSidecarBytes caps how much of a metadata.csv is read.
const maxSidecarBytes = 64 << 20

// readJob opens, size-checks, reads and parses one file.
func readJob(ctx context.Context, j job, opts Options) (provenance.Document, error) {
	if ctx.Err() != nil {
		return provenance.Document{}, nil
	}
	if testHookBeforeRead != nil {
		testHookBeforeRead(j.path)
	}
	if j.format == "url" {
		d, err := fetch(ctx, j.path, opts)
		return d, err
	}
	f, err := j.open()
	if errors.Is(err, fs.ErrNotExist) {
		return provenance.Document{}, errors.New("file not found: it was moved or deleted while loading")
	}
	if err != nil {
		return provenance.Document{}, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return provenance.Document{}, err
	}
	if info.IsDir() {
		return provenance.Document{}, errors.New("is a folder, not a file")
	}
	limit := fileLimit(j.format, opts)
	if info.Size() > limit {
		return provenance.Document{}, fmt.Errorf("file is %s, over the %s read limit for .%s files (MaxFileBytes; text files: twice MaxDocBytes); refused without reading",
			sizeString(info.Size()), sizeString(limit), j.format)
	}
	data, err := readAll(f, info.Size(), limit)
	if err != nil {
		return provenance.Document{}, fmt.Errorf("reading: %w", err)
	}
	if int64(len(data)) > limit {
		return provenance.Document{}, fmt.Errorf("file grew past the %s read limit while being read", sizeString(limit))
	}
	return parseData(ctx, j.path, j.format, data, j.sidecar, opts)
}

// readAll reads r to its end, or to limit+1 bytes if it holds more, into
// a buffer sized from the file's size as stat gave it: one read (and one
// to see the end) for a file that stays as it was, where io.ReadAll grows
// its buffer from 512 bytes. A file that grew is read on, to limit+1.
func readAll(r io.Reader, size, limit int64) ([]byte, error) {
	most := limit + 1
	data := make([]byte, 0, max(512, min(most, size+1)))
	for int64(len(data)) < most {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):min(int64(cap(data)), most)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return data, err
		}
	}
	return data, nil
}

// fileLimit is the most bytes read of one file of a format: MaxFileBytes,
// and for plain text twice MaxDocBytes.
func fileLimit(format string, opts Options) int64 {
	if format == "txt" || format == "md" {
		return min(opts.MaxFileBytes, 2*int64(opts.MaxDocBytes)+4)
	}
	return opts.MaxFileBytes
}

// parseData turns one file's bytes into a Document (see build).
func parseData(ctx context.Context, path, format string, data []byte, sidecar provenance.Metadata, opts Options) (provenance.Document, error) {
	if len(data) == 0 {
		return provenance.Document{}, errors.New("empty file (0 bytes)")
	}
	x, err := extract(ctx, format, data, opts)
	if err != nil {
		return provenance.Document{}, err
	}
	return build(path, format, x, sidecar, opts)
}

// extract dispatches to the reader for a format. A panic in a reader (a
// library bug met by a hostile file) becomes an error for this file only.
func extract(ctx context.Context, format string, data []byte, opts Options) (extracted, error) {
	return guard(format, func() (extracted, error) {
		switch format {
		case "txt", "md":
			return extractText(data, opts.DateOrder)
		}
		if r := readers[format]; r != nil {
			return r(ctx, data, opts)
		}
		return extracted{}, fmt.Errorf("unsupported format %q", format)
	})
}

// guard runs a reader, turning a panic into an error.
func guard(format string, read func() (extracted, error)) (x extracted, err error) {
	defer func() {
		if p := recover(); p != nil {
			x, err = extracted{}, fmt.Errorf("the %s reader failed on this file: %v", format, p)
		}
	}()
	return read()
}

// readers holds the binary and markup formats (registered by their files).
var readers = map[string]func(ctx context.Context, data []byte, opts Options) (extracted, error){}

// extractText decodes a .txt or .md file and reads its front matter.
func extractText(data []byte, order dates.Order) (extracted, error) {
	text, _, err := decodeText(data)
	if err != nil {
		return extracted{}, err
	}
	meta, end := frontMatter(text, order)
	x := extracted{text: text, meta: meta}
	if end > 0 {
		x.skip = []provenance.Span{{Start: 0, End: end}}
	}
	return x, nil
}

// fileError turns an error into a FileError, with plain words for the
// common operating-system failures.
func fileError(p string, err error) provenance.FileError {
	reason := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		reason = pe.Err.Error()
	}
	switch {
	case errors.Is(err, fs.ErrPermission):
		reason = "permission denied: cannot read the file"
	case errors.Is(err, fs.ErrNotExist):
		reason = "not found: no such file or folder"
	}
	return provenance.FileError{Path: p, Reason: reason}
}

// osOpen opens an OS file for a job.
func osOpen(p string) func() (fs.File, error) {
	return func() (fs.File, error) { return os.Open(p) }
}
