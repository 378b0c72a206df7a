package ingest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"testing"
)

// makePDF writes a minimal one-page PDF by hand: a catalog, a page tree,
// one page whose content stream shows lines (or draws a box when lines is
// empty: a PDF with no text layer), a Helvetica font, an Info dictionary,
// and a correct cross-reference table.
func makePDF(lines []string, info map[string]string) []byte {
	var content strings.Builder
	if len(lines) == 0 {
		content.WriteString("0.5 g 72 72 200 300 re f\n")
	} else {
		content.WriteString("BT /F1 12 Tf 72 720 Td 14 TL\n")
		for _, l := range lines {
			r := strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`)
			fmt.Fprintf(&content, "(%s) Tj T*\n", r.Replace(l))
		}
		content.WriteString("ET\n")
	}
	var infoDict strings.Builder
	for _, k := range slices.Sorted(maps.Keys(info)) {
		fmt.Fprintf(&infoDict, "/%s (%s) ", k, info[k])
	}
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", content.Len(), content.String()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< " + infoDict.String() + ">>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}

// makeDOCX builds a DOCX with archive/zip: word/document.xml with one
// paragraph per entry, and docProps/core.xml when core is not empty.
func makeDOCX(t testing.TB, paras []string, core map[string]string) []byte {
	t.Helper()
	var doc strings.Builder
	doc.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	for _, p := range paras {
		doc.WriteString(`<w:p><w:r><w:t xml:space="preserve">`)
		xmlEscape(&doc, p)
		doc.WriteString(`</w:t></w:r></w:p>`)
	}
	doc.WriteString(`<w:p><w:del><w:r><w:delText>deleted words</w:delText></w:r></w:del></w:p></w:body></w:document>`)
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml":   doc.String(),
	}
	if len(core) > 0 {
		var c strings.Builder
		c.WriteString(`<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
			`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">`)
		for _, k := range slices.Sorted(maps.Keys(core)) {
			fmt.Fprintf(&c, "<%s>", k)
			xmlEscape(&c, core[k])
			fmt.Fprintf(&c, "</%s>", k)
		}
		c.WriteString(`</cp:coreProperties>`)
		parts["docProps/core.xml"] = c.String()
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, name := range slices.Sorted(maps.Keys(parts)) {
		content := parts[name]
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func xmlEscape(b *strings.Builder, s string) {
	strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").WriteString(b, s)
}

// makeZipBomb builds a DOCX whose word/document.xml inflates to expand
// bytes. When lie is set the header declares a tiny size, so only the
// streaming limit can catch it. The deflate stream is one compressed 1 MiB
// block repeated (blocks flushed from fresh writers refer to no earlier
// data), so making a 100 MiB bomb costs one 1 MiB compression.
func makeZipBomb(t testing.TB, expand int64, lie bool) []byte {
	t.Helper()
	block := func(data []byte, final bool) []byte {
		var b bytes.Buffer
		fw, err := flate.NewWriter(&b, flate.BestCompression)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(data)
		if final {
			fw.Close()
		} else {
			fw.Flush()
		}
		return b.Bytes()
	}
	head := []byte(`<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>`)
	chunk := block(bytes.Repeat([]byte("a"), 1<<20), false)
	var compressed bytes.Buffer
	compressed.Write(block(head, false))
	for n := int64(0); n < expand; n += 1 << 20 {
		compressed.Write(chunk)
	}
	compressed.Write(block(nil, true))
	size := uint64(expand) + uint64(len(head))
	if lie {
		size = 1000
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
		CompressedSize64: uint64(compressed.Len()), UncompressedSize64: size})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(compressed.Bytes())
	zw.Close()
	return b.Bytes()
}

// TestZipBombFixtureInflates checks the fixture is a real bomb: small on
// disk, inflating to the full size when read without a limit.
func TestZipBombFixtureInflates(t *testing.T) {
	const expand = 8 << 20
	data := makeZipBomb(t, expand, false)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.File[0].Open()
	if err != nil {
		t.Fatal(err)
	}
	n, err := io.Copy(io.Discard, rc)
	if err != nil && !errors.Is(err, zip.ErrChecksum) { // the fixture carries no CRC
		t.Fatal(err)
	}
	if n < expand || len(data) > expand/100 {
		t.Errorf("%d bytes on disk inflate to %d", len(data), n)
	}
}
