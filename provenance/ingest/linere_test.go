package ingest

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/copytrail/copytrail/internal/testseeds"
	"github.com/copytrail/copytrail/provenance/gen"
)

// lineREs are the prefiltered patterns, each with lines it matches (one an
// alternative at least) for the mutations below to start from.
var lineREs = []struct {
	name    string
	p       lineRE
	matches []string
}{
	{"datePrefix", datePrefixRE, []string{"date 2022-05-21 Headline", "Date: 2021-04 x", "DATE 2020 y"}},
	{"stampLabel", stampLabelRE, []string{"Posted on New research", "Published 12 May", "Updated Today"}},
	{"newswireLead", newswireLeadRE, []string{"ORRVILLE, Ohio, May 20, 2022 /PRNewswire/ -- The", "NEW YORK (Reuters) - x"}},
	{"archiveHeading", archiveHeadingRE, []string{"category archives: x", "tag archive: y", "monthly archives: z", "yearly archives:", "author archive:", "archives for may", "archive of x", "posts tagged news"}},
	{"markup", markupRE, []string{"a <a href='x'>link</a> b", "<img src=x>", "x</span>"}},
	{"skipLink", skipLinkRE, []string{"skip to main content", "jump to navigation"}},
	{"dateline", datelineRE, []string{"WASHINGTON (Reuters) - x", "BAMAKO, (CAJ News) – y", "NAIROBI, Kenya, (AFP) — z"}},
	{"subscribe", subscribeRE, []string{"Subscribe to BNN Breaking", "Follow The Daily Star", "sign up for The Post newsletter"}},
	{"copyright", copyrightRE, []string{"© 2024 The Daily Star. All rights reserved.", "Copyright © The Times", "(c) 2020 Herald"}},
	{"contact", contactRE, []string{"For more information contact", "Media contact: Ann", "Press office", "For media enquiries", "Notes to editors",
		"About Harbour Coffee", "Contact: x", "### ", "-ends-", "Ends"}},
	{"datelineLead", datelineLeadRE, []string{"BAMAKO, (CAJ News) – x", "LAGOS, Nigeria — y", "PARIS - z"}},
}

// mutate changes s a little: a letter's case, a first letter replaced by
// one that case-folds to it or by any byte, a rune inserted or dropped.
func mutate(r *rand.Rand, s string) string {
	runes := []rune(s)
	alphabet := []rune("aAbcCdDeEfFjkKmMnNpPsStTuUyY#-–—(<>/ ©ſK.:'’0123456789 \u00e9\u0301")
	for range 1 + r.IntN(3) {
		i := r.IntN(len(runes) + 1)
		switch r.IntN(5) {
		case 0:
			if i < len(runes) {
				runes[i] = []rune(strings.ToUpper(string(runes[i])))[0] ^ []rune(strings.ToLower(string(runes[i])))[0] ^ runes[i]
			}
		case 1:
			if i < len(runes) {
				runes[i] = alphabet[r.IntN(len(alphabet))]
			}
		case 2:
			runes = slices.Insert(runes, i, alphabet[r.IntN(len(alphabet))])
		case 3:
			if i < len(runes) {
				runes = slices.Delete(runes, i, i+1)
			}
		case 4:
			if len(runes) > 0 {
				runes[0] = alphabet[r.IntN(len(alphabet))]
			}
		}
	}
	return string(runes)
}

// TestLineREIsItsPattern holds each prefiltered pattern to the pattern
// alone: the same matches, submatches and replacements on the lines of
// generated and real texts and on many mutations of lines they match. A
// first byte or needed byte missing from a prefilter fails it.
func TestLineREIsItsPattern(t *testing.T) {
	var lines []string
	for _, d := range gen.Build(5, 2).Docs {
		lines = append(lines, strings.Split(d.Text, "\n")...)
	}
	seeds := testseeds.Dir(t)
	for _, dir := range []string{seeds, filepath.Join(filepath.Dir(seeds), "realworld")} {
		files, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
		more, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, f := range append(files, more...) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range strings.Split(string(b), "\n") {
				lines = append(lines, l, strings.TrimSpace(l), strings.ToLower(strings.TrimSpace(l)))
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for _, c := range lineREs {
		all := slices.Clone(lines)
		for _, m := range c.matches {
			if !c.p.re.MatchString(m) {
				t.Fatalf("%s: example %q does not match", c.name, m)
			}
			all = append(all, m)
			for range 3000 {
				all = append(all, mutate(r, m))
			}
		}
		matched := 0
		for _, l := range all {
			want := c.p.re.MatchString(l)
			if want {
				matched++
			}
			if got := c.p.MatchString(l); got != want {
				t.Fatalf("%s: MatchString(%q) = %v, the pattern says %v", c.name, l, got, want)
			}
			if got, want := c.p.FindStringSubmatch(l), c.p.re.FindStringSubmatch(l); !slices.Equal(got, want) {
				t.Fatalf("%s: FindStringSubmatch(%q) = %q, the pattern says %q", c.name, l, got, want)
			}
			if got, want := c.p.FindString(l), c.p.re.FindString(l); got != want {
				t.Fatalf("%s: FindString(%q) = %q, the pattern says %q", c.name, l, got, want)
			}
			if got, want := c.p.ReplaceAllString(l, "<$0>"), c.p.re.ReplaceAllString(l, "<$0>"); got != want {
				t.Fatalf("%s: ReplaceAllString(%q) = %q, the pattern says %q", c.name, l, got, want)
			}
		}
		if matched < len(c.matches)*100 {
			t.Errorf("%s: only %d of %d lines match: the mutations test too little", c.name, matched, len(all))
		}
	}
}

// TestLineREMayRefuses checks the prefilters refuse some lines (so they
// are not "always try"): of a generated article's lines, as they are and
// in lower case.
func TestLineREMayRefuses(t *testing.T) {
	text := gen.Build(5, 1).Docs[0].Text
	for _, c := range lineREs {
		refused := 0
		lines := contentLines(text, nil)
		for _, l := range lines {
			if !c.p.may(l) || !c.p.may(strings.ToLower(l)) {
				refused++
			}
		}
		if refused == 0 {
			t.Errorf("%s: no line of a generated article refused", c.name)
		}
	}
}

// TestReadAllIsLimitedReadAll holds readAll to io.ReadAll of a
// LimitedReader of limit+1 bytes, whatever the size stat gave: exact,
// smaller (the file grew), larger (it shrank), zero (a special file), and
// readers that return a few bytes at a time.
func TestReadAllIsLimitedReadAll(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		n := r.IntN(3000)
		data := make([]byte, n)
		for i := range data {
			data[i] = byte(r.IntN(256))
		}
		limit := int64(r.IntN(3500))
		size := int64(n)
		switch r.IntN(4) {
		case 1:
			size = int64(r.IntN(n + 1))
		case 2:
			size = int64(n + r.IntN(100))
		case 3:
			size = 0
		}
		chunk := 1 + r.IntN(700)
		want, _ := io.ReadAll(io.LimitReader(iotest.HalfReader(&chunked{data, chunk}), limit+1))
		got, err := readAll(iotest.HalfReader(&chunked{data, chunk}), size, limit)
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("%d bytes, size %d, limit %d, chunk %d: got %d bytes (%v), want %d", n, size, limit, chunk, len(got), err, len(want))
		}
	}
	if _, err := readAll(iotest.ErrReader(errors.New("disk gone")), 10, 100); err == nil || err.Error() != "disk gone" {
		t.Errorf("read error: %v", err)
	}
}

// chunked reads its data at most n bytes a call.
type chunked struct {
	data []byte
	n    int
}

func (c *chunked) Read(p []byte) (int, error) {
	if len(c.data) == 0 {
		return 0, io.EOF
	}
	k := copy(p[:min(len(p), c.n)], c.data)
	c.data = c.data[k:]
	return k, nil
}
