package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"path"
	"strings"

	"github.com/klauspost/compress/gzip"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/dates"
)

// gzipArchives are the archive formats also read compressed with gzip.
var gzipArchives = map[string]bool{"jsonl": true, "csv": true, "tsv": true, "warc": true}

// isArchive reports whether a format holds many documents.
func isArchive(format string) bool {
	base := strings.TrimSuffix(format, ".gz")
	return base == "zip" || gzipArchives[base]
}

// record is one article of an archive, read but not yet extracted.
type record struct {
	// key names the record inside its archive: the document's Path is
	// the archive's path, "#" and key ("news.jsonl#a17",
	// "crawl.warc.gz#record-17", "articles.zip#2024/a.txt").
	key string
	// id, when set, is hashed for the document ID instead of the Path
	// (a WARC record's WARC-Record-ID, stable whatever the file's name).
	id string
	// where is the record's place, for errors: "line 17", "record 17 at byte 5120".
	where string
	// format says how to get the text: "text" (given in text), "html" (a
	// page in data), or a file format of data (zip entries).
	format string
	text   string
	data   []byte
	// ctype is a page's HTTP Content-Type (its charset), base its address.
	ctype string
	base  *url.URL
	// docFormat is the Document.Format.
	docFormat string
	// meta are the record's own fields, above anything in the content;
	// fallback fields fill only what the content leaves empty.
	meta, fallback provenance.Metadata
}

// yieldFunc receives each record of an archive, or the error of a bad one
// (with where set in rec). It returns false to stop reading.
type yieldFunc func(rec record, err error) bool

// source is an archive being read: its document path prefix, the name
// used in metadata details and its decompressed content.
type source struct {
	path string
	name string
	r    io.Reader
}

// readArchive reads one archive job, emitting a task per record. Records
// whose ID opts.Skip reports are passed over before extraction. It returns
// false when emit refused (the stream stopped).
func readArchive(ctx context.Context, j job, opts Options, rep *reporter, emit func(task) bool) bool {
	f, err := j.open()
	if err != nil {
		return emit(task{errPath: j.path, err: openError(err)})
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return emit(task{errPath: j.path, err: fmt.Errorf("cannot read the file: %w", err)})
	}
	if info.IsDir() {
		return emit(task{errPath: j.path, err: errors.New("is a folder, not a file")})
	}
	size := info.Size()
	if size == 0 {
		return emit(task{errPath: j.path, err: errors.New("empty file (0 bytes)")})
	}
	counted := &countingReader{r: f}
	records, skipped := 0, 0
	stopped := false
	progress := func() {
		rep.send(provenance.Progress{Stage: "reading archive", Done: int(counted.n >> 10), Total: int(size >> 10),
			Note: fmt.Sprintf("%s: %d records", path.Base(j.path), records+skipped)})
	}
	yield := func(rec record, rerr error) bool {
		if ctx.Err() != nil {
			return false
		}
		t := task{errPath: j.path, where: rec.where}
		if (records+skipped)%1000 == 999 {
			progress()
		}
		if rerr != nil {
			t.err = rerr
		} else {
			t.read = recordTask(ctx, j.path, rec, opts, &skipped)
			if t.read == nil {
				return true
			}
			records++
		}
		if !emit(t) {
			stopped = true
			return false
		}
		return true
	}
	base := strings.TrimSuffix(j.format, ".gz")
	src := source{path: j.path, name: path.Base(strings.ReplaceAll(j.path, `\`, "/")), r: counted}
	if base == "zip" {
		ra, ok := f.(io.ReaderAt)
		if !ok {
			return emit(task{errPath: j.path, err: errors.New("cannot read this zip file: no random access")})
		}
		err = readZip(ctx, src, ra, size, opts, 0, yield)
	} else {
		if strings.HasSuffix(j.format, ".gz") {
			gz, gerr := gzip.NewReader(counted)
			if gerr != nil {
				return emit(task{errPath: j.path, err: fmt.Errorf("not a readable gzip file: %w", gerr)})
			}
			defer gz.Close()
			src.r = &gzipErrors{r: gz}
		}
		err = readStream(ctx, base, src, opts, 0, yield)
	}
	progress()
	if stopped || ctx.Err() != nil {
		return !stopped
	}
	if err != nil {
		return emit(task{errPath: j.path, err: err})
	}
	return true
}

// readStream reads a streamed archive (JSON lines, CSV, TSV, WARC). A
// panic in a reader (a library bug met by a hostile file) becomes an error
// for this archive only.
func readStream(ctx context.Context, kind string, src source, opts Options, depth int, yield yieldFunc) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("the %s reader failed on this file: %v", kind, p)
		}
	}()
	switch kind {
	case "jsonl":
		return readJSONL(src, opts, yield)
	case "csv":
		return readCSV(src, ',', opts, yield)
	case "tsv":
		return readCSV(src, '\t', opts, yield)
	case "warc":
		return readWARC(ctx, src, opts, yield)
	}
	return fmt.Errorf("unsupported archive format %q", kind)
}

// recordTask returns the task reading one record into a document, or nil
// when opts.Skip passes over its ID (counted in skipped).
func recordTask(ctx context.Context, archive string, rec record, opts Options, skipped *int) func() (provenance.Document, error) {
	p := archive + "#" + rec.key
	id := DocID(p)
	if rec.id != "" {
		id = DocID(archive + "#" + rec.id)
	}
	if opts.Skip != nil && opts.Skip(id) {
		*skipped++
		return nil
	}
	return func() (provenance.Document, error) {
		var x extracted
		var err error
		switch rec.format {
		case "text":
			x.text = normaliseNewlines(strings.TrimPrefix(rec.text, "\ufeff"))
		case "html":
			x, err = guard("html", func() (extracted, error) { return extractHTML(rec.data, rec.ctype, rec.base, opts) })
		default:
			x, err = extract(ctx, rec.format, rec.data, opts)
		}
		if err != nil {
			return provenance.Document{}, err
		}
		d, err := build(p, rec.docFormat, x, rec.meta, opts)
		if err != nil {
			return provenance.Document{}, err
		}
		d.ID = id
		mergeMeta(&d.Meta, rec.fallback)
		return d, nil
	}
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// gzipErrors puts gzip's failures in plain words.
type gzipErrors struct {
	r io.Reader
	n int64
}

func (g *gzipErrors) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	g.n += int64(n)
	switch {
	case err == nil, err == io.EOF:
	case errors.Is(err, io.ErrUnexpectedEOF):
		err = fmt.Errorf("the gzip data ends early, after %s uncompressed (a truncated file?)", sizeString(g.n))
	case errors.Is(err, gzip.ErrChecksum), errors.Is(err, gzip.ErrHeader):
		err = fmt.Errorf("the gzip data is damaged after %s uncompressed: %w", sizeString(g.n), err)
	default:
		err = fmt.Errorf("reading the gzip data after %s uncompressed: %w", sizeString(g.n), err)
	}
	return n, err
}

// openError puts the failure to open a file in plain words.
func openError(err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return errors.New("file not found: it was moved or deleted while loading")
	}
	return err
}

// archiveField stores a metadata value of an archive record (origin
// archive), normalising dates like every other source.
func archiveField(m *provenance.Metadata, field, value, detail string, order dates.Order) {
	setMetaKey(m, field, value, provenance.OriginArchive, detail, order)
}

// archiveKeys maps the column and key names archives use to the metadata
// fields, the text and the record ID; names not here go through metaKeys
// (the front matter names). passim's series and date are understood.
var archiveKeys = map[string]string{
	"text": "text", "body": "text", "content": "text", "full_text": "text", "fulltext": "text",
	"article": "text", "maintext": "text", "article_text": "text",
	"id": "id", "_id": "id", "doc_id": "id", "docid": "id", "article_id": "id", "uid": "id", "guid": "id",
	"series": "outlet", "media": "outlet", "media_outlet": "outlet", "outlet_name": "outlet", "domain": "outlet",
	"publish_date": "published", "published_date": "published", "publication_date": "published", "pub_date": "published",
	"date_publish": "published",
}

// archiveKey returns what a key or column name means: "text", "id", a
// metadata field name, or "".
func archiveKey(name string) string {
	k := strings.ToLower(strings.TrimSpace(name))
	if v, ok := archiveKeys[k]; ok {
		return v
	}
	return metaKeys[k]
}

// textKeys lists the accepted names of the text field, for errors.
const textKeys = "text, body, content, full_text, article or maintext"
