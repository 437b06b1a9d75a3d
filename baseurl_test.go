package main

import (
	"io"
	"testing"
)

func TestBaseURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		env, flag, addr string
		want            string
		wantErr         bool
	}{
		{addr: "localhost:8080", want: "http://localhost:8080"},
		{addr: ":9000", want: "http://localhost:9000"},
		{addr: "0.0.0.0:80", want: "http://localhost:80"},
		{addr: "[::1]:8080", want: "http://[::1]:8080"},
		{env: "https://news.example.com/", addr: ":8080", want: "https://news.example.com"},
		{env: "https://env.example.com", flag: "https://flag.example.com", want: "https://flag.example.com"},
		{flag: "https://example.com/news", want: "https://example.com/news"},
		{flag: "news.example.com", wantErr: true},
		{flag: "ftp://news.example.com", wantErr: true},
		{flag: "https://news.example.com/?x=1", wantErr: true},
		{flag: "https://", wantErr: true},
	}
	for _, tt := range tests {
		args := []string{}
		if tt.addr != "" {
			args = append(args, "--addr", tt.addr)
		}
		if tt.flag != "" {
			args = append(args, "--base-url", tt.flag)
		}
		env := func(k string) string {
			if k == "NEWS_BASE_URL" {
				return tt.env
			}
			return ""
		}
		cfg, err := parseConfig(args, env, io.Discard)
		if tt.wantErr {
			if err == nil {
				t.Errorf("%v: want an error, got %q", args, cfg.baseURL)
			}
			continue
		}
		if err != nil || cfg.baseURL != tt.want {
			t.Errorf("%v env %q: got %q, %v; want %q", args, tt.env, cfg.baseURL, err, tt.want)
		}
	}
}
