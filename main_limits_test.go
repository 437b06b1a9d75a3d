package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The real server refuses a request whose headers pass the maximum size
// with 431, and goes on serving.
func TestOversizedHeadersRefused(t *testing.T) {
	addr, stop := startSite(t, "--db", filepath.Join(t.TempDir(), "news.db"), "--no-demo")
	defer stop()
	req, _ := http.NewRequest(http.MethodGet, addr+"/", nil)
	req.Header.Set("Cookie", "x="+strings.Repeat("a", 200<<10))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
		t.Errorf("200 KB of headers: %d, want 431", res.StatusCode)
	}
	res, err = http.Get(addr + "/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("front page afterwards: %d", res.StatusCode)
	}
}

// With --tls-cert and --tls-key the site serves HTTPS, and its answers
// carry Strict-Transport-Security.
func TestServesTLSWithHSTS(t *testing.T) {
	dir := t.TempDir()
	certFile, keyFile := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	pool := writeSelfSignedCert(t, certFile, keyFile)
	addr, stop := startSite(t, "--db", filepath.Join(dir, "news.db"), "--no-demo", "--tls-cert", certFile, "--tls-key", keyFile)
	defer stop()
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	res, err := client.Get(addr + "/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.Contains(res.Header.Get("Strict-Transport-Security"), "max-age=") {
		t.Errorf("HTTPS front page: %d, HSTS %q", res.StatusCode, res.Header.Get("Strict-Transport-Security"))
	}
}

// writeSelfSignedCert writes a certificate for 127.0.0.1 and its key, and
// returns a pool that trusts it.
func writeSelfSignedCert(t *testing.T, certFile, keyFile string) *x509.CertPool {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "news test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}, IsCA: true, BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kb, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600)
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return pool
}
