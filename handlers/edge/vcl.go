package edge

import (
	"fmt"
	"net"
	"strings"
)

// VCLFor returns the shipped VCL with its backend set to addr (host:port).
func VCLFor(addr string) (string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("backend %q: %w", addr, err)
	}
	if host == "" {
		host = "127.0.0.1"
	}
	r := strings.NewReplacer(`.host = "127.0.0.1";`, fmt.Sprintf(`.host = %q;`, host),
		`.port = "8080";`, fmt.Sprintf(`.port = %q;`, port))
	return r.Replace(VCL), nil
}
