package app

import (
	"fmt"
	"strings"
	"time"

	"github.com/copytrail/copytrail/provenance"
)

// stageClock turns progress reports into the progress dialog's line: the
// stage, done of total, the rate and the time the stage has left, once it
// has run long enough to tell (the rate since the stage began). It lives
// on the UI goroutine.
type stageClock struct {
	stage string
	start time.Time
	done  int // Done when the stage was first seen
}

// line is "aligning 12,345 of 56,789 · 1,234 a second · about 35 s left".
func (c *stageClock) line(p provenance.Progress, now time.Time) string {
	if p.Stage != c.stage || p.Done < c.done {
		c.stage, c.start, c.done = p.Stage, now, p.Done
	}
	var b strings.Builder
	b.WriteString(p.Stage)
	if p.Total > 0 {
		fmt.Fprintf(&b, " %s of %s", thousands(p.Done), thousands(p.Total))
	}
	elapsed := now.Sub(c.start)
	if did := p.Done - c.done; elapsed >= 2*time.Second && did > 0 {
		rate := float64(did) / elapsed.Seconds()
		fmt.Fprintf(&b, " · %s a second", thousands(int(rate+0.5)))
		if p.Total > p.Done {
			b.WriteString(" · about " + timeLeft(time.Duration(float64(p.Total-p.Done)/rate*float64(time.Second))) + " left")
		}
	}
	if p.Note != "" {
		b.WriteString(" · " + p.Note)
	}
	return b.String()
}

// timeLeft rounds a duration the way people say it: "8 s", "40 s",
// "3 min", "1 h 20 min".
func timeLeft(d time.Duration) string {
	switch s := int(d.Seconds() + 0.5); {
	case s < 10:
		return fmt.Sprintf("%d s", max(1, s))
	case s < 60:
		return fmt.Sprintf("%d s", (s+5)/10*10)
	case s < 3600:
		return fmt.Sprintf("%d min", (s+30)/60)
	default:
		return fmt.Sprintf("%d h %d min", s/3600, (s%3600+30)/60)
	}
}

// thousands writes n with comma separators: 12,345.
func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
