package newsroom

import "testing"

func TestValidLink(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{
		"https://facebook.com/x": true, "http://t.me/x": true, "/feed": false,
		"javascript:alert(1)": false, "https://": false, "ftp://x.org": false,
		"https://user:pw@x.org": false, "//evil.example": false, `https://x.org/"><script>`: false,
	} {
		if got := validLink(s, false); got != want {
			t.Errorf("validLink(%q) = %v", s, got)
		}
	}
	if !validLink("/feed", true) || validLink("//evil.example/feed", true) {
		t.Error("local RSS path rules")
	}
}
