package ingest

import (
	"bufio"
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strings"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/gzip"
	"github.com/nlnwa/gowarc/v3"

	"github.com/copytrail/copytrail/provenance"
)

// warcBufferBytes is the read-ahead of the WARC reader (and how far back
// the recorder keeps bytes for a resync).
const warcBufferBytes = 1 << 20

// readWARC reads a WARC web archive with github.com/nlnwa/gowarc/v3. Each
// response record holding an HTML (or plain-text) page with a 2xx status,
// and each resource record of such a type, becomes a document: the page
// goes through the same extraction as a saved .html file, and the record's
// WARC-Target-URI and WARC-Date fill the address and date when the page
// names none. Other records (requests, metadata, images, scripts,
// redirects, revisits) are passed over. A record whose framing is broken
// (a Content-Length that lies, a file cut short) is reported with its
// number and byte offset and skipped; reading resumes at the next record.
func readWARC(ctx context.Context, src source, opts Options, yield yieldFunc) error {
	rec := &recorder{r: src.r, keep: opts.URLMaxBytes + 2*warcBufferBytes}
	br := bufio.NewReaderSize(rec, warcBufferBytes)
	u := warcUnmarshaler(opts)
	for n := 1; ctx.Err() == nil; n++ {
		start := rec.n - int64(br.Buffered())
		rec.mark(start)
		wr, skippedBytes, validation, err := u.Unmarshal(br)
		at := start + skippedBytes
		where := fmt.Sprintf("record %d at byte %d", n, at)
		end := rec.n - int64(br.Buffered())
		if errors.Is(err, io.EOF) && wr == nil && skippedBytes == 0 {
			return nil
		}
		if errors.Is(err, gowarc.ErrNoRecord) || (errors.Is(err, io.EOF) && wr == nil) {
			yield(record{where: fmt.Sprintf("after record %d, at byte %d", n-1, start)},
				fmt.Errorf("%s of trailing data that is not a WARC record", sizeString(end-start)))
			return nil
		}
		if rec.failed != nil {
			if wr != nil {
				wr.Close()
			}
			return fmt.Errorf("%s: %w", where, rec.failed)
		}
		if err != nil {
			if wr != nil {
				wr.Close()
			}
			if !yield(record{where: where}, fmt.Errorf("not a readable WARC record: %w", err)) {
				return nil
			}
			if end == start { // make progress past a record that cannot be read
				if _, err := br.Discard(1); err != nil {
					return nil
				}
			}
			continue
		}
		if problem := framingProblem(wr, validation, br, rec.endsRecord(end)); problem != "" {
			wr.Close()
			if q, ok := rec.nextRecord(at, end); ok {
				problem += fmt.Sprintf("; the next record starts inside it, at byte %d", q)
				br = bufio.NewReaderSize(rec.rewind(q), warcBufferBytes)
			}
			if !yield(record{where: where}, errors.New(problem+"; skipped")) {
				return nil
			}
			continue
		}
		r, ok, perr := warcPage(wr, src, n, opts)
		wr.Close()
		r.where = where
		if perr != nil || ok {
			if !yield(r, perr) {
				return nil
			}
		}
	}
	return nil
}

// warcUnmarshaler reads records, warning (not failing) on syntax and spec
// problems, so that one bad record does not end the file.
func warcUnmarshaler(opts Options) gowarc.Unmarshaler {
	return gowarc.NewUnmarshaler(
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
		gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
		gowarc.WithBufferMaxMemBytes(opts.URLMaxBytes),
	)
}

// framingProblem describes a record that does not end where its
// Content-Length says, in plain words ("" when it does). After the block
// and its end marker, the stream must be at its end or at the next record
// (gowarc lets other bytes pass and finds the next record by scanning, but
// then this record's text is wrong).
func framingProblem(wr gowarc.WarcRecord, validation []error, br *bufio.Reader, marked bool) string {
	declared, _ := wr.ContentLength()
	next, _ := br.Peek(16)
	next = bytes.TrimLeft(next, "\r\n")
	if !marked && len(next) > 0 && !bytes.HasPrefix(next, []byte("WARC/")) && !bytes.HasPrefix([]byte("WARC/"), next) {
		return fmt.Sprintf("the record does not end where its Content-Length (%d bytes) says: the length is wrong", declared)
	}
	for _, v := range validation {
		var cl *gowarc.ContentLengthError
		if errors.As(v, &cl) {
			return fmt.Sprintf("cut short: its Content-Length says %d bytes but only %d follow (a truncated file?)", cl.Expected, cl.Actual)
		}
	}
	for _, v := range validation {
		msg := v.Error()
		if strings.Contains(msg, "end of record") {
			return fmt.Sprintf("the record does not end where its Content-Length (%d bytes) says: the length is wrong", declared)
		}
	}
	return ""
}

// warcPage turns a response or resource record into a record of ours. ok
// is false for records that hold no article (requests, images, redirects…).
func warcPage(wr gowarc.WarcRecord, src source, n int, opts Options) (r record, ok bool, err error) {
	h := wr.WarcHeader()
	target := h.Get(gowarc.WarcTargetURI)
	var ctype string
	var payload io.Reader
	switch wr.Type() {
	case gowarc.Response:
		block, isHTTP := wr.Block().(gowarc.HttpResponseBlock)
		if !isHTTP {
			return r, false, nil
		}
		if code := block.HttpStatusCode(); code < 200 || code > 299 {
			return r, false, nil
		}
		hdr := block.HttpHeader()
		if hdr == nil {
			return r, false, nil
		}
		ctype = hdr.Get("Content-Type")
		if !pageType(ctype) {
			return r, false, nil
		}
		if payload, err = block.PayloadBytes(); err != nil {
			return r, false, fmt.Errorf("reading the page: %w", err)
		}
		if payload, err = decodeHTTPBody(payload, hdr); err != nil {
			return r, false, err
		}
	case gowarc.Resource:
		ctype = h.Get(gowarc.ContentType)
		if !pageType(ctype) {
			return r, false, nil
		}
		if payload, err = wr.Block().RawBytes(); err != nil {
			return r, false, fmt.Errorf("reading the page: %w", err)
		}
	default:
		return r, false, nil
	}
	data, err := io.ReadAll(io.LimitReader(payload, opts.URLMaxBytes+1))
	if err != nil {
		return r, false, fmt.Errorf("reading the page: %w", err)
	}
	if int64(len(data)) > opts.URLMaxBytes {
		return r, false, fmt.Errorf("the page is over the %s limit (URLMaxBytes); refused", sizeString(opts.URLMaxBytes))
	}
	r = record{key: fmt.Sprintf("record-%d", n), id: wr.RecordId(), data: data, ctype: ctype, docFormat: "warc", format: "html"}
	if media, _, _ := mime.ParseMediaType(ctype); media == "text/plain" {
		r.format = "txt"
	}
	if u, perr := url.Parse(target); perr == nil && (u.Scheme == "http" || u.Scheme == "https") {
		r.base = u
		archiveField(&r.fallback, "url", target, fmt.Sprintf("WARC-Target-URI of %s record %d", src.name, n), opts.DateOrder)
	}
	if date := h.Get(gowarc.WarcDate); date != "" {
		setMetaKey(&r.fallback, "published", date, provenance.OriginCapture,
			fmt.Sprintf("WARC-Date of %s record %d: when the page was captured (published then or earlier)", src.name, n), opts.DateOrder)
	}
	return r, true, nil
}

// pageType reports whether a Content-Type holds an article: HTML, XHTML
// or plain text (an absent type is sniffed as HTML).
func pageType(ctype string) bool {
	media, _, err := mime.ParseMediaType(ctype)
	if err != nil {
		media = strings.ToLower(strings.TrimSpace(strings.Split(ctype, ";")[0]))
	}
	switch media {
	case "text/html", "application/xhtml+xml", "text/plain", "":
		return true
	}
	return false
}

// decodeHTTPBody undoes the transfer and content encodings a crawler
// recorded as they came over the wire.
func decodeHTTPBody(r io.Reader, hdr *http.Header) (io.Reader, error) {
	if strings.Contains(strings.ToLower(hdr.Get("Transfer-Encoding")), "chunked") {
		r = httputil.NewChunkedReader(r)
	}
	switch enc := strings.ToLower(strings.TrimSpace(hdr.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		gz, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("the page says it is gzip-compressed but is not: %w", err)
		}
		r = gz
	case "deflate":
		r = flate.NewReader(r)
	case "br":
		r = brotli.NewReader(r)
	default:
		return nil, fmt.Errorf("the page is compressed with %q, which Copytrail cannot read", enc)
	}
	return r, nil
}

// recorder keeps the bytes read through it since the last mark (up to
// keep bytes; past that only the last 2 × warcBufferBytes), so that a
// record whose Content-Length lies can be read again from the next record
// found inside it. It also remembers a failure of the stream below (a .gz
// cut short), past which nothing can be read.
type recorder struct {
	r      io.Reader
	n      int64 // bytes read
	start  int64 // stream offset of buf[0]
	buf    []byte
	keep   int64
	failed error
}

func (c *recorder) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	c.buf = append(c.buf, p[:n]...)
	if int64(len(c.buf)) > c.keep {
		c.forget(int64(len(c.buf)) - 2*warcBufferBytes)
	}
	if err != nil && !errors.Is(err, io.EOF) {
		c.failed = err
	}
	return n, err
}

// forget drops the first n bytes kept.
func (c *recorder) forget(n int64) {
	c.buf = c.buf[:copy(c.buf, c.buf[n:])]
	c.start += n
}

// mark forgets the bytes before stream offset pos, copying what is kept
// only once the forgotten part is large (records follow in quick
// succession, each a mark).
func (c *recorder) mark(pos int64) {
	if d := pos - c.start; d > 4*warcBufferBytes && d <= int64(len(c.buf)) {
		c.forget(d)
	}
}

// endsRecord reports whether the bytes kept before stream offset end are
// a record's end marker (CR LF CR LF).
func (c *recorder) endsRecord(end int64) bool {
	i := end - c.start
	return i >= 4 && i <= int64(len(c.buf)) && string(c.buf[i-4:i]) == "\r\n\r\n"
}

// warcMagic starts a record's header, after the line end before it.
var warcMagic = [][]byte{[]byte("\nWARC/1.0\r\n"), []byte("\nWARC/1.1\r\n")}

// nextRecord finds the start of a WARC record strictly inside [at, end)
// of the bytes kept.
func (c *recorder) nextRecord(at, end int64) (int64, bool) {
	lo, hi := at+1-c.start, end-c.start
	if lo < 0 || hi > int64(len(c.buf)) || lo >= hi {
		return 0, false
	}
	best := int64(-1)
	for _, m := range warcMagic {
		if i := bytes.Index(c.buf[lo:hi], m); i >= 0 && (best < 0 || lo+int64(i) < best) {
			best = lo + int64(i)
		}
	}
	if best < 0 {
		return 0, false
	}
	return c.start + best + 1, true
}

// rewind makes the stream read again from offset q: the kept bytes from q
// on (including those the old bufio.Reader held unread), then the rest.
func (c *recorder) rewind(q int64) io.Reader {
	again := append([]byte(nil), c.buf[q-c.start:]...)
	c.r = io.MultiReader(bytes.NewReader(again), c.r)
	c.n = q
	c.buf = c.buf[:0]
	c.start = q
	return c
}
