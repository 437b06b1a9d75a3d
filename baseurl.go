package main

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

// baseURL checks the site's public address, or makes one from the listen
// address when none is given: http://localhost:8080 for "localhost:8080",
// ":8080" or "0.0.0.0:8080". The result has no trailing slash.
func baseURL(given, addr string) (string, error) {
	if given == "" {
		host, port, err := net.SplitHostPort(addr)
		if err != nil {
			return "", fmt.Errorf("listen address %q: %w", addr, err)
		}
		if host == "" || host == "0.0.0.0" || host == "::" {
			host = "localhost"
		}
		return "http://" + net.JoinHostPort(host, port), nil
	}
	u, err := url.Parse(given)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" ||
		u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return "", fmt.Errorf("base URL %q: want an address such as https://news.example.com", given)
	}
	return strings.TrimSuffix(u.String(), "/"), nil
}
