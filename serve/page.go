package serve

import (
	"bytes"
	"embed"
	"io/fs"
	"net/http"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// assets are the page and what it loads: no CDN, so it works offline.
//
//go:embed assets
var assets embed.FS

func assetHandler() http.Handler {
	sub, _ := fs.Sub(assets, "assets")
	return http.StripPrefix("/assets/", http.FileServerFS(sub))
}

func (s *Server) page(w http.ResponseWriter, _ *http.Request) {
	data, _ := assets.ReadFile("assets/index.html")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(data)
}

// md renders the reviewer Markdown as HTML: GitHub's tables, and no raw
// HTML let through (goldmark leaves it out unless told otherwise), for a
// case's title and ids come from whoever posted it.
var md = goldmark.New(goldmark.WithExtensions(extension.Table))

func markdownHTML(src []byte) ([]byte, error) {
	var buf bytes.Buffer
	if err := md.Convert(src, &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
