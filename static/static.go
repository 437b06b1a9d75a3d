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
	"path"
	"strings"
)

//go:embed css img icons js
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

// Asset is one embedded file ready to serve.
type Asset struct {
	Body        []byte
	ContentType string
	ETag        string
}

// Lookup finds the file a /static/<hash>/<file> URL names. A hash that is
// not the file's current one is not found, so a stale URL is never cached
// under new content.
func (a *Assets) Lookup(urlPath string) (Asset, bool) {
	rest := strings.TrimPrefix(urlPath, Prefix)
	hash, name, ok := strings.Cut(rest, "/")
	if !ok || a.hashes[name] == "" || a.hashes[name] != hash {
		return Asset{}, false
	}
	b, err := files.ReadFile(name)
	if err != nil {
		return Asset{}, false
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	return Asset{Body: b, ContentType: ctype, ETag: `"` + hash + `"`}, true
}
