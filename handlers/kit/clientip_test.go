package kit

import (
	"net/http/httptest"
	"testing"
)

func TestClientAddressIgnoresForwardedHeadersByDefault(t *testing.T) {
	t.Parallel()
	req := httptest.NewRequest("GET", "/", nil)
	req.RemoteAddr = "203.0.113.9:5555"
	req.Header.Set("X-Forwarded-For", "198.51.100.1")
	req.Header.Set("X-Real-IP", "198.51.100.2")
	if got := IPExtractor(nil)(req); got != "203.0.113.9" {
		t.Errorf("no trusted proxy: client is %q, want the peer address", got)
	}
	// Not even a loopback or private peer is trusted unless named.
	req.RemoteAddr = "127.0.0.1:5555"
	if got := IPExtractor(nil)(req); got != "127.0.0.1" {
		t.Errorf("loopback peer: client is %q", got)
	}
}

func TestClientAddressFromANamedProxy(t *testing.T) {
	t.Parallel()
	proxies, err := ParseProxies([]string{"10.0.0.5", "192.168.0.0/16"})
	if err != nil {
		t.Fatal(err)
	}
	ext := IPExtractor(proxies)
	req := httptest.NewRequest("GET", "/", nil)
	req.RemoteAddr = "10.0.0.5:4000"
	req.Header.Set("X-Forwarded-For", "1.2.3.4, 198.51.100.7")
	if got := ext(req); got != "198.51.100.7" {
		t.Errorf("behind a trusted proxy: client is %q, want the hop the proxy added", got)
	}
	req.RemoteAddr = "10.0.0.6:4000" // not a named proxy
	if got := ext(req); got != "10.0.0.6" {
		t.Errorf("from an unnamed peer: client is %q, want the peer", got)
	}
	if _, err := ParseProxies([]string{"not-an-ip"}); err == nil {
		t.Error("bad proxy address accepted")
	}
}
