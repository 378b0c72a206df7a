package ingest

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"

	"golang.org/x/text/encoding/htmlindex"

	"github.com/copytrail/copytrail/provenance"
)

func init() { readers["eml"] = extractEML }

// maxMIMEDepth and maxMIMEParts bound the walk through a message's parts.
const (
	maxMIMEDepth = 8
	maxMIMEParts = 200
)

// extractEML reads an e-mail: Subject, Date and From become title,
// published and author (properties), and the body is its text/plain part,
// else its text/html part extracted like a saved page.
func extractEML(_ context.Context, data []byte, opts Options) (extracted, error) {
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		return extracted{}, fmt.Errorf("not a readable e-mail message: %w", err)
	}
	var x extracted
	dec := mime.WordDecoder{CharsetReader: charsetReader}
	header := func(field, key string) {
		v := msg.Header.Get(key)
		if d, err := dec.DecodeHeader(v); err == nil {
			v = d
		}
		if key == "From" {
			if a, err := (&mail.AddressParser{WordDecoder: &dec}).Parse(v); err == nil {
				v = a.Name
				if v == "" {
					v = a.Address
				}
			}
		}
		if key == "Date" {
			if t, err := mail.ParseDate(v); err == nil {
				v = t.Format("2006-01-02T15:04:05Z07:00")
			}
		}
		setMetaKey(&x.meta, field, v, provenance.OriginProperties, "e-mail "+key+" header", opts.DateOrder)
	}
	header("title", "Subject")
	header("published", "Date")
	header("author", "From")
	parts := 0
	plain, htmlBody, err := mimeBodies(msg.Header, msg.Body, 0, &parts)
	if err != nil {
		return extracted{}, err
	}
	switch {
	case strings.TrimSpace(plain) != "":
		x.text = tidyText(plain)
	case strings.TrimSpace(htmlBody) != "":
		hx, err := extractHTML([]byte(htmlBody), "text/html; charset=utf-8", nil, opts)
		if err != nil {
			return extracted{}, fmt.Errorf("HTML body: %w", err)
		}
		x.text = hx.text
	default:
		return extracted{}, errors.New("e-mail has no text/plain or text/html body")
	}
	return x, nil
}

// header is the subset of a MIME header mimeBodies needs.
type header interface{ Get(string) string }

// mimeBodies walks a MIME entity and returns the first text/plain and the
// first text/html bodies, decoded to UTF-8.
func mimeBodies(h header, body io.Reader, depth int, parts *int) (plain, htmlBody string, err error) {
	if *parts++; depth > maxMIMEDepth || *parts > maxMIMEParts {
		return "", "", errors.New("e-mail nests too many MIME parts; refused")
	}
	ctype := h.Get("Content-Type")
	if ctype == "" {
		ctype = "text/plain; charset=us-ascii"
	}
	media, params, err := mime.ParseMediaType(ctype)
	if err != nil {
		media, params = "text/plain", map[string]string{}
	}
	if strings.HasPrefix(media, "multipart/") {
		mr := multipart.NewReader(body, params["boundary"])
		for {
			p, err := mr.NextRawPart()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return plain, htmlBody, fmt.Errorf("corrupt or truncated e-mail (MIME multipart): %w", err)
			}
			pl, ht, err := mimeBodies(p.Header, p, depth+1, parts)
			if err != nil {
				return plain, htmlBody, err
			}
			if plain == "" {
				plain = pl
			}
			if htmlBody == "" {
				htmlBody = ht
			}
		}
		return plain, htmlBody, nil
	}
	if media != "text/plain" && media != "text/html" {
		return "", "", nil
	}
	if strings.HasPrefix(strings.ToLower(h.Get("Content-Disposition")), "attachment") {
		return "", "", nil
	}
	var r io.Reader = body
	switch strings.ToLower(strings.TrimSpace(h.Get("Content-Transfer-Encoding"))) {
	case "quoted-printable":
		r = quotedprintable.NewReader(r)
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, r) // skips CR and LF itself
	}
	raw, err := io.ReadAll(r)
	if err != nil {
		return "", "", fmt.Errorf("corrupt or truncated e-mail body: %w", err)
	}
	text := string(raw)
	if cs := params["charset"]; cs != "" && !strings.EqualFold(cs, "utf-8") && !strings.EqualFold(cs, "us-ascii") {
		if e, err := htmlindex.Get(cs); err == nil {
			if d, err := e.NewDecoder().Bytes(raw); err == nil {
				text = string(d)
			}
		}
	} else if s, _, err := decodeText(raw); err == nil {
		text = s
	}
	if media == "text/html" {
		return "", text, nil
	}
	return text, "", nil
}

// charsetReader decodes encoded-word headers in other charsets.
func charsetReader(cs string, in io.Reader) (io.Reader, error) {
	e, err := htmlindex.Get(cs)
	if err != nil {
		return nil, fmt.Errorf("unknown charset %q", cs)
	}
	return e.NewDecoder().Reader(in), nil
}
