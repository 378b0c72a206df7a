package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/klauspost/compress/gzip"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/dates"
)

// Zip limits: entries per archive, and how deep archives may nest.
const (
	maxArchiveEntries = 1_000_000
	maxArchiveDepth   = 3
)

// zipBudget is what is left of MaxArchiveUnzipBytes for one zip file and
// the archives inside it.
type zipBudget struct{ left, limit int64 }

// readZip reads a zip file of articles: every entry a supported file goes
// through its usual reader (a metadata.csv inside gives its folder's
// metadata, naming it by file name), and archives inside (JSON lines, CSV, WARC, zip)
// are read record by record, up to three levels deep. Zip bombs are
// refused: an entry declaring more than the read limit is not opened, one
// inflating past its declared size or the limit is stopped, and all the
// entries together may not expand past MaxArchiveUnzipBytes.
func readZip(ctx context.Context, src source, ra io.ReaderAt, size int64, opts Options, depth int, yield yieldFunc) error {
	budget := &zipBudget{left: opts.MaxArchiveUnzipBytes, limit: opts.MaxArchiveUnzipBytes}
	return readZipBudget(ctx, src, ra, size, opts, depth, budget, yield)
}

func readZipBudget(ctx context.Context, src source, ra io.ReaderAt, size int64, opts Options, depth int, budget *zipBudget, yield yieldFunc) error {
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return fmt.Errorf("not a readable zip archive: %w", err)
	}
	if len(zr.File) > maxArchiveEntries {
		return fmt.Errorf("the zip has %d entries, over %d: refused", len(zr.File), maxArchiveEntries)
	}
	sidecars := zipSidecars(zr, src.name, opts.DateOrder, yield)
	for _, f := range zr.File {
		if ctx.Err() != nil {
			return nil
		}
		name := f.Name
		format := formatOf(name)
		if f.FileInfo().IsDir() || hiddenPath(name) || path.Base(name) == SidecarName || format == "" {
			continue
		}
		where := "entry " + name
		limit := entryLimit(format, opts)
		if f.UncompressedSize64 > uint64(limit) {
			if !yield(record{where: where}, fmt.Errorf("zip bomb? the entry declares %s uncompressed, over the %s read limit; refused unread",
				sizeString(int64(min(f.UncompressedSize64, 1<<62))), sizeString(limit))) {
				return nil
			}
			continue
		}
		if budget.left <= 0 {
			return fmt.Errorf("%s: the zip expands past %s in all (MaxArchiveUnzipBytes); the rest is not read", where, sizeString(budget.limit))
		}
		inner := source{path: src.path + "#" + name, name: path.Base(name)}
		nested := func(rec record, rerr error) bool {
			rec.key = name + "#" + rec.key
			if rec.id != "" {
				rec.id = name + "#" + rec.id
			}
			rec.where = where + ", " + rec.where
			return yield(rec, rerr)
		}
		switch {
		case isArchive(format) && depth+1 >= maxArchiveDepth:
			err = fmt.Errorf("an archive inside archives %d deep; not read", depth+1)
		case format == "zip":
			var data []byte
			if data, err = readEntry(f, limit, budget); err == nil {
				err = readZipBudget(ctx, inner, bytes.NewReader(data), int64(len(data)), opts, depth+1, budget, nested)
			}
		case isArchive(format):
			err = streamEntry(ctx, f, format, inner, opts, depth, budget, nested)
		default:
			var data []byte
			if data, err = readEntry(f, limit, budget); err == nil && len(data) == 0 {
				err = errors.New("empty file (0 bytes)")
			}
			if err == nil {
				dir := path.Dir(name)
				rec := record{key: name, where: where, format: format, data: data, docFormat: format,
					meta: sidecars[dir][sidecarKey(path.Base(name))]}
				if !yield(rec, nil) {
					return nil
				}
				continue
			}
		}
		if err != nil && !yield(record{where: where}, err) {
			return nil
		}
	}
	return nil
}

// entryLimit is the most bytes read from one entry of a format.
func entryLimit(format string, opts Options) int64 {
	if isArchive(format) && format != "zip" {
		return opts.MaxArchiveUnzipBytes
	}
	return fileLimit(format, opts)
}

// readEntry reads a whole entry, refusing one that inflates past limit,
// past its declared size or past the zip's budget.
func readEntry(f *zip.File, limit int64, budget *zipBudget) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("corrupt zip entry: %w", err)
	}
	defer rc.Close()
	lr := &io.LimitedReader{R: &budgetReader{r: rc, b: budget}, N: limit + 1}
	data, err := io.ReadAll(lr)
	switch {
	case errors.Is(err, errBudget):
		return nil, fmt.Errorf("zip bomb? the zip expands past %s in all (MaxArchiveUnzipBytes); refused", sizeString(budget.limit))
	case errors.Is(err, zip.ErrFormat), errors.Is(err, zip.ErrChecksum):
		return nil, errors.New("the entry does not match its declared size or checksum (a zip bomb or a damaged file); refused")
	case err != nil:
		return nil, fmt.Errorf("corrupt zip entry: %w", err)
	case int64(len(data)) > limit:
		return nil, fmt.Errorf("zip bomb? the entry expands past the %s read limit; refused", sizeString(limit))
	}
	return data, nil
}

// streamEntry reads an archive entry (JSON lines, CSV, WARC, maybe
// gzipped) record by record.
func streamEntry(ctx context.Context, f *zip.File, format string, inner source, opts Options, depth int, budget *zipBudget, yield yieldFunc) error {
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("corrupt zip entry: %w", err)
	}
	defer rc.Close()
	inner.r = &zipErrors{r: &budgetReader{r: rc, b: budget}, limit: budget.limit}
	if strings.HasSuffix(format, ".gz") {
		gz, err := gzip.NewReader(inner.r)
		if err != nil {
			return fmt.Errorf("not a readable gzip file: %w", err)
		}
		defer gz.Close()
		inner.r = &gzipErrors{r: gz}
	}
	return readStream(ctx, strings.TrimSuffix(format, ".gz"), inner, opts, depth+1, yield)
}

// errBudget stops reading when a zip's budget is spent.
var errBudget = errors.New("zip budget spent")

// budgetReader spends a zip's budget as it reads.
type budgetReader struct {
	r io.Reader
	b *zipBudget
}

func (br *budgetReader) Read(p []byte) (int, error) {
	if br.b.left <= 0 {
		return 0, errBudget
	}
	if int64(len(p)) > br.b.left {
		p = p[:br.b.left]
	}
	n, err := br.r.Read(p)
	br.b.left -= int64(n)
	return n, err
}

// zipErrors puts a streamed entry's failures in plain words.
type zipErrors struct {
	r     io.Reader
	limit int64
}

func (z *zipErrors) Read(p []byte) (int, error) {
	n, err := z.r.Read(p)
	switch {
	case err == nil, err == io.EOF:
	case errors.Is(err, errBudget):
		err = fmt.Errorf("zip bomb? the zip expands past %s in all (MaxArchiveUnzipBytes); the rest is not read", sizeString(z.limit))
	case errors.Is(err, zip.ErrFormat), errors.Is(err, zip.ErrChecksum):
		err = errors.New("the entry does not match its declared size or checksum (a zip bomb or a damaged file)")
	}
	return n, err
}

// zipSidecars reads the metadata.csv files of a zip, by folder.
func zipSidecars(zr *zip.Reader, name string, order dates.Order, yield yieldFunc) map[string]map[string]provenance.Metadata {
	out := map[string]map[string]provenance.Metadata{}
	for _, f := range zr.File {
		if path.Base(f.Name) != SidecarName || hiddenPath(f.Name) {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			yield(record{where: "entry " + f.Name}, fmt.Errorf("corrupt zip entry: %w", err))
			continue
		}
		var errs []provenance.FileError
		out[path.Dir(f.Name)] = readSidecarFrom(rc, name+"#"+f.Name, order, &errs)
		rc.Close()
		for _, e := range errs {
			yield(record{where: "entry " + f.Name}, errors.New(e.Reason))
		}
	}
	return out
}

// hiddenPath reports whether a zip entry lies in a hidden folder or is a
// hidden file (".git/…", "__MACOSX/…", "._a.txt").
func hiddenPath(name string) bool {
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, ".") || part == "__MACOSX" {
			return true
		}
	}
	return false
}
