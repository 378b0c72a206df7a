package ingest

import (
	"context"
	"fmt"
	"path"

	"github.com/copytrail/copytrail/provenance"
)

// Supported reports whether ReadFile (and Load in a folder) reads files of
// this name: its extension is one of the formats Copytrail knows, holding
// one document. Archives of many (IsArchive) are read by Load and Stream.
func Supported(name string) bool { f := formatOf(name); return f != "" && !isArchive(f) }

// IsArchive reports whether files of this name are archives of many
// documents that Load and Stream read record by record: JSON lines,
// CSV, TSV, WARC (each also gzipped) and zip.
func IsArchive(name string) bool { return isArchive(formatOf(name)) }

// ReadFile turns the bytes of one file into a Document exactly as Load
// reads a file it finds in a folder (same ID from the path, format from
// the extension, size limits, metadata and boilerplate), for callers that
// fetch the bytes themselves: a distributed runner reading a bucket, an
// archive's entries. name is the Document's Path; no metadata.csv is
// consulted. The error says why the file was refused, without the path.
func ReadFile(ctx context.Context, name string, data []byte, opts Options) (provenance.Document, error) {
	opts = opts.withDefaults()
	format := formatOf(name)
	if format == "" {
		return provenance.Document{}, fmt.Errorf("unsupported file type %s", quoteShort(path.Ext(name)))
	}
	if isArchive(format) {
		return provenance.Document{}, fmt.Errorf("an archive of many documents (.%s): read it with Load or Stream", format)
	}
	if limit := fileLimit(format, opts); int64(len(data)) > limit {
		return provenance.Document{}, fmt.Errorf("file is %s, over the %s read limit for .%s files (MaxFileBytes; text files: twice MaxDocBytes)",
			sizeString(int64(len(data))), sizeString(limit), format)
	}
	return parseData(ctx, name, format, data, provenance.Metadata{}, opts)
}
