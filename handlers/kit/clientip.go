package kit

import (
	"net"

	"github.com/labstack/echo/v4"
)

// IPExtractor decides where a client's address comes from. By default it
// is the connection's peer address and X-Forwarded-For is ignored: anyone
// can send that header. Only when proxies are named is the header
// believed, and then only the hops those proxies added.
func IPExtractor(trusted []*net.IPNet) echo.IPExtractor {
	if len(trusted) == 0 {
		return echo.ExtractIPDirect()
	}
	opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, n := range trusted {
		opts = append(opts, echo.TrustIPRange(n))
	}
	return echo.ExtractIPFromXFFHeader(opts...)
}

// ParseProxies reads proxy addresses or CIDR ranges ("10.0.0.1",
// "10.0.0.0/8") as given to --trusted-proxy.
func ParseProxies(list []string) ([]*net.IPNet, error) {
	var out []*net.IPNet
	for _, s := range list {
		if s == "" {
			continue
		}
		if ip := net.ParseIP(s); ip != nil {
			bits := 32
			if ip.To4() == nil {
				bits = 128
			}
			out = append(out, &net.IPNet{IP: ip, Mask: net.CIDRMask(bits, bits)})
			continue
		}
		_, n, err := net.ParseCIDR(s)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

// LimitKey is the address a limit counts a client under: an IPv4 address
// as it is, an IPv6 address by its /64, since one home or server is given
// a whole /64 and can pick a new address in it for every request.
func LimitKey(addr string) string {
	ip := net.ParseIP(addr)
	if ip == nil || ip.To4() != nil {
		return addr
	}
	return (&net.IPNet{IP: ip.Mask(net.CIDRMask(64, 128)), Mask: net.CIDRMask(64, 128)}).String()
}
