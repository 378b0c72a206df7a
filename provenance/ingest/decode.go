package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Encoding names reported by decodeText.
const (
	encUTF8        = "utf-8"
	encUTF8BOM     = "utf-8 (BOM)"
	encUTF16LE     = "utf-16le"
	encUTF16BE     = "utf-16be"
	encWindows1252 = "windows-1252"
)

// errBinary says a file holds binary data rather than text.
var errBinary = errors.New("binary data, not text (NUL or control bytes)")

// decodeText turns the bytes of a text file into UTF-8 with LF line ends.
// It drops a UTF-8 BOM, decodes UTF-16 with a BOM (and UTF-16 without one
// when the NUL pattern is unmistakable), falls back to Windows-1252 for
// invalid UTF-8, and refuses binary data. For UTF-8 input the result is the
// input minus BOM with CRLF (and lone CR) made LF, so offsets map to the file
// up to those two changes.
func decodeText(b []byte) (text, encoding string, err error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b, encoding = b[3:], encUTF8BOM
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		s, err := decodeUTF16(b[2:], false)
		return s, encUTF16LE, err
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		s, err := decodeUTF16(b[2:], true)
		return s, encUTF16BE, err
	default:
		if be, ok := sniffUTF16(b); ok || plausibleUTF16(b, &be) {
			s, err := decodeUTF16(b, be)
			if be {
				return s, encUTF16BE + " (no BOM)", err
			}
			return s, encUTF16LE + " (no BOM)", err
		}
		encoding = encUTF8
	}
	if isBinary(b) {
		return "", "", errBinary
	}
	if utf8.Valid(b) {
		return normaliseNewlines(string(b)), encoding, nil
	}
	s, derr := charmap.Windows1252.NewDecoder().Bytes(b)
	if derr != nil {
		return "", "", fmt.Errorf("decoding as Windows-1252: %w", derr)
	}
	return normaliseNewlines(string(s)), encWindows1252, nil
}

// sniffUTF16 recognises UTF-16 without a BOM: mostly-ASCII text where
// every other byte is NUL. be reports big-endian (NUL first).
func sniffUTF16(b []byte) (be, ok bool) {
	n := min(len(b), 4096) &^ 1
	if n < 4 {
		return false, false
	}
	var evenNUL, oddNUL int
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			evenNUL++
		}
		if b[i+1] == 0 {
			oddNUL++
		}
	}
	pairs := n / 2
	switch {
	case oddNUL*10 >= pairs*9 && evenNUL*10 <= pairs:
		return false, true
	case evenNUL*10 >= pairs*9 && oddNUL*10 <= pairs:
		return true, true
	}
	return false, false
}

// plausibleUTF16 recognises UTF-16 without a BOM in scripts whose code
// units have no NUL byte (Chinese, Arabic, …): the bytes hold NULs (from
// line ends and spaces), and a byte order decodes to well-formed text — no
// unpaired surrogates or control characters besides tab and line ends, some
// spaces or line ends, and at least 90% letters, marks, digits, spaces and
// punctuation. When both orders qualify the better-scoring one wins.
func plausibleUTF16(b []byte, be *bool) bool {
	if len(b)%2 != 0 || bytes.IndexByte(b, 0) < 0 {
		return false
	}
	sample := b[:min(len(b), 1<<16)]
	le, bes := utf16Score(sample, false), utf16Score(sample, true)
	if max(le, bes) < 0.9 {
		return false
	}
	*be = bes > le
	return true
}

// utf16Score is the share of text-like characters when b is decoded as
// UTF-16 in the given byte order, 0 when b is not well-formed text.
func utf16Score(b []byte, bigEndian bool) float64 {
	units := utf16Units(b, bigEndian)
	good, total, spaces := 0, 0, 0
	for i := 0; i < len(units); i++ {
		r := rune(units[i])
		switch {
		case utf16.IsSurrogate(r):
			if r >= 0xDC00 || i+1 == len(units) || units[i+1] < 0xDC00 || units[i+1] > 0xDFFF {
				return 0
			}
			r = utf16.DecodeRune(r, rune(units[i+1]))
			i++
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r':
			return 0
		}
		total++
		if unicode.IsSpace(r) {
			spaces++
			good++
		} else if unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P) {
			good++
		}
	}
	if total == 0 || spaces == 0 {
		return 0
	}
	return float64(good) / float64(total)
}

// utf16Units reads b as UTF-16 code units in the given byte order.
func utf16Units(b []byte, bigEndian bool) []uint16 {
	units := make([]uint16, len(b)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			units[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return units
}

// decodeUTF16 decodes UTF-16 code units; unpaired surrogates become U+FFFD.
func decodeUTF16(b []byte, bigEndian bool) (string, error) {
	if len(b)%2 != 0 {
		b = b[:len(b)-1] // a stray last byte cannot be a character
	}
	units := utf16Units(b, bigEndian)
	s := string(utf16.Decode(units))
	if isBinary([]byte(s)) {
		return "", errBinary
	}
	return normaliseNewlines(s), nil
}

// isBinary reports NUL bytes or more than 1% of other control bytes
// (besides tab, LF, CR, form feed and escape-free text) in the first 64 KiB.
func isBinary(b []byte) bool {
	if len(b) > 1<<16 {
		b = b[:1<<16]
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return true
	}
	ctrl := 0
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			ctrl++
		}
	}
	return ctrl > 0 && ctrl*100 > len(b)
}

// normaliseNewlines makes CRLF and lone CR into LF.
func normaliseNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
