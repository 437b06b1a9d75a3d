// Package static embeds the site's CSS, icons and images and serves them at
// fingerprinted URLs with a long cache lifetime.
package static

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

//go:embed css img
var files embed.FS

// Prefix is where the assets are served.
const Prefix = "/static/"

// Assets maps each embedded file to a URL holding a hash of its content, so
// a changed file gets a new URL and browsers may keep each one forever.
type Assets struct {
	hashes map[string]string // file path -> content hash
}

// Load hashes every embedded file.
func Load() (*Assets, error) {
	a := &Assets{hashes: map[string]string{}}
	err := fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := files.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		a.hashes[p] = hex.EncodeToString(sum[:6])
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("static: hash assets: %w", err)
	}
	return a, nil
}

// URL returns the fingerprinted URL of a file such as "css/site.css". An
// unknown name panics at template execution, which tests catch.
func (a *Assets) URL(name string) (string, error) {
	h, ok := a.hashes[name]
	if !ok {
		return "", fmt.Errorf("static: no asset %q", name)
	}
	return Prefix + h + "/" + name, nil
}

// ServeHTTP serves /static/<hash>/<file>. A hash that is not the file's
// current one is a 404, so a stale URL is never cached under new content.
func (a *Assets) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rest := strings.TrimPrefix(r.URL.Path, Prefix)
	hash, name, ok := strings.Cut(rest, "/")
	if !ok || a.hashes[name] == "" || a.hashes[name] != hash {
		http.NotFound(w, r)
		return
	}
	b, err := files.ReadFile(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	w.Header().Set("ETag", `"`+hash+`"`)
	if r.Header.Get("If-None-Match") == `"`+hash+`"` {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Write(b)
}
