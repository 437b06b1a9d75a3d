package newsroom

import "testing"

func TestLocalNext(t *testing.T) {
	t.Parallel()
	for next, want := range map[string]string{
		"/admin/settings?tab=1":   "/admin/settings?tab=1",
		"https://evil.example/":   "/admin",
		"//evil.example/admin":    "/admin",
		"/\\evil.example":         "/admin",
		"/admin@evil.example":     "/admin",
		"/admin/../../evil":       "/admin/../../evil",
		"javascript:alert(1)":     "/admin",
		"/admin\r\nSet-Cookie: x": "/admin",
		"":                        "/admin",
	} {
		if got := localNext(next); got != want {
			t.Errorf("localNext(%q) = %q, want %q", next, got, want)
		}
	}
}
