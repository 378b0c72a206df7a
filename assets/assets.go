// Package assets embeds Copytrail's icon and its demo corpus: short articles
// written for the project (never copied from real outlets) that show every
// kind of reuse Copytrail finds.
package assets

import (
	"embed"
	"io/fs"
)

//go:embed icon.png
var Icon []byte

//go:embed demo/*.txt
var demo embed.FS

// Demo returns the demo corpus as a file system rooted at its folder.
func Demo() fs.FS {
	sub, err := fs.Sub(demo, "demo")
	if err != nil {
		panic("assets: demo corpus missing from the build: " + err.Error())
	}
	return sub
}
