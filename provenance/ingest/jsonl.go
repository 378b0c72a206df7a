package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/copytrail/copytrail/provenance/dates"
)

// lineLimit is the longest JSON line or CSV record read: the text of one
// document at its limit, with room for its metadata and escapes.
func lineLimit(opts Options) int { return 2*opts.MaxDocBytes + 64<<10 }

// readJSONL reads JSON lines: one document an object, with its text under
// "text" (or body, content, …), an optional "id", and any of title,
// outlet, author, published, url (passim's series and date understood).
// A bad line is reported with its number and skipped; a line over the
// limit is skipped without being held in memory.
func readJSONL(src source, opts Options, yield yieldFunc) error {
	br := bufio.NewReaderSize(src.r, 64<<10)
	limit := lineLimit(opts)
	seen := map[string]int{}
	var buf []byte
	for line := 1; ; line++ {
		var n int
		var over bool
		var err error
		buf, n, over, err = readLine(br, buf[:0], limit)
		where := fmt.Sprintf("line %d", line)
		if err != nil && !errors.Is(err, io.EOF) {
			// The stream failed (a .gz cut short): the part of the line
			// read is not the line.
			return fmt.Errorf("%s: %w", where, err)
		}
		switch {
		case over:
			if !yield(record{where: where}, fmt.Errorf("the line is %s, over the %s limit for one record (twice MaxDocBytes); skipped",
				sizeString(int64(n)), sizeString(int64(limit)))) {
				return nil
			}
		case len(bytes.TrimSpace(buf)) > 0:
			if line == 1 {
				buf = bytes.TrimPrefix(buf, []byte("\ufeff"))
			}
			rec, rerr := jsonRecord(buf, src.name, line, seen, opts.DateOrder)
			rec.where = where
			if !yield(rec, rerr) {
				return nil
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
	}
}

// readLine reads one line (without its line end) into buf, up to limit
// bytes; a longer line is read to its end and dropped (over is true). n is
// the line's length.
func readLine(br *bufio.Reader, buf []byte, limit int) (out []byte, n int, over bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		n += len(chunk)
		if !over {
			switch need := len(buf) + len(chunk); {
			case need > limit+1:
				over, buf = true, buf[:0]
			case need > cap(buf): // double: append's slower growth copies a long line many times
				buf = append(make([]byte, 0, max(2*cap(buf), need)), buf...)
				fallthrough
			default:
				buf = append(buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		buf = bytes.TrimSuffix(bytes.TrimSuffix(buf, []byte("\n")), []byte("\r"))
		return buf, n, over, err
	}
}

// jsonPair is one key and value of a JSON line, in line order.
type jsonPair struct {
	key   string
	value any
}

// jsonRecord turns one JSON line into a record.
func jsonRecord(line []byte, name string, lineNo int, seen map[string]int, order dates.Order) (record, error) {
	if !utf8.Valid(line) {
		return record{}, fmt.Errorf("not valid UTF-8 (at byte %d of the line); JSON lines must be UTF-8", invalidUTF8At(line))
	}
	pairs, err := jsonObject(line)
	if err != nil {
		return record{}, err
	}
	rec := record{format: "text", docFormat: "jsonl", key: fmt.Sprintf("line-%d", lineNo)}
	var text, id *jsonPair
	fields := map[string]string{}
	// Exact names first, then aliases, each in line order: "outlet" beats
	// "source" wherever they stand.
	for _, exact := range []bool{true, false} {
		for i := range pairs {
			p := &pairs[i]
			k := strings.ToLower(strings.TrimSpace(p.key))
			what := archiveKey(k)
			if what == "" || (k == what) != exact {
				continue
			}
			switch what {
			case "text":
				if text == nil {
					text = p
				}
			case "id":
				if id == nil {
					id = p
				}
			default:
				if v := jsonString(p.value); v != "" && fields[what] == "" {
					fields[what] = v
					archiveField(&rec.meta, what, v, fmt.Sprintf("%s line %d, key %q", name, lineNo, p.key), order)
				}
			}
		}
	}
	if text == nil {
		return record{}, fmt.Errorf("no text: the object has no %s key", textKeys)
	}
	s, ok := text.value.(string)
	if !ok {
		return record{}, fmt.Errorf("the %q key holds %s, not a string of text", text.key, jsonKind(text.value))
	}
	rec.text = s
	if id != nil {
		v := jsonString(id.value)
		if v == "" {
			return record{}, fmt.Errorf("the %q key is empty", id.key)
		}
		if first, dup := seen[v]; dup {
			return record{}, fmt.Errorf("id %s is used again (first on line %d); skipped", quoteShort(v), first)
		}
		seen[v] = lineNo
		rec.key = v
	}
	return rec, nil
}

// jsonObject decodes a JSON object into its pairs in order.
func jsonObject(line []byte) ([]jsonPair, error) {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, fmt.Errorf("not valid JSON: %w", err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, errors.New("not a JSON object (each line must be one {...} object)")
	}
	var pairs []jsonPair
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return nil, fmt.Errorf("not valid JSON: %w", err)
		}
		var v any
		if err := dec.Decode(&v); err != nil {
			return nil, fmt.Errorf("not valid JSON: %w", err)
		}
		pairs = append(pairs, jsonPair{key: kt.(string), value: v})
	}
	if _, err := dec.Token(); err != nil {
		return nil, fmt.Errorf("not valid JSON: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("not valid JSON: more than one value on the line")
	}
	return pairs, nil
}

// jsonString renders a metadata value: a string as is, a number as
// written, a list of strings joined with ", ".
func jsonString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case json.Number:
		return x.String()
	case []any:
		var parts []string
		for _, e := range x {
			if s := jsonString(e); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", ")
	}
	return ""
}

func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case json.Number:
		return "a number"
	case bool:
		return "true or false"
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return "a value"
}

// invalidUTF8At returns the offset of the first invalid byte.
func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}
