package export

import (
	"strings"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/text"
)

// ChangedSpans returns where passage i's word diff falls in its two
// documents: the byte spans of the words only in A (the diff's "-" runs)
// and of the words only in B ("+" runs), so a side-by-side view can strike
// through or underline them in place. Equal and deleted runs are A's own
// text, found in order from the passage start; inserted runs are located by
// counting words in B with the engine's tokenizer. A diff that does not fit
// the text (edited data) gives nil spans rather than wrong ones.
func ChangedSpans(r *provenance.Result, i int) (onlyA, onlyB []provenance.Span) {
	if i < 0 || i >= len(r.Passages) {
		return nil, nil
	}
	p := r.Passages[i]
	a, b := r.Doc(p.A), r.Doc(p.B)
	if a == nil || b == nil {
		return nil, nil
	}
	onlyA = changedInA(a.Text, p)
	onlyB = changedInB(b, p)
	return onlyA, onlyB
}

// trimmed returns [start, end) without surrounding white space.
func trimmed(s string, start, end int) (provenance.Span, bool) {
	seg := s[start:end]
	l := len(seg) - len(strings.TrimLeft(seg, " \t\r\n"))
	r := len(strings.TrimRight(seg, " \t\r\n"))
	if r <= l {
		return provenance.Span{}, false
	}
	return provenance.Span{Start: start + l, End: start + r}, true
}

func changedInA(t string, p provenance.Passage) []provenance.Span {
	var out []provenance.Span
	cur := p.AStart
	for _, op := range p.Diff {
		if op.Op == provenance.OpInsert {
			continue
		}
		if cur < 0 || cur > len(t) || !strings.HasPrefix(t[cur:], op.Text) {
			return nil
		}
		if op.Op == provenance.OpDelete {
			if s, ok := trimmed(t, cur, cur+len(op.Text)); ok {
				out = append(out, s)
			}
		}
		cur += len(op.Text)
	}
	return out
}

func changedInB(b *provenance.Document, p provenance.Passage) []provenance.Span {
	an := text.DefaultAnalyzer()
	if p.BStart < 0 || p.BEnd > len(b.Text) || p.BStart > p.BEnd {
		return nil
	}
	words := an.Analyze(b.Text, text.Ignored(b))
	w := 0
	for w < len(words) && words[w].Start < p.BStart {
		w++
	}
	var out []provenance.Span
	for _, op := range p.Diff {
		if op.Op == provenance.OpDelete {
			continue
		}
		n := len(an.Analyze(op.Text, nil))
		if n == 0 {
			continue
		}
		if w+n > len(words) {
			return nil
		}
		if op.Op == provenance.OpInsert {
			out = append(out, provenance.Span{Start: words[w].Start, End: words[w+n-1].End})
		}
		w += n
	}
	return out
}
