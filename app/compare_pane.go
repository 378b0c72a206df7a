package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/copytrail/copytrail/provenance/palette"
)

const badgePad = 3

// textPane shows one side of a comparison: wrapped, highlighted text in a
// scroll container that only builds the lines in view, so two 10,000-word
// articles scroll without lag.
type textPane struct {
	widget.BaseWidget
	doc     *styledDoc
	lines   []textLine
	wrapW   float32
	lineH   float32
	size    float32
	current int // passage number drawn stronger
	pending int // byte offset to scroll to once the pane has a size, -1 none
	// target is the byte offset last scrolled to by the program; a resize
	// scrolls there again until the user scrolls by hand (-1).
	target    int
	scrolling bool // inside ScrollToOffset
	ascii     [128]float32
	cache     map[rune]float32
	body      *textBody
	scroll    *container.Scroll
	// OnTapPassage is called with a passage number when the user taps one.
	OnTapPassage func(n int)
}

func newTextPane() *textPane {
	p := &textPane{cache: map[rune]float32{}, pending: -1, target: -1}
	p.body = &textBody{pane: p}
	p.body.ExtendBaseWidget(p.body)
	p.scroll = container.NewVScroll(p.body)
	p.scroll.OnScrolled = func(fyne.Position) {
		if !p.scrolling {
			p.target = -1 // the user took over
		}
		p.body.Refresh()
	}
	p.ExtendBaseWidget(p)
	return p
}

// SetDoc shows sd (nil clears the pane) from the top.
func (p *textPane) SetDoc(sd *styledDoc) {
	p.doc, p.lines, p.wrapW, p.current, p.pending, p.target = sd, nil, 0, 0, -1, -1
	p.rewrap(p.Size().Width)
	p.scroll.ScrollToTop()
	p.body.Refresh()
}

// SetCurrent draws passage n stronger than the others.
func (p *textPane) SetCurrent(n int) {
	p.current = n
	p.body.Refresh()
}

// measure is the width of s as the sum of its characters' advances (each
// measured once), so wrapping 10,000 words costs a few hundred
// measurements, not one per distinct word. Kerning is ignored: at most a
// pixel or so per run, which the highlight padding absorbs.
func (p *textPane) measure(s string) float32 {
	w := float32(0)
	for _, r := range s {
		if r < 128 {
			if p.ascii[r] == 0 {
				p.ascii[r] = fyne.MeasureText(string(r), p.size, fyne.TextStyle{}).Width
			}
			w += p.ascii[r]
			continue
		}
		rw, ok := p.cache[r]
		if !ok {
			rw = fyne.MeasureText(string(r), p.size, fyne.TextStyle{}).Width
			p.cache[r] = rw
		}
		w += rw
	}
	return w
}

// rewrap lays the text out for a pane width.
func (p *textPane) rewrap(width float32) {
	size := p.Theme().Size(theme.SizeNameText)
	if size != p.size {
		p.size, p.cache, p.ascii = size, map[rune]float32{}, [128]float32{}
	}
	p.lineH = fyne.MeasureText("Mg", p.size, fyne.TextStyle{}).Height * 1.35
	// The scroll bar is a thin line until pointed at: leave room for that line.
	w := width - theme.Padding()*2 - 2*p.Theme().Size(theme.SizeNameScrollBarSmall)
	if w < 80 {
		w = 80
	}
	if p.doc == nil {
		p.lines = nil
		return
	}
	if w == p.wrapW && p.lines != nil {
		return
	}
	p.wrapW = w
	p.lines = wrapStyled(p.doc, w, p.measure)
}

// Resize rewraps the text to the new width, keeping the line at the top of
// the view in view (or scrolling to where the user asked before the pane
// had a size).
func (p *textPane) Resize(s fyne.Size) {
	anchor := -1
	if i := p.topLine(); i > 0 {
		anchor = p.lines[i].Start
	}
	if s.Width != p.Size().Width || p.lines == nil {
		p.rewrap(s.Width)
	}
	// Size the content before the scroll container: it resets its offset
	// when its content looks smaller than itself.
	p.scrolling = true // clamping while resizing is not the user scrolling
	p.body.Resize(fyne.NewSize(s.Width, max(p.body.MinSize().Height, s.Height)))
	p.BaseWidget.Resize(s)
	p.scrolling = false
	switch {
	case p.pending >= 0 && s.Height > 0:
		off := p.pending
		p.pending = -1
		p.scroll.Resize(s)
		p.ScrollToOffset(off)
	case p.target >= 0 && s.Height > 0:
		p.ScrollToOffset(p.target)
	case anchor >= 0:
		p.scrolling = true
		p.scroll.ScrollToOffset(fyne.NewPos(0, float32(lineOf(p.lines, anchor))*p.lineH))
		p.scrolling = false
	}
	p.body.Refresh()
}

// topLine is the index of the line at the top of the view, -1 when empty.
func (p *textPane) topLine() int {
	if len(p.lines) == 0 || p.lineH == 0 {
		return -1
	}
	return min(int(p.scroll.Offset.Y/p.lineH), len(p.lines)-1)
}

// ScrollToOffset scrolls so the line holding byte offset off is near the top
// third of the view.
func (p *textPane) ScrollToOffset(off int) {
	if len(p.lines) == 0 || p.scroll.Size().Height <= 0 {
		p.pending = off
		return
	}
	p.target = off
	p.scrolling = true
	defer func() { p.scrolling = false }()
	// The scroll container clamps offsets to its content's size, which it
	// only sets when laid out: size the content now.
	if full := p.body.MinSize(); p.body.Size().Height != full.Height {
		p.body.Resize(fyne.NewSize(p.scroll.Size().Width, full.Height))
	}
	y := float32(lineOf(p.lines, off))*p.lineH - p.scroll.Size().Height/3
	maxY := p.body.MinSize().Height - p.scroll.Size().Height
	if y > maxY {
		y = maxY
	}
	if y < 0 {
		y = 0
	}
	p.scroll.ScrollToOffset(fyne.NewPos(0, y))
	p.body.Refresh()
}

// ScrollToFraction scrolls to a share (0..1) of the text.
func (p *textPane) ScrollToFraction(f float64) {
	if p.doc == nil {
		return
	}
	p.ScrollToOffset(int(f * float64(len(p.doc.Text))))
}

// CreateRenderer shows the scroll container.
func (p *textPane) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(p.scroll)
}

// textBody is the scrolled content: as tall as all lines, drawing only the
// ones in view.
type textBody struct {
	widget.BaseWidget
	pane *textPane
}

// MinSize is the height of every wrapped line.
func (b *textBody) MinSize() fyne.Size {
	return fyne.NewSize(0, float32(len(b.pane.lines))*b.pane.lineH+theme.Padding()*2)
}

// Tapped finds the passage under the pointer.
func (b *textBody) Tapped(ev *fyne.PointEvent) {
	p := b.pane
	if p.lineH == 0 || p.OnTapPassage == nil {
		return
	}
	i := int((ev.Position.Y - theme.Padding()) / p.lineH)
	if i < 0 || i >= len(p.lines) {
		return
	}
	x := ev.Position.X - theme.Padding()
	for _, r := range p.lines[i].Runs {
		if x >= r.X-2 && x <= r.X+r.W+4 && r.Style.Passage > 0 {
			p.OnTapPassage(r.Style.Passage)
			return
		}
	}
}

// CreateRenderer builds the pooled line renderer.
func (b *textBody) CreateRenderer() fyne.WidgetRenderer {
	return &textBodyRenderer{body: b}
}

type textBodyRenderer struct {
	body    *textBody
	rects   []*canvas.Rectangle
	texts   []*canvas.Text
	strokes []*canvas.Line
	objects []fyne.CanvasObject
}

func (r *textBodyRenderer) Destroy()                     {}
func (r *textBodyRenderer) Layout(fyne.Size)             { r.Refresh() }
func (r *textBodyRenderer) MinSize() fyne.Size           { return r.body.MinSize() }
func (r *textBodyRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Refresh rebuilds the objects of the lines in view from the pools.
func (r *textBodyRenderer) Refresh() {
	p := r.body.pane
	nr, nt, ns := 0, 0, 0
	rect := func() *canvas.Rectangle {
		if nr == len(r.rects) {
			r.rects = append(r.rects, &canvas.Rectangle{})
		}
		nr++
		return r.rects[nr-1]
	}
	text := func() *canvas.Text {
		if nt == len(r.texts) {
			r.texts = append(r.texts, &canvas.Text{})
		}
		nt++
		return r.texts[nt-1]
	}
	stroke := func() *canvas.Line {
		if ns == len(r.strokes) {
			r.strokes = append(r.strokes, &canvas.Line{StrokeWidth: 1.5})
		}
		ns++
		return r.strokes[ns-1]
	}
	if p.lineH > 0 && len(p.lines) > 0 {
		pad := theme.Padding()
		top, h := p.scroll.Offset.Y, p.scroll.Size().Height
		if h <= 0 {
			h = p.Size().Height
		}
		first := int((top - pad) / p.lineH)
		last := int((top+h-pad)/p.lineH) + 1
		if first < 0 {
			first = 0
		}
		if last > len(p.lines) {
			last = len(p.lines)
		}
		th := p.Theme()
		v := fyne.CurrentApp().Settings().ThemeVariant()
		fg := th.Color(theme.ColorNameForeground, v)
		grey := th.Color(theme.ColorNameDisabled, v)
		errC := th.Color(theme.ColorNameError, v)
		del, ins := diffColors()
		textH := fyne.MeasureText("Mg", p.size, fyne.TextStyle{}).Height
		for i := first; i < last; i++ {
			y := pad + float32(i)*p.lineH
			ty := y + (p.lineH-textH)/2
			for _, run := range p.lines[i].Runs {
				x := pad + run.X
				st := run.Style
				if run.Badge > 0 {
					bg := rect()
					setRect(bg, passageColor(run.Badge), nil, 0, 3)
					bg.Move(fyne.NewPos(x, ty))
					bg.Resize(fyne.NewSize(run.W, textH))
					t := text()
					setText(t, run.Text, palette.TextOn(passageColor(run.Badge)), p.size*0.85, true)
					t.Alignment = fyne.TextAlignCenter
					t.Move(fyne.NewPos(x, ty+p.size*0.05))
					t.Resize(fyne.NewSize(run.W, textH))
					continue
				}
				if st.Passage > 0 && st.Op == 0 {
					n := st.Passage
					if st.Weak {
						n = 0
					}
					bg := rect()
					setRect(bg, passageBackground(n, st.Passage == p.current), nil, 0, 0)
					bg.Move(fyne.NewPos(x-1, y+1))
					bg.Resize(fyne.NewSize(run.W+2, p.lineH-2))
				}
				if st.Mutation {
					box := rect()
					setRect(box, color.Transparent, errC, 2, 0)
					box.Move(fyne.NewPos(x-2, y))
					box.Resize(fyne.NewSize(run.W+4, p.lineH))
				}
				if st.Redacted { // a black bar, no text: nothing to read
					bar := rect()
					setRect(bar, fg, nil, 0, 2)
					bar.Move(fyne.NewPos(x, ty))
					bar.Resize(fyne.NewSize(run.W, textH))
					continue
				}
				c := fg
				switch {
				case st.Grey:
					c = grey
				case st.Op == '-':
					c = del
				case st.Op == '+':
					c = ins
				}
				t := text()
				setText(t, run.Text, c, p.size, false)
				t.Alignment = fyne.TextAlignLeading
				t.Move(fyne.NewPos(x, ty))
				t.Resize(fyne.NewSize(run.W, textH))
				if st.Op != 0 {
					l := stroke()
					ly := ty + textH*0.55
					if st.Op == '+' {
						ly = ty + textH - 1
					}
					l.StrokeColor, l.StrokeWidth = c, 1.5
					l.Position1, l.Position2 = fyne.NewPos(x, ly), fyne.NewPos(x+run.W, ly)
				}
			}
		}
	}
	objs := r.objects[:0]
	for _, o := range r.rects[:nr] {
		objs = append(objs, o)
	}
	for _, o := range r.texts[:nt] {
		objs = append(objs, o)
	}
	for _, o := range r.strokes[:ns] {
		objs = append(objs, o)
	}
	r.objects = objs
	for _, o := range objs {
		o.Refresh()
	}
}

// setRect restyles a pooled rectangle.
func setRect(r *canvas.Rectangle, fill, stroke color.Color, width, radius float32) {
	r.FillColor, r.StrokeColor, r.StrokeWidth, r.CornerRadius = fill, stroke, width, radius
}

// setText restyles a pooled text.
func setText(t *canvas.Text, s string, c color.Color, size float32, bold bool) {
	t.Text, t.Color, t.TextSize, t.TextStyle = s, c, size, fyne.TextStyle{Bold: bold}
}

// overviewStrip is the thin bar beside a text showing where the passages
// fall; tapping it scrolls there.
type overviewStrip struct {
	widget.BaseWidget
	marks   []stripMark
	OnTapAt func(f float64)
}

type stripMark struct {
	From, To float64 // 0..1 of the text
	N        int
}

func newOverviewStrip() *overviewStrip {
	s := &overviewStrip{}
	s.ExtendBaseWidget(s)
	return s
}

// SetMarks replaces the marks.
func (s *overviewStrip) SetMarks(m []stripMark) {
	s.marks = m
	s.Refresh()
}

// Tapped scrolls the text to the tapped share.
func (s *overviewStrip) Tapped(ev *fyne.PointEvent) {
	if s.OnTapAt != nil && s.Size().Height > 0 {
		s.OnTapAt(float64(ev.Position.Y / s.Size().Height))
	}
}

// MinSize is a thin column.
func (s *overviewStrip) MinSize() fyne.Size { return fyne.NewSize(12, 40) }

// CreateRenderer draws the marks.
func (s *overviewStrip) CreateRenderer() fyne.WidgetRenderer {
	return &stripRenderer{strip: s, bg: &canvas.Rectangle{}}
}

type stripRenderer struct {
	strip   *overviewStrip
	bg      *canvas.Rectangle
	objects []fyne.CanvasObject
}

func (r *stripRenderer) Destroy()                     {}
func (r *stripRenderer) MinSize() fyne.Size           { return r.strip.MinSize() }
func (r *stripRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *stripRenderer) Layout(fyne.Size)             { r.Refresh() }

func (r *stripRenderer) Refresh() {
	sz := r.strip.Size()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.bg.FillColor = r.strip.Theme().Color(theme.ColorNameInputBackground, v)
	r.bg.Resize(sz)
	r.objects = append(r.objects[:0], r.bg)
	for _, m := range r.strip.marks {
		h := float32(m.To-m.From) * sz.Height
		if h < 3 {
			h = 3
		}
		rc := &canvas.Rectangle{FillColor: passageColor(m.N)}
		rc.Move(fyne.NewPos(1, float32(m.From)*sz.Height))
		rc.Resize(fyne.NewSize(sz.Width-2, h))
		r.objects = append(r.objects, rc)
	}
	for _, o := range r.objects {
		o.Refresh()
	}
}
