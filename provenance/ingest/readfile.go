package ingest

import (
	"context"
	"fmt"
	"path"

	"github.com/copytrail/copytrail/provenance"
)

// Supported reports whether ReadFile (and Load in a folder) reads files of
// this name: its extension is one of the formats Copytrail knows.
func Supported(name string) bool { return formatOf(name) != "" }

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
	if limit := fileLimit(format, opts); int64(len(data)) > limit {
		return provenance.Document{}, fmt.Errorf("file is %s, over the %s read limit for .%s files (MaxFileBytes; text files: twice MaxDocBytes)",
			sizeString(int64(len(data))), sizeString(limit), format)
	}
	return parseData(ctx, name, format, data, provenance.Metadata{}, opts)
}
