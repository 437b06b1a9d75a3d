// Package e2e holds the browser tests of the news site: the real binary,
// started on a loopback port with a temporary database, driven through
// headless Chromium the way readers, commenters and editors use it, with
// axe-core checking each important page for accessibility problems.
//
// The tests live in _test.go files and run with `go test ./...`. They need
// Chromium (/usr/bin/chromium, or the path in NEWS_CHROMIUM) and npm (to
// fetch axe-core into e2e/node_modules on first use). Set NEWS_SKIP_E2E=1
// to skip them; without it, a missing browser fails the tests.
package e2e
