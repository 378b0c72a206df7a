package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestEmptyMessageStaysAShortParagraph(t *testing.T) {
	a := newTestApp(t)
	p := newEmptyPane(widget.NewLabel("content"))
	w := a.NewWindow("empty")
	defer w.Close()
	w.SetContent(p.box)
	msg := "No links found among 7 articles: no article reuses enough text from another to draw an arrow. " +
		"Try the lenient preset in Settings, or add the articles you suspect were copied."
	lineH := widget.NewLabel("Xy").MinSize().Height
	for _, width := range []float32{1200, 500, 120, 0} {
		w.Resize(fyne.NewSize(width, 600))
		p.show(msg)
		test.LaidOutObjects(p.box) // lay out twice: wrapping depends on the width given
		w.Resize(fyne.NewSize(width+1, 600))
		min := p.box.MinSize()
		if min.Height > 8*lineH {
			t.Errorf("window %v wide: the message asks for %v px of height (a line is %v)", width, min.Height, lineH)
		}
		if got := p.message.Size().Width; got > messageMaxWidth || got < messageMinWidth {
			t.Errorf("window %v wide: message laid out %v wide", width, got)
		}
	}
	// in a wide window the paragraph is centred
	w.Resize(fyne.NewSize(1200, 600))
	pos, size := p.message.Position(), p.message.Size()
	if left, right := pos.X, p.box.Size().Width-pos.X-size.Width; left-right > 1 || right-left > 1 {
		t.Errorf("message not centred: %v left, %v right", left, right)
	}
	if !strings.Contains(p.message.Text, "lenient") || p.content.Visible() {
		t.Error("the message does not replace the content")
	}
	p.show("")
	if !p.content.Visible() || p.message.Visible() {
		t.Error("show(\"\") does not bring the content back")
	}
}
