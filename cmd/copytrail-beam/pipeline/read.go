package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/ingest"
)

// Patterns turns the inputs a user gives (local files, folders or globs;
// bucket URLs such as gs://bucket/archive/ or s3://bucket/x/*.html) into
// the glob patterns Beam's filesystems match. A local folder is listed
// recursively here, one pattern per folder, hidden folders skipped, as
// Load walks it; a bucket "folder" (a URL ending in /) matches every
// object under it (**).
func Patterns(inputs []string) ([]string, error) {
	var out []string
	for _, in := range inputs {
		if strings.Contains(in, "://") {
			if strings.HasSuffix(in, "/") {
				in += "**"
			}
			out = append(out, in)
			continue
		}
		abs, err := filepath.Abs(in)
		if err != nil {
			return nil, fmt.Errorf("input %s: %w", in, err)
		}
		info, err := os.Stat(abs)
		if err != nil {
			if strings.ContainsAny(in, "*?[") {
				out = append(out, abs) // a glob: Beam's local filesystem matches it
				continue
			}
			return nil, fmt.Errorf("input %s: %w", in, err)
		}
		if !info.IsDir() {
			out = append(out, escapeGlob(abs))
			continue
		}
		err = filepath.WalkDir(abs, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return fmt.Errorf("listing %s: %w", p, err)
			}
			if d.IsDir() {
				if p != abs && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				out = append(out, escapeGlob(p)+"/*")
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("input %s: %w", in, err)
		}
	}
	return out, nil
}

// escapeGlob quotes the glob characters of a literal path.
func escapeGlob(p string) string {
	var b strings.Builder
	for _, r := range p {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// orderKey is a path's place in Load's walk order: folders are listed in
// name order, so paths compare component by component.
func orderKey(p string) string { return strings.ReplaceAll(p, "/", "\x00") }

// recordOrder is the order key of record i of an archive: after the
// archive's own key, records in archive order.
func recordOrder(archive string, i int) string {
	return orderKey(archive) + fmt.Sprintf("\x01%012d", i)
}

// maxZipBytes is the largest zip read from a filesystem: a zip is read
// through random access, so it is held whole in memory.
const maxZipBytes = 2 << 30

// readFn reads one matched file — an article, or an archive of many (JSON
// lines, CSV, TSV, WARC, zip: ingest.ReadArchive, streamed record by
// record) — into documents keyed by content hash (to find duplicates), or
// reports why it could not.
type readFn struct {
	// MaxFileBytes: larger article files are refused without being read.
	MaxFileBytes int64
}

func (f *readFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emit func(string, DocRec), fail func(ErrRec)) error {
	defer meterRead.start(ctx)()
	p := file.Metadata.Path
	name := path.Base(filepath.ToSlash(p))
	if strings.HasPrefix(name, ".") || name == ingest.SidecarName {
		return nil // Load too passes over these inside a folder
	}
	failed := func(order, reason string) {
		fail(ErrRec{Order: order, Err: provenance.FileError{Path: p, Reason: reason}})
	}
	if ingest.IsArchive(name) {
		return f.readArchive(ctx, file, emit, fail)
	}
	if !ingest.Supported(name) {
		return nil
	}
	if file.Metadata.Size > f.MaxFileBytes {
		failed(orderKey(p), fmt.Sprintf("file is %d bytes, over the %d-byte read limit (MaxFileBytes); refused without reading", file.Metadata.Size, f.MaxFileBytes))
		return nil
	}
	data, err := file.Read(ctx)
	if err != nil {
		failed(orderKey(p), "reading: "+err.Error())
		return nil
	}
	d, err := ingest.ReadFile(ctx, p, data, ingest.DefaultOptions())
	if err != nil {
		failed(orderKey(p), err.Error())
		return nil
	}
	emit(d.ContentHash, DocRec{Order: orderKey(p), Doc: d})
	return nil
}

// readArchive streams one archive's records into documents.
func (f *readFn) readArchive(ctx context.Context, file fileio.ReadableFile, emit func(string, DocRec), fail func(ErrRec)) error {
	p := file.Metadata.Path
	rc, err := file.Open(ctx)
	if err != nil {
		fail(ErrRec{Order: orderKey(p), Err: provenance.FileError{Path: p, Reason: "opening: " + err.Error()}})
		return nil
	}
	defer rc.Close()
	var r io.Reader = rc
	if strings.HasSuffix(strings.ToLower(p), ".zip") {
		if file.Metadata.Size > maxZipBytes {
			fail(ErrRec{Order: orderKey(p), Err: provenance.FileError{Path: p, Reason: fmt.Sprintf("zip is %d bytes, over the %d a worker reads whole; unpack it, or split it into smaller zips", file.Metadata.Size, maxZipBytes)}})
			return nil
		}
		data, err := io.ReadAll(rc)
		if err != nil {
			fail(ErrRec{Order: orderKey(p), Err: provenance.FileError{Path: p, Reason: "reading: " + err.Error()}})
			return nil
		}
		r = bytes.NewReader(data)
	}
	i := 0
	return ingest.ReadArchive(ctx, p, r, file.Metadata.Size, ingest.DefaultOptions(), func(d provenance.Document, fe *provenance.FileError) {
		order := recordOrder(p, i)
		i++
		if fe != nil {
			fail(ErrRec{Order: order, Err: *fe})
			return
		}
		emit(d.ContentHash, DocRec{Order: order, Doc: d})
	})
}

// keepFirst keeps the first document (in collection order) of those with
// one content hash and reports the others as its duplicates, as Load does.
// A text copied into thousands of files is a hot key here: only the first
// document is held whole, the others as their order and ID.
func keepFirst(_ string, docs func(*DocRec) bool, emit func(DocRec), dup func(DupRec)) {
	var first DocRec
	var others []OrderID
	var d DocRec
	for n := 0; docs(&d); n++ {
		if n > 0 && d.Order > first.Order {
			others = append(others, OrderID{Order: d.Order, ID: d.Doc.ID})
			continue
		}
		if n > 0 {
			others = append(others, OrderID{Order: first.Order, ID: first.Doc.ID})
		}
		first = d
	}
	slices.SortFunc(others, func(x, y OrderID) int { return strings.Compare(x.Order, y.Order) })
	emit(first)
	for _, x := range others {
		dup(DupRec{Order: x.Order, Dup: provenance.Duplicate{Doc: x.ID, Original: first.Doc.ID, Reason: "identical text"}})
	}
}

func byID(d DocRec) (string, DocRec) { return d.Doc.ID, d }

func orderOf(d DocRec) OrderID { return OrderID{Order: d.Order, ID: d.Doc.ID} }

// number gives every document its index in collection order. It is one
// of the few steps on a single worker: it holds every document's order key
// and ID (about 100 bytes a document), never their texts.
func number(_ []byte, docs func(*OrderID) bool, emit func(string, uint32), count func(int)) error {
	var all []OrderID
	var o OrderID
	for docs(&o) {
		all = append(all, o)
	}
	if len(all) > 1<<32-1 {
		return fmt.Errorf("numbering documents: %d documents, more than 2^32", len(all))
	}
	slices.SortFunc(all, func(x, y OrderID) int { return strings.Compare(x.Order, y.Order) })
	for i, o := range all {
		emit(o.ID, uint32(i))
	}
	count(len(all))
	return nil
}

// attachIndex joins a document with its index.
func attachIndex(_ string, docs func(*DocRec) bool, index func(*uint32) bool, emit func(IDoc)) {
	var d DocRec
	var i uint32
	if docs(&d) && index(&i) {
		emit(IDoc{Index: i, Doc: d.Doc})
	}
}

func init() {
	register.DoFn4x1[context.Context, fileio.ReadableFile, func(string, DocRec), func(ErrRec), error](&readFn{})
	register.Function4x0(keepFirst)
	register.Function1x1(orderOf)
	register.Function1x2(byID)
	register.Function4x1(number)
	register.Function4x0(attachIndex)
	register.Emitter2[string, DocRec]()
	register.Emitter1[ErrRec]()
	register.Emitter1[DocRec]()
	register.Emitter1[DupRec]()
	register.Emitter2[string, uint32]()
	register.Emitter1[IDoc]()
	register.Emitter1[int]()
	register.Iter1[DocRec]()
	register.Iter1[OrderID]()
	register.Iter1[uint32]()
}

// readCollection reads the inputs into numbered documents, leaving out
// duplicates; it returns the documents, their number (a singleton), the
// duplicates and the errors.
func readCollection(s beam.Scope, patterns []string) (docs, count, dups, errs beam.PCollection) {
	s = s.Scope("read")
	globs := beam.CreateList(s, patterns)
	files := fileio.ReadMatches(s, fileio.MatchAll(s, globs, fileio.MatchEmptyAllow()), fileio.ReadUncompressed(), fileio.ReadDirectorySkip())
	byHash, errs := beam.ParDo2(s, &readFn{MaxFileBytes: ingest.DefaultOptions().MaxFileBytes}, files)
	firsts, dups := beam.ParDo2(s, keepFirst, beam.GroupByKey(s, byHash))
	index, count := beam.ParDo2(s, number, beam.Impulse(s), beam.SideInput{Input: beam.ParDo(s, orderOf, firsts)})
	keyed := beam.ParDo(s, byID, firsts)
	docs = beam.ParDo(s, attachIndex, beam.CoGroupByKey(s, keyed, index))
	return docs, count, dups, errs
}
