package main

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"unicode/utf16"
)

// Resource types of a Windows executable (winuser.h).
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

// peResources is what the Windows package test reads from an .exe.
type peResources struct {
	machine   uint16
	subsystem uint16
	data      map[uint32][][]byte // resource type -> the data of each resource
}

// readPEResources opens a PE file and collects its resources by type,
// walking the .rsrc directory tree (type → name → language → data).
func readPEResources(path string) (*peResources, error) {
	f, err := pe.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer f.Close()
	res := &peResources{machine: f.FileHeader.Machine, data: map[uint32][][]byte{}}
	if oh, ok := f.OptionalHeader.(*pe.OptionalHeader64); ok {
		res.subsystem = oh.Subsystem
	}
	sec := f.Section(".rsrc")
	if sec == nil {
		return nil, fmt.Errorf("%s: no .rsrc section", path)
	}
	rsrc, err := sec.Data()
	if err != nil {
		return nil, fmt.Errorf("%s: .rsrc: %w", path, err)
	}
	var walk func(off uint32, depth int, typ uint32) error
	walk = func(off uint32, depth int, typ uint32) error {
		if int(off)+16 > len(rsrc) || depth > 3 {
			return errors.New("resource directory out of bounds")
		}
		n := int(binary.LittleEndian.Uint16(rsrc[off+12:])) + int(binary.LittleEndian.Uint16(rsrc[off+14:]))
		for i := 0; i < n; i++ {
			e := off + 16 + uint32(i)*8
			if int(e)+8 > len(rsrc) {
				return errors.New("resource entry out of bounds")
			}
			id, target := binary.LittleEndian.Uint32(rsrc[e:]), binary.LittleEndian.Uint32(rsrc[e+4:])
			if depth == 0 {
				typ = id // named types (high bit set) never match ours
			}
			if target&0x80000000 != 0 {
				if err := walk(target&0x7fffffff, depth+1, typ); err != nil {
					return err
				}
				continue
			}
			if int(target)+8 > len(rsrc) {
				return errors.New("resource data entry out of bounds")
			}
			rva, size := binary.LittleEndian.Uint32(rsrc[target:]), binary.LittleEndian.Uint32(rsrc[target+4:])
			start := rva - sec.VirtualAddress
			if rva < sec.VirtualAddress || int(start+size) > len(rsrc) {
				return errors.New("resource data out of bounds")
			}
			res.data[typ] = append(res.data[typ], rsrc[start:start+size])
		}
		return nil
	}
	if err := walk(0, 0, 0); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return res, nil
}

// decodeIconImage decodes one RT_ICON image; Fyne's packager stores PNGs.
func decodeIconImage(b []byte) (image.Image, error) {
	if !bytes.HasPrefix(b, []byte("\x89PNG")) {
		return nil, errors.New("not a PNG icon image")
	}
	return png.Decode(bytes.NewReader(b))
}

func decodePNG(path string) (image.Image, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return png.Decode(bytes.NewReader(b))
}

// sameImage compares two images pixel by pixel, premultiplied, allowing a
// difference of 2 in 255 per channel: the packager converts the 16-bit icon
// to 8 bits through premultiplied alpha, which rounds faint edge pixels.
func sameImage(a, b image.Image) bool {
	if a.Bounds().Size() != b.Bounds().Size() {
		return false
	}
	ab, bb := a.Bounds(), b.Bounds()
	near := func(x, y uint32) bool { return x>>8 <= y>>8+2 && y>>8 <= x>>8+2 }
	for y := 0; y < ab.Dy(); y++ {
		for x := 0; x < ab.Dx(); x++ {
			r1, g1, b1, a1 := a.At(ab.Min.X+x, ab.Min.Y+y).RGBA()
			r2, g2, b2, a2 := b.At(bb.Min.X+x, bb.Min.Y+y).RGBA()
			if !near(r1, r2) || !near(g1, g2) || !near(b1, b2) || !near(a1, a2) {
				return false
			}
		}
	}
	return true
}

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}
