package export

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"github.com/copytrail/copytrail/provenance/palette"
)

// SlideWidth and SlideHeight are the PNG size: a full-HD 16:9 slide.
const (
	SlideWidth  = 1920
	SlideHeight = 1080
)

var goFonts = sync.OnceValues(func() ([2]*sfnt.Font, error) {
	var fs [2]*sfnt.Font
	for i, ttf := range [][]byte{goregular.TTF, gobold.TTF} {
		f, err := opentype.Parse(ttf)
		if err != nil {
			return fs, fmt.Errorf("go font: %w", err)
		}
		fs[i] = f
	}
	return fs, nil
})

// canvas is an RGBA picture with anti-aliased shapes (x/image/vector) and
// text in the Go fonts. One canvas serves one picture; it is not shared.
type canvas struct {
	img   *image.RGBA
	ras   vector.Rasterizer
	fonts [2]*sfnt.Font
	faces map[[2]int]font.Face
}

func newCanvas(w, h int) (*canvas, error) {
	fs, err := goFonts()
	if err != nil {
		return nil, err
	}
	c := &canvas{img: image.NewRGBA(image.Rect(0, 0, w, h)), fonts: fs, faces: map[[2]int]font.Face{}}
	draw.Draw(c.img, c.img.Bounds(), image.NewUniform(palette.Paper), image.Point{}, draw.Src)
	return c, nil
}

// face returns the regular (bold false) or bold Go font at size px.
func (c *canvas) face(size float64, bold bool) font.Face {
	k := [2]int{int(size * 4), 0}
	if bold {
		k[1] = 1
	}
	if f, ok := c.faces[k]; ok {
		return f
	}
	f, err := opentype.NewFace(c.fonts[k[1]], &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	if err != nil { // cannot happen with the embedded fonts and a positive size
		panic(fmt.Sprintf("export: go font face %v: %v", size, err))
	}
	c.faces[k] = f
	return f
}

// path is a closed outline in float coordinates, rasterised only over its
// bounding box (a whole-picture rasteriser per shape would cost W×H each).
type path struct {
	ops  []byte // 'M', 'L', 'Q'
	pts  [][2]float64
	minX float64
	minY float64
	maxX float64
	maxY float64
}

func (p *path) add(op byte, xy ...float64) {
	if len(p.pts) == 0 {
		p.minX, p.minY, p.maxX, p.maxY = xy[0], xy[1], xy[0], xy[1]
	}
	p.ops = append(p.ops, op)
	for i := 0; i+1 < len(xy); i += 2 {
		p.pts = append(p.pts, [2]float64{xy[i], xy[i+1]})
		p.minX, p.maxX = math.Min(p.minX, xy[i]), math.Max(p.maxX, xy[i])
		p.minY, p.maxY = math.Min(p.minY, xy[i+1]), math.Max(p.maxY, xy[i+1])
	}
}

func (p *path) moveTo(x, y float64)         { p.add('M', x, y) }
func (p *path) lineTo(x, y float64)         { p.add('L', x, y) }
func (p *path) quadTo(cx, cy, x, y float64) { p.add('Q', cx, cy, x, y) }

// fill rasterises p in colour col.
func (c *canvas) fill(col color.Color, p *path) {
	b := image.Rect(int(math.Floor(p.minX)), int(math.Floor(p.minY)), int(math.Ceil(p.maxX))+1, int(math.Ceil(p.maxY))+1).Intersect(c.img.Bounds())
	if b.Empty() {
		return
	}
	c.ras.Reset(b.Dx(), b.Dy())
	ox, oy := float64(b.Min.X), float64(b.Min.Y)
	pt := func(i int) (float32, float32) { return float32(p.pts[i][0] - ox), float32(p.pts[i][1] - oy) }
	k := 0
	for _, op := range p.ops {
		switch op {
		case 'M':
			c.ras.MoveTo(pt(k))
			k++
		case 'L':
			c.ras.LineTo(pt(k))
			k++
		case 'Q':
			x1, y1 := pt(k)
			x2, y2 := pt(k + 1)
			c.ras.QuadTo(x1, y1, x2, y2)
			k += 2
		}
	}
	c.ras.ClosePath()
	c.ras.Draw(c.img, b, image.NewUniform(col), b.Min)
}

// rect fills an axis-aligned rectangle.
func (c *canvas) rect(x, y, w, h float64, col color.Color) {
	r := image.Rect(int(math.Round(x)), int(math.Round(y)), int(math.Round(x+w)), int(math.Round(y+h)))
	draw.Draw(c.img, r, image.NewUniform(col), image.Point{}, draw.Over)
}

func (c *canvas) roundRect(x, y, w, h, r float64, col color.Color) {
	r = math.Min(r, math.Min(w, h)/2)
	var p path
	p.moveTo(x+r, y)
	p.lineTo(x+w-r, y)
	p.quadTo(x+w, y, x+w, y+r)
	p.lineTo(x+w, y+h-r)
	p.quadTo(x+w, y+h, x+w-r, y+h)
	p.lineTo(x+r, y+h)
	p.quadTo(x, y+h, x, y+h-r)
	p.lineTo(x, y+r)
	p.quadTo(x, y, x+r, y)
	c.fill(col, &p)
}

// line draws a segment of the given width.
func (c *canvas) line(x0, y0, x1, y1, width float64, col color.Color) {
	dx, dy := x1-x0, y1-y0
	n := math.Hypot(dx, dy)
	if n == 0 {
		return
	}
	px, py := -dy/n*width/2, dx/n*width/2
	var p path
	p.moveTo(x0+px, y0+py)
	p.lineTo(x1+px, y1+py)
	p.lineTo(x1-px, y1-py)
	p.lineTo(x0-px, y0-py)
	c.fill(col, &p)
}

// arrow draws a line from (x0,y0) whose head's tip touches (x1,y1).
func (c *canvas) arrow(x0, y0, x1, y1, width float64, col color.Color) {
	dx, dy := x1-x0, y1-y0
	n := math.Hypot(dx, dy)
	if n < 1 {
		return
	}
	ux, uy := dx/n, dy/n
	head := math.Max(16, width*3.2)
	bx, by := x1-ux*head, y1-uy*head
	c.line(x0, y0, bx+ux*2, by+uy*2, width, col)
	half := head * 0.55
	var p path
	p.moveTo(x1, y1)
	p.lineTo(bx-uy*half, by+ux*half)
	p.lineTo(bx+uy*half, by-ux*half)
	c.fill(col, &p)
}

// text draws s with its baseline at y.
func (c *canvas) text(f font.Face, x, y float64, s string, col color.Color) {
	d := font.Drawer{Dst: c.img, Src: image.NewUniform(col), Face: f, Dot: fixed.P(int(math.Round(x)), int(math.Round(y)))}
	d.DrawString(s)
}

func measure(f font.Face, s string) float64 {
	return float64(font.MeasureString(f, s)) / 64
}

// fit shortens s with an ellipsis until it is at most w pixels wide.
func fit(f font.Face, s string, w float64) string {
	s = strings.Join(strings.Fields(s), " ")
	if measure(f, s) <= w {
		return s
	}
	rs := []rune(s)
	lo, hi := 0, len(rs)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if measure(f, strings.TrimSpace(string(rs[:mid]))+"…") <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimSpace(string(rs[:lo])) + "…"
}

// wrap breaks s into at most maxLines lines of width w; the last line
// shown ends with an ellipsis when text remains.
func wrap(f font.Face, s string, w float64, maxLines int) []string {
	var lines []string
	cur := ""
	words := strings.Fields(s)
	for i, word := range words {
		try := strings.TrimSpace(cur + " " + word)
		if measure(f, try) <= w || cur == "" {
			cur = try
			continue
		}
		lines = append(lines, cur)
		cur = word
		if len(lines) == maxLines {
			lines[maxLines-1] = fit(f, lines[maxLines-1]+" "+strings.Join(words[i:], " "), w)
			return lines
		}
	}
	if cur != "" {
		lines = append(lines, fit(f, cur, w))
	}
	return lines
}
