// Package loopback tells whether a host names this machine, for the rules
// that treat this machine differently: plain http:// to the API, and which
// Host and Origin values the HTTP transports accept.
package loopback

import (
	"net/netip"
	"strings"
)

// Host reports whether host is "localhost" or a loopback IP address. host
// carries no port; IPv6 brackets are allowed.
func Host(host string) bool {
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.IsLoopback()
}
