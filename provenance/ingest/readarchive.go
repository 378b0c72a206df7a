package ingest

import (
	"context"
	"io"
	"io/fs"
	"path"
	"time"

	"github.com/copytrail/copytrail/provenance"
)

// ReadArchive reads one archive (JSON lines, CSV, TSV or WARC, each maybe
// gzipped, or zip; IsArchive) from r exactly as Load reads it from a
// folder, for callers that open files themselves: a distributed runner
// reading a bucket. name is the archive's path (its documents' Paths are
// "name#record"); size is its length in bytes; a zip needs r to be an
// io.ReaderAt. emit gets every record in archive order: its document, or
// the error naming the archive and the record's place (line, offset). No
// duplicates are left out: that is the caller's. It returns ctx's error
// when cancelled.
func ReadArchive(ctx context.Context, name string, r io.Reader, size int64, opts Options, emit func(provenance.Document, *provenance.FileError)) error {
	opts = opts.withDefaults()
	rep := newReporter(nil)
	defer rep.close()
	j := job{path: name, format: formatOf(name), open: func() (fs.File, error) { return &readerFile{r: r, name: name, size: size}, nil }}
	readArchive(ctx, j, opts, rep, func(t task) bool {
		switch {
		case t.err != nil:
			fe := recordError(t, t.err)
			emit(provenance.Document{}, &fe)
		case t.read != nil:
			d, err := t.read()
			if err != nil {
				fe := recordError(t, err)
				emit(provenance.Document{}, &fe)
			} else if d.ID != "" {
				emit(d, nil)
			}
		}
		return ctx.Err() == nil
	})
	return ctx.Err()
}

// readerFile serves an io.Reader as the fs.File an archive job opens.
type readerFile struct {
	r    io.Reader
	name string
	size int64
}

func (f *readerFile) Read(p []byte) (int, error) { return f.r.Read(p) }
func (f *readerFile) Close() error               { return nil }
func (f *readerFile) Stat() (fs.FileInfo, error) { return readerInfo{f}, nil }

// ReadAt serves zip archives when the reader allows random access.
func (f *readerFile) ReadAt(p []byte, off int64) (int, error) {
	ra, ok := f.r.(io.ReaderAt)
	if !ok {
		return 0, fs.ErrInvalid
	}
	return ra.ReadAt(p, off)
}

type readerInfo struct{ f *readerFile }

func (i readerInfo) Name() string       { return path.Base(i.f.name) }
func (i readerInfo) Size() int64        { return i.f.size }
func (i readerInfo) Mode() fs.FileMode  { return 0o444 }
func (i readerInfo) ModTime() time.Time { return time.Time{} }
func (i readerInfo) IsDir() bool        { return false }
func (i readerInfo) Sys() any           { return nil }
