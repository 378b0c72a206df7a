package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/copytrail/copytrail/provenance"
)

// progressBar draws a long command's progress on one line of a terminal:
// the stage, done/total, the rate and the time left. It draws nothing when
// w is nil (stderr is not a terminal, or --quiet), so scripts never see it.
type progressBar struct {
	// clock notes when each stage started, drawn or not (for the
	// stage_seconds of scan --jsonl's end record).
	clock   stageClock
	w       io.Writer
	stage   string
	started time.Time
	last    time.Time
	drawn   bool
	now     func() time.Time
}

func newProgressBar(w io.Writer) *progressBar { return &progressBar{w: w, now: time.Now} }

// update takes one progress report (from one goroutine at a time, as the
// engine and the reader call it).
func (p *progressBar) update(pr provenance.Progress) {
	p.clock.note(pr.Stage, time.Now())
	if p.w == nil {
		return
	}
	now := p.now()
	if pr.Stage != p.stage {
		p.stage, p.started = pr.Stage, now
	} else if now.Sub(p.last) < 200*time.Millisecond && pr.Done < pr.Total {
		return
	}
	p.last = now
	fmt.Fprintf(p.w, "\r\033[K%s", progressLine(pr, now.Sub(p.started)))
	p.drawn = true
}

// done clears the line.
func (p *progressBar) done() {
	if p.w != nil && p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
		p.drawn = false
	}
}

// progressLine is "aligning  12,345 / 56,789  1,234/s  0:35 left".
func progressLine(pr provenance.Progress, elapsed time.Duration) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-9s", pr.Stage)
	if pr.Total > 0 {
		fmt.Fprintf(&b, " %s / %s", thousands(pr.Done), thousands(pr.Total))
	} else if pr.Done > 0 {
		fmt.Fprintf(&b, " %s", thousands(pr.Done))
	}
	if s := elapsed.Seconds(); s >= 0.5 && pr.Done > 0 {
		rate := float64(pr.Done) / s
		fmt.Fprintf(&b, "  %s/s", thousands(int(rate+0.5)))
		if pr.Total > pr.Done {
			left := time.Duration(float64(pr.Total-pr.Done) / rate * float64(time.Second))
			fmt.Fprintf(&b, "  %s left", clock(left))
		}
	}
	if pr.Note != "" {
		fmt.Fprintf(&b, "  %s", pr.Note)
	}
	return b.String()
}

// thousands writes n with comma separators.
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

// clock writes d as m:ss or h:mm:ss.
func clock(d time.Duration) string {
	s := int(d.Round(time.Second).Seconds())
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// stageClock records the order and start time of stages.
type stageClock struct {
	names  []string
	starts []time.Time
}

func (c *stageClock) note(stage string, now time.Time) {
	if n := len(c.names); n > 0 && c.names[n-1] == stage {
		return
	}
	c.names = append(c.names, stage)
	c.starts = append(c.starts, now)
}

// seconds gives each stage's wall time until the next one (the last until
// end), summed when a stage comes back.
func (c *stageClock) seconds(end time.Time) map[string]float64 {
	out := map[string]float64{}
	for i, n := range c.names {
		next := end
		if i+1 < len(c.starts) {
			next = c.starts[i+1]
		}
		out[n] += next.Sub(c.starts[i]).Seconds()
	}
	return out
}
