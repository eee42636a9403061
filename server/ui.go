package server

import (
	"embed"
	"fmt"
	"io/fs"
	"net/http"
	"strings"
)

// openapiJSON is the OpenAPI 3 description of the API. server_test checks
// that it parses and documents every route the server registers.
//
//go:embed openapi.json
var openapiJSON []byte

func (s *Server) openapi(w http.ResponseWriter, r *http.Request) {
	if _, err := params(r); err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(openapiJSON)
}

// uiFiles is the built web UI (ui/ in the repository; rebuild with
// `npm --prefix ui ci && npm --prefix ui run build`, which writes here).
//
//go:embed all:ui/dist
var uiFiles embed.FS

// mountUI serves the single-page UI: index.html at / and its assets. The
// UI routes with the URL fragment (#/article/ID), so every view is a
// shareable link and the server needs no route per view.
func (s *Server) mountUI() error {
	dist, err := fs.Sub(uiFiles, "ui/dist")
	if err != nil {
		return fmt.Errorf("server: embedded UI: %w", err)
	}
	index, err := fs.ReadFile(dist, "index.html")
	if err != nil {
		return fmt.Errorf("server: embedded UI has no index.html; rebuild it with `npm --prefix ui ci && npm --prefix ui run build`: %w", err)
	}
	files := http.FileServerFS(dist)
	s.mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write(index)
	})
	s.mux.HandleFunc("GET /assets/", func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r) // no directory listings
			return
		}
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
	return nil
}
